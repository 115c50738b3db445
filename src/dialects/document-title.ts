/**
 * Course notes, tutorials and web pages open with one `#` title over `##`
 * sections. In Pandoc's model that `#` would make the whole file one slide
 * (or one section); here it is the deck's title (the title slide), unless
 * front matter already gives a different title, in which case it stays.
 */
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
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
  tree.children.splice(index, 1);
});
