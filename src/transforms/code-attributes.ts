/**
 * Pandoc attributes on code: ```` ```{.python .numberLines} ````,
 * ```` ```python {#listing} ````, and raw blocks and spans (`{=html}`),
 * which become HTML as written. Raw content for other formats (`{=latex}`)
 * has no place in a slide and is left out, as Pandoc does.
 */
import type { Code, InlineCode, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { parseAttributes } from '../mdast/parse-attributes.js';
import { setAttributes } from './inline-attributes.js';

/** Remark plugin: read attributes from code info strings and turn raw code into HTML. */
export function codeAttributes() {
  return (tree: Root): undefined => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'code') readInfo(node);
      if ((node.type === 'code' || node.type === 'inlineCode') && parent && index !== undefined) {
        return replaceRaw(node, parent, index);
      }
      return undefined;
    });
  };
}

function readInfo(node: Code): void {
  const info = [node.lang, node.meta].filter(Boolean).join(' ');
  const braced = info.indexOf('{');
  if (braced === -1) return;
  const attributes = parseAttributes(info.slice(braced));
  if (!attributes) return;
  const word = info.slice(0, braced).trim();
  const language = word || attributes.classes.shift();
  node.lang = language ?? null;
  node.meta = null;
  setAttributes(node, attributes);
}

function replaceRaw(node: Code | InlineCode, parent: Parent, index: number) {
  const format = node.data?.attributes?.format;
  if (format === undefined) return undefined;
  if (format === 'html' || format === 'html5' || format === 'revealjs') {
    parent.children[index] = { type: 'html', value: node.value, position: node.position };
    return SKIP;
  }
  parent.children.splice(index, 1);
  return [SKIP, index] as [typeof SKIP, number];
}
