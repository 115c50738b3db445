/**
 * reveal.js's attribute comments, applied once the slides are cut:
 * `<!-- .slide: … -->` gives its slide attributes (a background, a class, a
 * transition); `<!-- .element: … -->` gives them to the element before it,
 * as reveal.js picks it: the previous element among its siblings, else its
 * parent (a paragraph, or the list item a tight list shows it as; the slide
 * when the comment opens it). `class="fragment"` makes a fragment.
 */
import type { Nodes, Parent, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { mergeProperties, toProperties } from '../render/properties.js';
import type { Attributes, RevealAttributes, Slide } from '../types.js';
import { dialectRule } from './index.js';
import { slidesOf } from './slides-of.js';
import { trimEndOf } from '../trim.js';

/** Inline nodes that become an element (text and line breaks do not count, as in reveal.js). */
const inlineElements = new Set(['image', 'imageReference', 'link', 'linkReference', 'strong', 'emphasis', 'delete', 'inlineCode', 'inlineMath', 'bracketedSpan']);

/** Remark plugin (reveal-md): apply the parsed `.slide:` and `.element:` comments and remove them. */
export const revealComments = dialectRule(['reveal-md'], (tree: Root) => {
  for (const slide of slidesOf(tree)) {
    const found: Array<{ node: RevealAttributes; parents: Parent[] }> = [];
    visitParents(slide, 'revealAttributes', (node: RevealAttributes, parents) => {
      found.push({ node, parents: parents as Parent[] });
    });
    for (const { node, parents } of found) {
      const target = node.target === 'slide' ? slide : targetOf(node, parents);
      if (target === slide) slide.attributes = mergeAttributes(slide.attributes, node.attributes);
      else setProperties(target, node.attributes);
      removeComment(parents.at(-1)!, node);
    }
  }
});

/** The element an `.element:` comment applies to. */
function targetOf(node: RevealAttributes, parents: Parent[]): Nodes | Slide {
  const parent = parents.at(-1)!;
  const [list, item] = [parents.at(-3), parents.at(-2)] as Array<Nodes | undefined>;
  const siblings = parent.children.slice(0, parent.children.indexOf(node)).reverse() as Nodes[];
  const phrasing = parent.type === 'paragraph' || parent.type === 'heading';
  const previous = siblings.find((sibling) => (phrasing ? inlineElements.has(sibling.type) : sibling.type !== 'html' && sibling.type !== 'revealAttributes'));
  if (previous) return previous;
  const tight = list?.type === 'list' && !list.spread && !list.children.some((child) => child.spread);
  return parent.type === 'paragraph' && item?.type === 'listItem' && tight ? item : (parent as Nodes | Slide);
}

function mergeAttributes(base: Attributes, extra: Attributes): Attributes {
  return { id: extra.id ?? base.id, classes: [...base.classes, ...extra.classes], values: { ...base.values, ...extra.values } };
}

function setProperties(node: Nodes | Slide, attributes: Attributes): void {
  const tagName = node.type === 'image' ? 'img' : node.type;
  node.data = { ...node.data, hProperties: mergeProperties({ ...node.data?.hProperties }, toProperties(attributes, tagName)) };
}

/** Remove the comment, and the space before it when space or the line's end follows it. */
function removeComment(parent: Parent, node: RevealAttributes): void {
  const index = parent.children.indexOf(node);
  const before = parent.children[index - 1];
  const after = parent.children[index + 1];
  if (before?.type === 'text' && (!after || (after.type === 'text' && /^\s/.test(after.value)))) before.value = trimEndOf(before.value, ' \t');
  parent.children.splice(index, 1);
}
