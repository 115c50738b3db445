/**
 * Patterns rewritten so that no part of them can take the same characters
 * as another (which cost the square of a long run): each accepts what the
 * pattern it replaced accepted, checked on random strings of the
 * characters that matter.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { widthFraction } from '../src/render/columns.js';
import { header } from '../src/transforms/chunks.js';
import { bracketed } from '../src/transforms/code-lines.js';
import { lengthPattern } from '../src/transforms/tex.js';

type Captures = (match: RegExpExecArray) => unknown;

/** Whether `after` matches, and captures what its user reads (`read`), as `before` did on random strings of `characters`. */
function same(before: RegExp, after: RegExp, characters: string[], prepare: (text: string) => string | undefined = (text) => text, read: Captures = (match) => [...match].slice(1)) {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 14 }), (parts) => {
      const text = parts.join('');
      const expected = before.exec(text);
      const prepared = prepare(text);
      const actual = prepared === undefined ? null : after.exec(prepared);
      expect(actual && read(actual)).toEqual(expected && read(expected));
    }),
    { numRuns: 4000 },
  );
}

describe('patterns in linear time', () => {
  test('a length in TeX units and a fraction of the text width', () => {
    same(/^-?\d*\.?\d+\s*(cm|mm|in|pt|px|em|ex|pc)$/, lengthPattern, ['-', '1', '0', '.', ' ', 'cm', 'px', 'x']);
    same(/^\s*(\d*\.?\d+)\s*\\(?:textwidth|linewidth|columnwidth|paperwidth)\s*$/, widthFraction, ['1', '.', ' ', '\\textwidth', '\\linewidth', 'x']);
  });

  test("reveal.js line numbers after a code block's language", () => {
    // The list is read without its spaces.
    same(/^\[\s*(?:(\d+)\s*:\s*)?([\d\s,|-]*)\]$/, bracketed, ['[', ']', '1', ' ', ':', ',', '|', '-', 'x'], undefined, (match) => [match[1], match[2]!.replace(/\s+/g, '')]);
  });

  test("a code chunk's header, its closing brace taken off first", () => {
    same(/^\{([A-Za-z][\w-]*)(?:[\s,]+(.*?))?\}\s*$/s, header, ['{', '}', 'r', 'x-', ' ', ',', '\n', '=', '.'], (text) => {
      const trimmed = text.trimEnd();
      return trimmed.endsWith('}') ? trimmed.slice(0, -1) : undefined;
    }, (match) => [match[1], match[2] ?? '']);
  });
});
