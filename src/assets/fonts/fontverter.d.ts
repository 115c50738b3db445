/** fontverter ships no types: the one function we use. */
declare module 'fontverter' {
  /** Convert a font between `truetype` (sfnt), `woff` and `woff2`. */
  export function convert(font: Buffer, to: 'truetype' | 'woff' | 'woff2', from?: 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
}
