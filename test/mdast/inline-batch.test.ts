import type { PhrasingContent, Root } from 'mdast';
import type { Point } from 'unist';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { InlineBatch, parseInline } from '../../src/mdast/parse-inline.js';
import { createParser } from '../../src/pipeline.js';

const parser = createParser(resolveConfig());
let parses = 0;
const parse = (text: string) => {
  parses++;
  return parser.parse(text) as Root;
};
/** Moves a piece's points to line `line` of a lecture, as a table cell's map does. */
const mapTo = (line: number) => (point: Point): Point => ({ line, column: point.column + 4, offset: (point.offset ?? 0) + 100 * line });

function batched(texts: string[]): { results: PhrasingContent[][]; parses: number } {
  parses = 0;
  const batch = new InlineBatch(parse);
  const results: PhrasingContent[][] = [];
  texts.forEach((text, index) => batch.add(text, mapTo(index + 1), (children) => (results[index] = children)));
  batch.flush();
  return { results, parses };
}

describe('InlineBatch', () => {
  const pieces = ['**bold** and `code`', '1. not a list', '- not an item either', '[a link](https://example.org) $x^2$', '<span>raw</span> *a*', '# no heading', 'plain'];

  test('gives every piece what parsing it alone gives, positions included, in one parse', () => {
    const { results, parses: count } = batched(pieces);
    expect(count).toBe(1);
    pieces.forEach((text, index) => expect(results[index]).toEqual(parseInline(parse, text, mapTo(index + 1))));
    expect(results[1]).toEqual([expect.objectContaining({ type: 'text', value: '1. not a list' })]);
  });

  test('parses pieces of several lines or blanks alone, and the rest still together', () => {
    const texts = ['one', 'two\nlines', '   ', 'three *x*'];
    const { results, parses: count } = batched(texts);
    expect(count).toBe(3);
    texts.forEach((text, index) => expect(results[index]).toEqual(parseInline(parse, text, mapTo(index + 1))));
  });

  test('falls back to one parse a piece when the batch does not split into one paragraph each', () => {
    // A fake parser that merges everything into one paragraph: the batch must notice and parse alone.
    const merging = (text: string) => (text.includes('\n\n') ? parse(text.replace(/\n\n/g, ' ')) : parse(text));
    const batch = new InlineBatch(merging);
    const results: PhrasingContent[][] = [];
    ['a *b*', 'c'].forEach((text, index) => batch.add(text, undefined, (children) => (results[index] = children)));
    batch.flush();
    expect(results).toEqual([parseInline(parse, 'a *b*'), parseInline(parse, 'c')]);
  });
});
