/**
 * A limit on indentation, applied to the text before micromark reads it.
 * Each level of a nested list needs two more columns of indentation, and
 * turning micromark's events into a tree (mdast-util-from-markdown's
 * `prepareList`) rescans a list's events once per list around it: a lecture
 * of lists nested `d` deep costs `d` times its size (1,000 levels: 112 s).
 * Indentation past `maxIndentation` columns, or more than `maxNesting`
 * block quote and list markers at a line's start, cannot be nesting we keep
 * (the nesting limit flattens it anyway), so the rest of the line's start is
 * turned into no-break spaces, which markdown reads as text: the line keeps
 * its length, so every position after it stays right. Reported once, at the
 * first line outside a code block: a code block's lines are given back as
 * written once the lecture is parsed (`mdast/restore-code.ts`).
 */
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { maxNesting } from '../transforms/nesting.js';

/** Columns of indentation markdown reads as such: two a level of list. */
export const maxIndentation = 2 * maxNesting;

/** `text` with container prefixes limited (see above), and the lines (1-based, ascending) it changed. */
export function limitIndentation(text: string): { text: string; changed: number[] } {
  const changed: number[] = [];
  // Fast path: no line starts with enough whitespace or container markers to reach a limit.
  if (!new RegExp(`^[ \\t>*+\\-\\d.)]{${Math.ceil(maxIndentation / 4)},}`, 'm').test(text)) return { text, changed };
  let line = 1;
  let counted = 0;
  const limited = text.replace(/^[ \t>*+\-\d.)]+/gm, (prefix, offset: number) => {
    const cut = prefixCut(prefix);
    if (cut === undefined) return prefix;
    for (let index = text.indexOf('\n', counted); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
    counted = offset;
    changed.push(line);
    return prefix.slice(0, cut) + '\u00a0'.repeat(prefix.length - cut);
  });
  return { text: limited, changed };
}

/** Report, once, that `line`'s start was read as text. */
export function reportIndentation(file: VFile, line: number): void {
  const place = { position: { start: { line, column: 1 }, end: { line, column: 1 } } };
  report(file, `Indented more than ${maxIndentation} columns or ${maxNesting} block quotes and list markers deep; the rest of the line's start is read as text`, rules.tooDeep, place);
}

/**
 * Where a line's start passes a limit: more than `maxIndentation` columns of
 * whitespace, or more than `maxNesting` container markers (`>`, `-`, `*`,
 * `+`, `1.`). micromark copies its stack of open tokens at every marker, so
 * a line of 20,000 `>` cost the square of that.
 */
function prefixCut(prefix: string): number | undefined {
  let columns = 0;
  let markers = 0;
  for (let index = 0; index < prefix.length; index++) {
    const char = prefix[index]!;
    if (char === ' ' || char === '\t') {
      // The indentation before the first marker: what nests lists.
      if (markers > 0) continue;
      columns = char === '\t' ? columns + 4 - (columns % 4) : columns + 1;
      if (columns > maxIndentation) return index;
      continue;
    }
    const number = /^\d{1,9}[.)]/.exec(prefix.slice(index, index + 10))?.[0];
    const after = prefix[index + (number?.length ?? 1)];
    const isMarker = char === '>' || ((number !== undefined || '-*+'.includes(char)) && (after === undefined || after === ' ' || after === '\t'));
    if (!isMarker) return undefined;
    if (++markers > maxNesting) return index;
    index += (number?.length ?? 1) - 1;
  }
  return undefined;
}
