/**
 * reveal-md's speaker notes: on a slide, a paragraph starting with `Note:`
 * (or `Notes:`, any case) and everything after it on that slide are the
 * notes, as reveal.js's markdown plugin reads them.
 */
import type { Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FencedDiv } from '../types.js';
import { dialectRule } from './index.js';
import { slidesOf } from './slides-of.js';

const marker = /^\s*notes?:[ \t]*/i;

/** Remark plugin (reveal-md): `Note:` to the end of a slide becomes its speaker notes. */
export const revealNotes = dialectRule(['reveal-md'], (tree) => {
  for (const slide of slidesOf(tree)) {
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
    slide.children.push(notes);
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
