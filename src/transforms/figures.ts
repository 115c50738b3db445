/**
 * Pandoc's implicit figures: an image with alt text alone in a paragraph
 * (written inline or as a reference, `![logo]`) becomes a figure with the
 * alt text as its caption. Quarto's image
 * attributes apply to the whole figure: `.fragment` (and its effect classes
 * and index) makes the figure one step, `fig-align` aligns it, and
 * `fig-alt` becomes the image's alt text (the caption stays the caption).
 * An `.absolute` image alone in its paragraph stands on the slide itself.
 */
import type { Image, ImageReference, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Attributes, Figure } from '../types.js';

/** Classes that belong to the figure when written on its image: reveal.js's fragment effects. */
const fragmentClass = /^(fragment|fade-[\w-]+|grow|shrink|strike|semi-fade-out|current-visible|highlight-[\w-]+|custom)$/;
const fragmentKeys = ['fragment-index', 'data-fragment-index'];

/** Remark plugin: turn lone captioned images into figures. */
export function figures() {
  return (tree: Root): undefined => {
    visit(tree, 'paragraph', (node, index, parent) => {
      const [image, ...rest] = node.children;
      if ((image?.type !== 'image' && image?.type !== 'imageReference') || !parent || index === undefined) return;
      if (rest.some((child) => child.type !== 'text' || child.value.trim() !== '')) return;
      const attributes = image.data?.attributes;
      // An `.absolute` image is placed on the slide, not in the text: no figure, no empty paragraph left behind.
      if (attributes?.classes.includes('absolute')) {
        parent.children[index] = image as unknown as Figure;
        return;
      }
      if (!image.alt) {
        if (attributes) alignParagraph(node, image, attributes);
        return;
      }
      const figure: Figure = { type: 'figure', caption: image.alt, children: [image], position: node.position };
      if (attributes) liftToFigure(figure, image, attributes);
      parent.children[index] = figure;
    });
    visit(tree, 'image', (node) => {
      const alt = node.data?.attributes?.values['fig-alt'];
      if (alt === undefined) return;
      node.alt = alt;
      delete node.data!.attributes!.values['fig-alt'];
    });
  };
}

/** Move the fragment classes and `fig-align` of `image` to the figure. */
function liftToFigure(figure: Figure, image: Image | ImageReference, attributes: Attributes): void {
  const classes = attributes.classes.filter((name) => fragmentClass.test(name));
  const properties: Record<string, unknown> = {};
  if (classes.includes('fragment')) {
    attributes.classes = attributes.classes.filter((name) => !classes.includes(name));
    properties.className = classes;
    for (const key of fragmentKeys) {
      if (attributes.values[key] === undefined) continue;
      properties.dataFragmentIndex = attributes.values[key];
      delete attributes.values[key];
    }
  }
  const align = takeAlign(attributes);
  if (align) properties.style = `text-align: ${align}`;
  if (align) properties.className = [...((properties.className as string[] | undefined) ?? []), `fig-align-${align}`];
  if (Object.keys(properties).length > 0) figure.data = { ...figure.data, hProperties: properties as never };
  image.data = { ...image.data, attributes };
}

function alignParagraph(paragraph: Paragraph, image: Image | ImageReference, attributes: Attributes): void {
  const align = takeAlign(attributes);
  if (align) paragraph.data = { ...paragraph.data, hProperties: { className: [`fig-align-${align}`], style: `text-align: ${align}` } };
  image.data = { ...image.data, attributes };
}

function takeAlign(attributes: Attributes): string | undefined {
  const align = attributes.values['fig-align'];
  delete attributes.values['fig-align'];
  return align === 'left' || align === 'right' || align === 'center' ? align : undefined;
}
