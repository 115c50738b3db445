/**
 * Font subsetting with HarfBuzz's hb-subset, compiled to WebAssembly
 * (harfbuzzjs: no native build, nothing downloaded at install), with WOFF2
 * read and written by fontverter (wawoff2, also WebAssembly). Used for the
 * colour emoji font (which also needs its `COLR` table, see `colr.ts`) and
 * for the fonts of single-file decks.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { commonJs } from '../../interop.js';

const require = createRequire(import.meta.url);

/** What to keep of a font. */
export interface SubsetRequest {
  /** Characters to keep (and every glyph their shaping reaches: ligatures, variants). */
  unicodes: Iterable<number>;
  /** Glyph ids to keep besides. */
  glyphs?: Iterable<number> | undefined;
  /** Keep glyph ids as they are (unkept glyphs become empty). @default false */
  retainGids?: boolean | undefined;
}

interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  [name: string]: unknown;
}

let harfbuzz: Promise<HarfBuzz> | undefined;

async function loadHarfBuzz(): Promise<HarfBuzz> {
  const wasm = await readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
  const { instance } = await WebAssembly.instantiate(wasm);
  const exports = instance.exports as unknown as HarfBuzz & { _initialize(): void };
  exports._initialize();
  return exports;
}

const retainGidsFlag = 0x2;
const layoutFeatureSet = 6;

/** The TrueType (sfnt) font `font` subset as `request` says. */
export async function subsetFont(font: Uint8Array, request: SubsetRequest): Promise<Buffer> {
  const hb = await (harfbuzz ??= loadHarfBuzz());
  const call = (name: string, ...args: number[]) => (hb[name] as (...values: number[]) => number)(...args);
  const pointer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, pointer);
  const blob = call('hb_blob_create', pointer, font.byteLength, 2, 0, 0);
  const face = call('hb_face_create', blob, 0);
  call('hb_blob_destroy', blob);
  const input = call('hb_subset_input_create_or_fail');
  try {
    if (input === 0) throw new Error('hb-subset could not start');
    // Every layout feature is kept (hb-subset's own default keeps only the common ones).
    const features = call('hb_subset_input_set', input, layoutFeatureSet);
    call('hb_set_clear', features);
    call('hb_set_invert', features);
    const unicodes = call('hb_subset_input_unicode_set', input);
    for (const code of request.unicodes) call('hb_set_add', unicodes, code);
    const glyphs = call('hb_subset_input_glyph_set', input);
    for (const glyph of request.glyphs ?? []) call('hb_set_add', glyphs, glyph);
    if (request.retainGids) call('hb_subset_input_set_flags', input, call('hb_subset_input_get_flags', input) | retainGidsFlag);
    const subset = call('hb_subset_or_fail', face, input);
    if (subset === 0) throw new Error('hb-subset failed: is the font file damaged?');
    const result = call('hb_face_reference_blob', subset);
    const data = call('hb_blob_get_data', result, 0);
    const length = call('hb_blob_get_length', result);
    const copy = Buffer.from(new Uint8Array(hb.memory.buffer).slice(data, data + length));
    call('hb_blob_destroy', result);
    call('hb_face_destroy', subset);
    return copy;
  } finally {
    if (input !== 0) call('hb_subset_input_destroy', input);
    call('hb_face_destroy', face);
    hb.free(pointer);
  }
}

/** A font file (TrueType, WOFF or WOFF2) as TrueType. */
export async function toTrueType(font: Uint8Array): Promise<Buffer> {
  const fontverter = commonJs(await import('fontverter'));
  return Buffer.from(await fontverter.convert(Buffer.from(font), 'truetype'));
}

/** A TrueType font as WOFF2. */
export async function toWoff2(font: Uint8Array): Promise<Buffer> {
  const fontverter = commonJs(await import('fontverter'));
  return Buffer.from(await fontverter.convert(Buffer.from(font), 'woff2', 'truetype'));
}

/** The tables of a TrueType font, by tag. */
export function readTables(font: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  for (let index = 0; index < font.readUInt16BE(4); index++) {
    const record = 12 + 16 * index;
    const [offset, length] = [font.readUInt32BE(record + 8), font.readUInt32BE(record + 12)];
    tables.set(font.toString('latin1', record, record + 4), font.subarray(offset, offset + length));
  }
  return tables;
}

/** A TrueType font made of `tables` (checksums and `head.checkSumAdjustment` computed). */
export function writeFont(tables: Map<string, Buffer>, version = 0x00010000): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(count * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tags.forEach((tag, index) => {
    const table = Buffer.from(tables.get(tag)!);
    if (tag === 'head') table.writeUInt32BE(0, 8);
    const record = 12 + 16 * index;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(checksum(table), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.length, record + 12);
    const padded = Buffer.alloc((table.length + 3) & ~3);
    table.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const head = tags.indexOf('head');
  if (head !== -1) font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, header.readUInt32BE(12 + 16 * head + 8) + 8);
  return font;
}

function checksum(data: Buffer): number {
  let sum = 0;
  for (let at = 0; at < data.length; at += 4) {
    const word = at + 4 <= data.length ? data.readUInt32BE(at) : Buffer.concat([data.subarray(at), Buffer.alloc(4)]).readUInt32BE(0);
    sum = (sum + word) >>> 0;
  }
  return sum;
}
