/**
 * Which characters no font has on the machine that prints: each is drawn
 * on a canvas with the deck's font lists (its web fonts, then the system's
 * fallback) and compared with characters no font can have (a private-use
 * code point of plane 16, an unassigned one). A character drawn exactly
 * like them is the "missing glyph" box, in the PDF too.
 *
 * `missingGlyphs` is serialised into the page: it must not refer to
 * anything outside itself.
 */

/** The characters of `characters` that print as the missing-glyph box in this page. */
export function missingGlyphs(characters: string[]): string[] {
  const families = [document.querySelector('.reveal') ?? document.body, document.querySelector('.reveal code')]
    .filter((element): element is Element => element !== null)
    .map((element) => getComputedStyle(element).fontFamily)
    .join(', ');
  const size = 64;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return [];
  context.font = `40px ${families || 'sans-serif'}`;
  context.textBaseline = 'top';
  const draw = (text: string) => {
    context.clearRect(0, 0, size, size);
    context.fillText(text, 8, 8);
    return { width: context.measureText(text).width, pixels: context.getImageData(0, 0, size, size).data };
  };
  const references = ['\u{10FFFD}', '\u{0378}'].map(draw);
  return characters.filter((character) => {
    const drawn = draw(character);
    return references.some((reference) => reference.width === drawn.width && reference.pixels.every((value, index) => value === drawn.pixels[index]));
  });
}
