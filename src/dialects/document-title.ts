/**
 * Course notes, tutorials and web pages open with one `#` title over `##`
 * sections. In Pandoc's model that `#` would make the whole file one slide
 * (or one section); here it is the deck's title (the title slide), unless
 * front matter already gives a different title, in which case it stays. A
 * single short line of plain text right under it is the subtitle.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LectureMeta } from '../types.js';
import { documentTitleIndex } from './detect.js';
import { dialectRule } from './index.js';

/** Remark plugin (notes, pages): the lone `#` heading above `##` sections becomes the deck title. */
export const documentTitle = dialectRule(['notes', 'page'], (tree, file) => {
  const index = documentTitleIndex(tree.children);
  const meta = file.data.meta;
  if (index === -1 || !meta || !tree.children.slice(index).some((block) => block.type === 'heading' && block.depth === 2)) return;
  const text = toString(tree.children[index] as Heading).trim();
  if (meta.title === undefined || meta.title.trim() === '') meta.title = text;
  else if (meta.title.trim() !== text) return;
  const taken = takesSubtitle(meta, tree.children[index + 1], tree.children[index + 2]) ? 2 : 1;
  tree.children.splice(index, taken);
});

/** Whether `block` is a short plain line alone under the title, and the deck has no subtitle yet (it is set). */
function takesSubtitle(meta: LectureMeta, block: RootContent | undefined, next: RootContent | undefined): boolean {
  if (meta.subtitle !== undefined || block?.type !== 'paragraph' || (next && next.type !== 'heading')) return false;
  const line = toString(block).trim();
  if (!block.children.every((child) => child.type === 'text') || line.includes('\n') || line.length > 120) return false;
  meta.subtitle = line;
  return true;
}
