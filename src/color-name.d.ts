/** `color-name` ships no types: CSS colour names with their red, green and blue values. */
declare module 'color-name' {
  const colors: Record<string, [number, number, number]>;
  export default colors;
}
