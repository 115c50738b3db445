/**
 * Finding delimited spans in a lecture's source in one pass. A lazy pattern
 * such as `\{\{[\s\S]*?\}\}` is started over at every opening, and an
 * opening without its closing scans to the end of the text: a lecture of
 * unclosed `{{` cost the square of its size. Here each closing delimiter is
 * searched for once, whatever the openings; and the source ranges of code,
 * math and front matter are tested in order, not each against every span.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** One span: where it starts and ends (exclusive) in the text. */
export interface Found {
  start: number;
  end: number;
}

/**
 * The earliest place at or after a position where `close` is, optionally
 * where `accept` also holds, for positions asked in increasing order.
 */
export function closings(text: string, close: string, accept: (at: number) => boolean = () => true): (from: number) => number {
  let found = -2;
  return (from) => {
    if (found === -1 || found >= from) return found;
    found = text.indexOf(close, from);
    while (found !== -1 && !accept(found)) found = text.indexOf(close, found + 1);
    return found;
  };
}

/** Node types whose source is literal: what is in them is not markup. */
const literal = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'yaml', 'html']);

/**
 * A test of whether a span overlaps the source of a literal node of
 * `tree` (of the `types` given), for spans asked in increasing order of start.
 */
export function literalOverlap(tree: Root, types: ReadonlySet<string> = literal): (span: Found) => boolean {
  const ranges: Array<[number, number]> = [];
  visit(tree, (node) => {
    const { start, end } = node.position ?? {};
    if (types.has(node.type) && start?.offset !== undefined && end?.offset !== undefined) ranges.push([start.offset, end.offset]);
  });
  ranges.sort((a, b) => a[0] - b[0]);
  let first = 0;
  return ({ start, end }) => {
    // A range that ends before this span's start ends before every later span's too.
    while (first < ranges.length && ranges[first]![1] <= start) first++;
    // Sorted by start, the first range left is the only one that can begin before the span ends while reaching into it.
    const range = ranges[first];
    return range !== undefined && range[0] < end;
  };
}
