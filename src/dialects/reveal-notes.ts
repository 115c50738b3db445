/**
 * reveal-md's speaker notes: on a slide, a line starting with `Note:` (or
 * `Notes:`, any case) and everything after it on that slide are the notes,
 * as reveal.js's markdown plugin reads them. A `Note:` line that continues a
 * paragraph splits it there first.
 */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { FencedDiv, Slide } from '../types.js';
import { dialectRule } from './index.js';
import { slidesOf } from './slides-of.js';

const marker = /^\s*notes?:[ \t]*/i;
const laterLine = /\n[ \t]*notes?:/i;

/** Remark plugin (reveal-md): `Note:` to the end of a slide becomes its speaker notes. */
export const revealNotes = dialectRule(['reveal-md'], (tree, file) => {
  for (const slide of slidesOf(tree)) {
    splitAtLaterLine(slide, file);
    const index = slide.children.findIndex((block) => block.type === 'paragraph' && marker.test(toString(block)));
    if (index === -1) continue;
    const blocks = slide.children.splice(index) as RootContent[];
    const first = withoutMarker(blocks[0] as Paragraph);
    const notes: FencedDiv = {
      type: 'fencedDiv',
      attributes: { classes: ['notes'], values: {} },
      children: first ? [first, ...blocks.slice(1)] : blocks.slice(1),
      position: blocks[0]!.position && { start: blocks[0]!.position.start, end: blocks.at(-1)?.position?.end ?? blocks[0]!.position.end },
    };
    if (notes.children.length > 0) slide.children.push(notes);
  }
});

/** The paragraph without its `Note:` marker, or nothing when the marker was all it held. */
function withoutMarker(paragraph: Paragraph): Paragraph | undefined {
  const [head, ...rest] = paragraph.children;
  if (head?.type !== 'text') return paragraph;
  const value = head.value.replace(marker, '');
  const children = value === '' ? rest : [{ ...head, value }, ...rest];
  if (children[0]?.type === 'break') children.shift();
  if (children[0]?.type === 'text') children[0] = { ...children[0], value: children[0].value.replace(/^\s+/, '') };
  return children.length > 0 && toString({ ...paragraph, children }).trim() !== '' ? { ...paragraph, children } : undefined;
}

/** Split the first paragraph with a `Note:` line after its first line in two, at that line. */
function splitAtLaterLine(slide: Slide, file: VFile): void {
  const index = slide.children.findIndex((block) => block.type === 'paragraph' && block.children.some((child) => child.type === 'text' && laterLine.test(child.value)));
  const paragraph = slide.children[index] as Paragraph | undefined;
  if (!paragraph) return;
  const at = paragraph.children.findIndex((child) => child.type === 'text' && laterLine.test(child.value));
  const text = paragraph.children[at] as { type: 'text'; value: string; position?: Paragraph['position'] };
  const cut = laterLine.exec(text.value)!.index;
  const offset = text.position?.start.offset;
  const point = offset === undefined ? undefined : location(file).toPoint(offset + cut + 1);
  const head: Paragraph = { type: 'paragraph', children: [...paragraph.children.slice(0, at), { type: 'text', value: text.value.slice(0, cut) }] };
  const tail: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text.value.slice(cut + 1) }, ...paragraph.children.slice(at + 1)] };
  if (paragraph.position && point) {
    head.position = { start: paragraph.position.start, end: point };
    tail.position = { start: point, end: paragraph.position.end };
  }
  slide.children.splice(index, 1, head, tail);
}
