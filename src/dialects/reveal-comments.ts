/**
 * reveal.js's markdown attribute comments: `<!-- .slide: … -->` gives its
 * slide attributes (a background, a class, a transition);
 * `<!-- .element: … -->` gives them to the element before it, as reveal.js
 * picks it: the previous element among its siblings, else its parent (a
 * paragraph, or the list item a tight list shows it as). `class="fragment"`
 * makes a fragment. The comments themselves are removed.
 */
import type { Html, Nodes, Parent, Root } from 'mdast';
import { visitParents } from 'unist-util-visit-parents';
import { mergeProperties, toProperties } from '../render/properties.js';
import type { Attributes, Slide } from '../types.js';
import { dialectRule } from './index.js';
import { slidesOf } from './slides-of.js';

const comment = /^<!--\s*\.(slide|element):\s*([\s\S]*?)\s*-->$/;
const attribute = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
/** Inline nodes that become an element (text and line breaks do not count, as in reveal.js). */
const inlineElements = new Set(['image', 'imageReference', 'link', 'linkReference', 'strong', 'emphasis', 'delete', 'inlineCode', 'inlineMath', 'bracketedSpan']);

/** Remark plugin (reveal-md): apply `.slide:` and `.element:` comments. */
export const revealComments = dialectRule(['reveal-md'], (tree: Root) => {
  for (const slide of slidesOf(tree)) {
    const found: Array<{ node: Html; kind: string; attributes: Attributes; parents: Parent[] }> = [];
    visitParents(slide, 'html', (node: Html, parents) => {
      const match = comment.exec(node.value.trim());
      if (match) found.push({ node, kind: match[1]!, attributes: parseAttributes(match[2]!), parents: parents as Parent[] });
    });
    for (const { node, kind, attributes, parents } of found) {
      const parent = parents.at(-1)!;
      const target = kind === 'slide' ? slide : targetOf(node, parents);
      if (target === slide) slide.attributes = mergeAttributes(slide.attributes, attributes);
      else setProperties(target, attributes);
      removeComment(parent, node);
    }
  }
});

/** The element an `.element:` comment applies to. */
function targetOf(node: Html, parents: Parent[]): Nodes | Slide {
  const parent = parents.at(-1)!;
  const [list, item] = [parents.at(-3), parents.at(-2)] as Array<Nodes | undefined>;
  const siblings = parent.children.slice(0, parent.children.indexOf(node)).reverse() as Nodes[];
  const phrasing = parent.type === 'paragraph' || parent.type === 'heading';
  const previous = siblings.find((sibling) => (phrasing ? inlineElements.has(sibling.type) : sibling.type !== 'html'));
  if (previous) return previous;
  const tight = list?.type === 'list' && !list.spread && !list.children.some((child) => child.spread);
  return parent.type === 'paragraph' && item?.type === 'listItem' && tight ? item : (parent as Nodes | Slide);
}

/** Attributes written as HTML (`class="a b" data-x=1 hidden`). */
export function parseAttributes(text: string): Attributes {
  const result: Attributes = { classes: [], values: {} };
  for (const match of text.matchAll(attribute)) {
    const [, name = '', double, single, bare] = match;
    const value = double ?? single ?? bare ?? '';
    if (name === 'class') result.classes.push(...value.split(/\s+/).filter(Boolean));
    else if (name === 'id') result.id = value;
    else result.values[name] = value;
  }
  return result;
}

function mergeAttributes(base: Attributes, extra: Attributes): Attributes {
  return { id: extra.id ?? base.id, classes: [...base.classes, ...extra.classes], values: { ...base.values, ...extra.values } };
}

function setProperties(node: Nodes | Slide, attributes: Attributes): void {
  const tagName = node.type === 'image' ? 'img' : node.type;
  node.data = { ...node.data, hProperties: mergeProperties({ ...node.data?.hProperties }, toProperties(attributes, tagName)) };
}

/** Remove the comment, and the space before it at the end of a line of text. */
function removeComment(parent: Parent, node: Html): void {
  const index = parent.children.indexOf(node);
  const before = parent.children[index - 1];
  const after = parent.children[index + 1];
  if (before?.type === 'text' && (!after || (after.type === 'text' && after.value.startsWith('\n')))) before.value = before.value.replace(/[ \t]+$/, '');
  parent.children.splice(index, 1);
}
