/**
 * A limit on indentation, applied to the text before micromark reads it.
 * Each level of a nested list needs two more columns of indentation, and
 * turning micromark's events into a tree (mdast-util-from-markdown's
 * `prepareList`) rescans a list's events once per list around it: a lecture
 * of lists nested `d` deep costs `d` times its size (1,000 levels: 112 s).
 * Indentation past `maxIndentation` columns cannot be a list we keep (the
 * nesting limit flattens it anyway), so the whitespace past it is turned into
 * no-break spaces, which markdown reads as text: the line keeps its length,
 * so every position after it stays right. Reported once, at the first line.
 */
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { maxNesting } from '../transforms/nesting.js';

/** Columns of indentation markdown reads as such: two a level of list. */
export const maxIndentation = 2 * maxNesting;

/** `text` with leading whitespace past `maxIndentation` columns made text; reports the first such line on `file`. */
export function limitIndentation(text: string, file?: VFile): string {
  // Fast path: no line starts with enough whitespace to reach the limit (a tab is at most four columns).
  if (!new RegExp(`^[ \\t]{${Math.ceil(maxIndentation / 4)},}`, 'm').test(text)) return text;
  let first: number | undefined;
  const limited = text.replace(/^[ \t]+/gm, (whitespace, offset: number) => {
    let column = 0;
    let index = 0;
    for (; index < whitespace.length && column < maxIndentation; index++) column = whitespace[index] === '\t' ? column + 4 - (column % 4) : column + 1;
    if (index === whitespace.length) return whitespace;
    first ??= offset;
    return whitespace.slice(0, index) + '\u00a0'.repeat(whitespace.length - index);
  });
  if (first !== undefined && file) {
    const line = text.slice(0, first).split('\n').length;
    const place = { position: { start: { line, column: 1 }, end: { line, column: 1 } } };
    report(file, `Indented more than ${maxIndentation} columns; the indentation past that is read as text`, rules.tooDeep, place);
  }
  return limited;
}
