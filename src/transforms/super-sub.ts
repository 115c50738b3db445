/**
 * Pandoc's superscript and subscript, on by default in Pandoc and Quarto:
 * `2^10^`, `R^3^`, `H~2~O`. The text between the marks is not empty and
 * has no space or line break (Pandoc wants spaces escaped); a mark written
 * with a backslash (`\^`) is a plain character. `~~…~~` is strikeout; a
 * single pair of tildes, which GFM also reads as strikeout, is a subscript
 * in these dialects, or its text as written when it holds a space. Never in
 * code, math, raw HTML or a URL shown as a link. Off with
 * `format: markdown-superscript` or `-subscript` (or the same in `from:`). Other dialects (GitHub
 * tutorials, reveal-md) have neither, as their own tools.
 */
import type { Delete, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { lectureExtensions } from '../dialects/format.js';
import type { Subscript, Superscript } from '../types.js';
import { escapedIndices, isAutolink, pandocDialects } from './written.js';

const marks = /\^([^\s^]+)\^|~([^\s~]+)~/g;

/** Remark plugin: `^sup^` and `~sub~`. */
export function superSub() {
  return (tree: Root, file: VFile): undefined => {
    if (!pandocDialects.has(file.data.dialect ?? 'pandoc')) return;
    const extensions = lectureExtensions(file.data.meta?.raw);
    const wanted = { sup: extensions.superscript ?? true, sub: extensions.subscript ?? true };
    if (!wanted.sup && !wanted.sub) return;
    const source = String(file.value);
    const place = location(file);
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (isAutolink(node)) return SKIP;
      if (!parent || index === undefined) return undefined;
      if (node.type === 'delete' && wanted.sub && singleTilde(node, source)) {
        const replacement = fromSingleTilde(node);
        parent.children.splice(index, 1, ...replacement);
        return index;
      }
      if (node.type !== 'text' || !/[\^~]/.test(node.value)) return undefined;
      const parts = split(node, escapedIndices(node, source), wanted, source, place);
      if (!parts) return undefined;
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}

/** Whether GFM read `node` from one tilde on each side (`~a~`), which Pandoc does not take for strikeout. */
function singleTilde(node: Delete, source: string): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  return source[start] === '~' && source[start + 1] !== '~' && source[end - 1] === '~' && source[end - 2] !== '~';
}

/** A single-tilde strikeout as Pandoc reads it: a subscript of plain text without spaces, else its text between tildes. */
function fromSingleTilde(node: Delete): PhrasingContent[] {
  const text = toString(node);
  if (node.children.length === 1 && node.children[0]!.type === 'text' && text !== '' && !/\s/.test(text)) {
    return [{ type: 'subscript', children: node.children, position: node.position, data: { hName: 'sub' } } satisfies Subscript];
  }
  return [{ type: 'text', value: '~' }, ...node.children, { type: 'text', value: '~' }];
}

/** `node` cut at its superscripts and subscripts, or `undefined` when it has none. */
function split(node: Text, escaped: Set<number>, wanted: { sup: boolean; sub: boolean }, source: string, place: ReturnType<typeof location>): PhrasingContent[] | undefined {
  const { value } = node;
  const parts: PhrasingContent[] = [];
  // Positions only where the text is the source as written (no escapes or entities between).
  const start = node.position?.start.offset;
  const exact = start !== undefined && source.slice(start, node.position?.end.offset) === value;
  const at = (from: number, to: number) => {
    const begin = exact ? place.toPoint(start + from) : undefined;
    const end = exact ? place.toPoint(start + to) : undefined;
    return begin && end ? { start: begin as Point, end: end as Point } : undefined;
  };
  let last = 0;
  for (const match of value.matchAll(marks)) {
    const from = match.index;
    const to = from + match[0].length;
    const sup = match[1] !== undefined;
    if (!(sup ? wanted.sup : wanted.sub) || escaped.has(from) || escaped.has(to - 1)) continue;
    if (from > last) parts.push({ type: 'text', value: value.slice(last, from), position: at(last, from) });
    const inner: Text = { type: 'text', value: (match[1] ?? match[2])!, position: at(from + 1, to - 1) };
    parts.push(sup ? ({ type: 'superscript', children: [inner], position: at(from, to), data: { hName: 'sup' } } satisfies Superscript) : ({ type: 'subscript', children: [inner], position: at(from, to), data: { hName: 'sub' } } satisfies Subscript));
    last = to;
  }
  if (parts.length === 0) return undefined;
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last), position: at(last, value.length) });
  return parts;
}
