/**
 * Course notes use a paragraph of bold text (`**Bold line**`) as a
 * sub-heading. It becomes a heading one level below the slide level, so it
 * stays inside its slide and reads as a heading. The slide level is fixed
 * first, since the new headings must not change it.
 */
import type { Heading } from 'mdast';
import { computeSlideLevel } from '../transforms/slides.js';
import { isBoldLine } from './detect.js';
import { dialectRule } from './index.js';

/** Remark plugin (notes, pages): bold-line paragraphs become sub-headings. */
export const boldHeadings = dialectRule(['notes', 'page'], (tree, file) => {
  const meta = file.data.meta;
  if (!meta || !tree.children.some((block) => isBoldLine(block))) return;
  const slideLevel = (meta.slideLevel ??= computeSlideLevel(tree.children));
  if (slideLevel >= 6) return;
  tree.children = tree.children.map((block) => {
    if (!isBoldLine(block)) return block;
    const strong = block.children.find((child) => child.type === 'strong')!;
    const heading: Heading = { type: 'heading', depth: (slideLevel + 1) as Heading['depth'], children: strong.children, position: block.position };
    return heading;
  });
});
