/**
 * The one-pass span finders give what the lazy patterns they replace gave
 * (each pattern scanned to the end of the text from every unclosed opening,
 * the square of the text's size), checked on random texts made of the
 * delimiters' characters; and the literal-range test agrees with testing
 * every range.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, test } from 'vitest';
import { attributeListSpans, liquidSpans } from '../../src/dialects/liquid-spans.js';
import { findShortcodes } from '../../src/mdast/shortcodes.js';
import { literalOverlap } from '../../src/mdast/spans.js';

const empty: Root = { type: 'root', children: [] };
const text = (characters: string[]) => fc.array(fc.constantFrom(...characters), { maxLength: 60 }).map((parts) => parts.join(''));

/** Matches of `pattern`, with line and column as the old finders counted them. */
function located(source: string, pattern: RegExp) {
  return [...source.matchAll(pattern)].map((match) => {
    const before = source.slice(0, match.index);
    return { start: match.index, end: match.index + match[0].length, text: match[0], line: before.split('\n').length, column: match.index - (before.lastIndexOf('\n') + 1) + 1 };
  });
}

describe('span finders', () => {
  test('shortcodes: what /(?<!\\{)\\{\\{<\\s*([A-Za-z][\\w-]*)([\\s\\S]*?)>\\}\\}(?!\\})/g matches', () => {
    const old = /(?<!\{)\{\{<\s*([A-Za-z][\w-]*)([\s\S]*?)>\}\}(?!\})/g;
    fc.assert(
      fc.property(text(['{', '{{<', '}', '>}}', '>', '<', ' ', '\n', 'a', 'b-', '1']), (source) => {
        const expected = [...source.matchAll(old)].map((match) => ({ name: match[1], args: match[2]!.trim(), start: match.index, end: match.index + match[0].length }));
        expect(findShortcodes(source, empty)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  test('Liquid tags and kramdown attribute lists: what /\\{\\{[\\s\\S]*?\\}\\}|\\{%[\\s\\S]*?%\\}/g and /\\{:[^}\\n]*\\}/g match', () => {
    fc.assert(
      fc.property(text(['{', '}', '%', ':', '{{', '}}', '{%', '%}', '{:', '\n', ' ', 'a']), (source) => {
        expect(liquidSpans(source, empty)).toEqual(located(source, /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g));
        expect(attributeListSpans(source, empty)).toEqual(located(source, /\{:[^}\n]*\}/g));
      }),
      { numRuns: 5000 },
    );
  });

  test('a span overlaps a literal node exactly when some literal range overlaps it', () => {
    const range = fc.tuple(fc.nat(50), fc.nat(20)).map(([start, length]) => [start, start + length] as const);
    fc.assert(
      fc.property(fc.array(range, { maxLength: 8 }), fc.array(range, { maxLength: 12 }), (literals, spans) => {
        const tree: Root = {
          type: 'root',
          children: literals.map(([start, end]) => ({ type: 'code', value: '', position: { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } } })),
        };
        const overlaps = literalOverlap(tree);
        for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
          expect(overlaps({ start, end })).toBe(literals.some(([from, to]) => start < to && end > from));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
