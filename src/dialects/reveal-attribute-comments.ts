/**
 * reveal.js's attribute comments, `<!-- .slide: … -->` and
 * `<!-- .element: … -->`, read into `revealAttributes` nodes as soon as the
 * dialect is known: they are markup, not text, so a heading's id and any
 * other reading of the text never sees them. `reveal-comments.ts` applies
 * them once the slides are cut.
 */
import type { Html, Parent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Attributes, RevealAttributes } from '../types.js';
import { dialectRule } from './index.js';

// The head alone, the rest trimmed: `:\s*([\s\S]*?)\s*-->$` took the cube of a run of spaces in an unclosed comment (8 kB: minutes).
const opening = /^<!--\s*\.(slide|element):/;
const attribute = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;

/** Remark plugin (reveal-md): parse attribute comments into nodes. */
export const revealAttributeComments = dialectRule(['reveal-md'], (tree) => {
  visit(tree, 'html', (node: Html, index, parent: Parent | undefined) => {
    const text = node.value.trim();
    const match = opening.exec(text);
    if (!match || !text.endsWith('-->') || !parent || index === undefined) return;
    const body = text.slice(match[0].length, -3);
    const parsed: RevealAttributes = { type: 'revealAttributes', target: match[1] as RevealAttributes['target'], attributes: parseAttributes(body.trim()), position: node.position };
    parent.children[index] = parsed;
  });
});

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
