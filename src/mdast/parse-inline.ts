/**
 * Parse one piece of text as inline markdown with the lecture's own parser
 * (every syntax extension included), as Pandoc reads a table cell or a
 * metadata field: the text is parsed after a word (`x `), so nothing in it
 * starts a block (`1. Intro` stays text, not a list), and the word is taken
 * off again. `map` moves positions from the text into the lecture.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

const prefix = 'x ';

/** The inline content of `text`. */
export function parseInline(parse: (text: string) => Root, text: string, map?: (point: Point) => Point | undefined): PhrasingContent[] {
  const root = parse(`${prefix}${text}`);
  visit(root, (node: Nodes) => {
    if (!node.position) return;
    const start = shift(node.position.start, map);
    const end = shift(node.position.end, map);
    node.position = start && end ? { start, end } : undefined;
  });
  const [first] = root.children;
  if (root.children.length !== 1 || first?.type !== 'paragraph') return [{ type: 'text', value: text }];
  const children = first.children;
  const [head] = children;
  if (head?.type !== 'text' || !head.value.startsWith(prefix)) return children;
  head.value = head.value.slice(prefix.length);
  return head.value === '' ? children.slice(1) : children;
}

/** A point of the parsed text without the prefix, mapped. */
function shift(point: Point, map: ((point: Point) => Point | undefined) | undefined): Point | undefined {
  const local = point.line === 1 ? { ...point, column: Math.max(point.column - prefix.length, 1), offset: Math.max((point.offset ?? 0) - prefix.length, 0) } : { ...point, offset: (point.offset ?? 0) - prefix.length };
  return map ? map(local) : local;
}
