/**
 * `parseInlines` (many one-line texts in one parse, as a table's cells are
 * read) against `parseInline` on each text alone: same nodes, same positions,
 * on table cells from the fixture corpus's alphabet of markdown, Pandoc and
 * GFM syntax, and with a map that moves positions as a table's does.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { parseInline, parseInlines, plainText, readInline } from '../../src/mdast/parse-inline.js';
import { createParser } from '../../src/pipeline.js';

const processor = createParser(structuredClone(defaultConfig));
const calls: string[] = [];
const parse = (text: string): Root => {
  calls.push(text);
  return processor.parse(text) as Root;
};

/** Pieces a cell is made of: words, delimiters, brackets, math, HTML, notes, escapes, URLs, entities. */
const pieces = ['a', 'word', ' ', '  ', '\t', '*', '**', '_', '~', '~~', '`', '``', '[', ']', '(', ')', '![', '](u)', '{', '}', '{.c}', '[s]{.c}',
  '$', '$$', '\\', '\\*', '\\(', '<', '>', '<b>', '</b>', '<!--', '-->', '^[', '^', '[^1]', '#', '- ', '1. ', '> ', '---', ':::', '|', '&amp;', '&',
  'https://example.com', 'www.a.org', 'a@b.co', '"', "'", '\\begin{x}', '\\end{x}', '{{', '}}', '%', ':', '=', '\u0000', 'é'];
const cell = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));

/** A map like a table's: the text's line 1 sits at line 40, column 7 of the lecture. */
const map = (point: Point): Point => ({ line: point.line + 39, column: point.column + 6, offset: (point.offset ?? 0) + 1000 });

describe('parseInlines', () => {
  test('gives what parseInline gives each text alone', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 8 }), fc.boolean(), (texts, mapped) => {
        const maps = texts.map(() => (mapped ? map : undefined));
        const alone = texts.map((text, index) => parseInline(parse, text, maps[index]));
        expect(parseInlines(parse, texts, maps)).toEqual(alone);
      }),
      { numRuns: 400, seed: 22 },
    );
  }, 120_000);

  test('a cell of plain words is the text node a parse gives, without a parse', () => {
    for (const text of ['base', '80 MB', "it's 5% (about)", 'Größe', 'a/b, c; d?', '1.5-2']) expect(plainText(text), text).toBeDefined();
    for (const text of ['www.a.org', 'a ', 'a  ', '*a*', 'a:b', 'a@b', '&amp;', 'a\\', '', ' a', 'x=1', 'a+b', 'a!']) expect(plainText(text), text).toBeUndefined();
    const word = fc.constantFrom('a', 'Word', 'é', '80', 'MB', ' ', '  ', ',', '.', ';', '?', "'", '"', '(', ')', '%', '/', '-', '--', 'www', 'www.', '1.', '-1', 'x', 'ß', '\u0301');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.boolean(), (parts, mapped) => {
        const text = parts.join('');
        const known = plainText(text, mapped ? map : undefined);
        if (known) expect(known).toEqual(readInline(parse, text, mapped ? map : undefined));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  test('a run of spaces inside a cell is read as a run: the same cells as the pattern that looked ahead from each space, in one pass', () => {
    const before = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M},.;?'"()%/-]| (?! *$))*$/u;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '1', ' ', '   ', ',', '*', '\t'), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(plainText(text) !== undefined).toBe(before.test(text));
      }),
      { numRuns: 3000 },
    );
    // 100,000 spaces took the pattern before 7 s.
    expect(plainText(`a${' '.repeat(100_000)}b`)).toBeDefined();
    expect(plainText(`a${' '.repeat(100_000)}`)).toBeUndefined();
  });

  test('reads one-line texts in one parse; a text of several lines or with a shortcode alone', () => {
    calls.length = 0;
    parseInlines(parse, ['*a*', 'b*', 'c\nd', '{{< x >}}', 'e*', 'plain']);
    expect(calls).toEqual(['x *a*\n\nx b*\n\nx e*', 'x c\nd', 'x {{< x >}}']);
  });

  test('falls back to one parse per text when the shared parse is not one paragraph per text', () => {
    calls.length = 0;
    const failing = (text: string): Root => (text.includes('\n\n') ? { type: 'root', children: [] } : parse(text));
    expect(parseInlines(failing, ['*a*', 'b*'])).toEqual([parseInline(parse, '*a*'), parseInline(parse, 'b*')]);
  });
});
