/**
 * Pandoc's implicit figures: an image with alt text alone in a paragraph
 * (written inline or as a reference, `![logo]`) becomes a figure with the
 * alt text as its caption.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Figure } from '../types.js';

/** Remark plugin: turn lone captioned images into figures. */
export function figures() {
  return (tree: Root): undefined => {
    visit(tree, 'paragraph', (node, index, parent) => {
      const [image, ...rest] = node.children;
      if ((image?.type !== 'image' && image?.type !== 'imageReference') || !image.alt || !parent || index === undefined) return;
      if (rest.some((child) => child.type !== 'text' || child.value.trim() !== '')) return;
      const figure: Figure = { type: 'figure', caption: image.alt, children: [image], position: node.position };
      parent.children[index] = figure;
    });
  };
}
