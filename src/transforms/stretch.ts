/**
 * Stretched images, as reveal.js and Quarto make them. reveal.js sizes an
 * `.r-stretch` element to the height left on its slide only when it is a
 * direct child of the slide, so a stretched image is lifted out of its
 * paragraph (or its figure, whose caption follows it). In Quarto lectures
 * (`auto-stretch`, on by default) the one image of a slide is stretched
 * unless it is in a column or a fragment, has a height, is `.absolute`, the
 * slide has an aside, or the slide or image is `.nostretch`.
 */
import type { Image, Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Attributes, Slide } from '../types.js';
import { slidesOf } from '../dialects/slides-of.js';

const stretchClasses = ['r-stretch', 'stretch'];

/** Remark plugin (after the slides are cut): lift stretched images and apply Quarto's auto-stretch. */
export function stretch() {
  return (tree: Root, file: VFile): undefined => {
    const auto = file.data.dialect === 'quarto' && file.data.deck?.autoStretch !== false;
    for (const slide of slidesOf(tree)) {
      if (auto) autoStretch(slide);
      slide.children = slide.children.flatMap((block) => lift(block as RootContent));
    }
  };
}

function classesOf(image: Image): string[] {
  return image.data?.attributes?.classes ?? [];
}

function autoStretch(slide: Slide): void {
  if (slide.kind === 'title' || slide.attributes.classes.includes('nostretch')) return;
  const images: Image[] = [];
  let blocked = false;
  visit({ type: 'root', children: slide.children as RootContent[] } as Root, (node) => {
    if (node.type === 'fencedDiv' && node.attributes.classes.some((name) => ['notes', 'footer'].includes(name))) return 'skip';
    if (node.type === 'fencedDiv' && node.attributes.classes.includes('aside')) blocked = true;
    if (node.type === 'image') images.push(node);
    return undefined;
  });
  const [image] = images;
  if (blocked || images.length !== 1 || !image) return;
  const attributes = image.data?.attributes;
  if (attributes && (attributes.values.height !== undefined || /height/.test(attributes.values.style ?? '') || attributes.classes.some((name) => ['nostretch', 'absolute', 'fragment'].includes(name)))) return;
  if (!isTopLevel(slide, image)) return;
  const stretched: Attributes = attributes ?? { classes: [], values: {} };
  if (!stretched.classes.some((name) => stretchClasses.includes(name))) stretched.classes = [...stretched.classes, 'r-stretch'];
  image.data = { ...image.data, attributes: stretched };
}

/** Whether `image` sits in a paragraph or figure that is a direct child of the slide, and that is no fragment. */
function isTopLevel(slide: Slide, image: Image): boolean {
  return slide.children.some((block) => {
    if ((block.type !== 'paragraph' && block.type !== 'figure') || !block.children.includes(image)) return false;
    const classes = block.data?.hProperties?.className;
    return !(Array.isArray(classes) && classes.includes('fragment'));
  });
}

/** `block`, or the blocks it becomes with a stretched image lifted out of it. */
function lift(block: RootContent): RootContent[] {
  if (block.type !== 'paragraph' && block.type !== 'figure') return [block];
  const index = block.children.findIndex((child) => child.type === 'image' && classesOf(child).some((name) => stretchClasses.includes(name)));
  if (index === -1) return [block];
  const image = block.children[index] as Image;
  if (block.type === 'figure') {
    const caption: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: block.caption }], data: { hProperties: { className: ['caption'] } } };
    const figureProperties = block.data?.hProperties;
    if (figureProperties) image.data = { ...image.data, hProperties: { ...figureProperties } };
    return [image as unknown as RootContent, caption];
  }
  const before: Paragraph = { ...block, children: trim(block.children.slice(0, index)) };
  const after: Paragraph = { ...block, children: trim(block.children.slice(index + 1)) };
  return [before, image as unknown as RootContent, after].filter((part) => part.type !== 'paragraph' || part.children.length > 0);
}

/** The inline content around a lifted image, without the space that bordered it. */
function trim(children: Paragraph['children']): Paragraph['children'] {
  const kept = children.filter((child) => !(child.type === 'text' && child.value.trim() === '')).map((child) => ({ ...child }));
  const first = kept[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = kept.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return kept;
}
