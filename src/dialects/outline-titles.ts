/**
 * In a plain-text outline, a short line standing alone right above a list is
 * the title of a slide; it becomes a `##` heading. A short first line that
 * titles nothing is the deck's title when front matter gives none.
 */
import type { Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isOutlineTitle } from './detect.js';
import { dialectRule } from './index.js';

/** Remark plugin (outlines): short lines over lists become slide titles. */
export const outlineTitles = dialectRule(['outline'], (tree, file) => {
  const blocks = tree.children;
  const [first, second, third] = blocks;
  const meta = file.data.meta;
  if (meta && meta.title === undefined && first?.type === 'paragraph' && !isOutlineTitle(first, second) && isOutlineTitle(second, third) && isShortLine(first)) {
    meta.title = toString(first).trim();
    blocks.shift();
  }
  tree.children = blocks.map((block, index) => {
    if (!isOutlineTitle(block, blocks[index + 1])) return block;
    const heading: Heading = { type: 'heading', depth: 2, children: block.children, position: block.position };
    return heading;
  });
});

function isShortLine(paragraph: Paragraph): boolean {
  const text = toString(paragraph).trim();
  return !text.includes('\n') && text.length <= 80;
}
