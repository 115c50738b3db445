/**
 * The characters a deck shows (`render/glyphs.ts`), on the built page: each
 * character beyond ASCII with the line it is first written on (a highlighted
 * token's at its code block's line), the emoji and symbols apart, and none
 * from text that no theme font draws (scripts, styles, typeset math).
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'glyphs', standalone: false });

async function glyphsOf(text: string) {
  const file = new VFile({ path: 'lecture.md', value: text });
  processor.stringify(await processor.run(processor.parse(file), file), file);
  return { lines: file.data.glyphLines, emoji: file.data.emoji, symbols: file.data.symbols };
}

describe('the glyphs of a deck', () => {
  test('gives each character beyond ASCII the line it is first written on, in text and in highlighted code', async () => {
    const { lines } = await glyphsOf('## Café\n\nNaïve text.\n\n```python\nprint("ŝ")  # ŝ again\n```\n\nCafé once more, and ŝ.\n');
    // The token has no position of its own: the code block's, from its fence.
    expect(lines).toEqual({ é: 1, ï: 3, ŝ: 5 });
  });

  test('leaves out typeset math, scripts and styles, which no theme font draws', async () => {
    const { lines } = await glyphsOf('## T\n\nSum: $\\sum_i x_i = ∞$.\n\n<script>const ø = 1;</script>\n\n<style>p::after { content: "ß"; }</style>\n\nPlain ü.\n');
    expect(lines).toEqual({ ü: 9 });
  });

  test('sets the emoji apart for the emoji font', async () => {
    const { emoji, lines } = await glyphsOf('## T\n\nShip it 🚀 today.\n');
    expect(emoji).toBe('🚀');
    expect(lines?.['🚀']).toBe(3);
  });
});
