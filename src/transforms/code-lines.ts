/**
 * Line numbers and highlighted lines on code, in the three ways lectures
 * write them, read into one attribute (`code-line-numbers`, plus
 * `start-from`) for the renderer (`render/code-lines.ts`):
 *
 * - Quarto: ```` ```{.python code-line-numbers="1-2|4"} ````;
 * - Pandoc: ```` ```{.python .number-lines startFrom=10} ````;
 * - reveal.js's markdown plugin: ```` ```js [1|2-3] ```` (or `[10: 1|2]`, numbered from 10),
 *   and its HTML attribute on the block: ```` ```{.js data-line-numbers="1|2-3"} ````.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Attributes } from '../types.js';

// Spaces are read by one part each (the list's own class takes those after `:`): with two parts able to take them, a long run cost its square.
export const bracketed = /^\[(?:\s*(\d+)\s*:)?([\d\s,|-]*)\]$/;

/** Remark plugin: read line-number settings on code blocks into `code-line-numbers`. */
export function codeLines() {
  return (tree: Root): undefined => {
    visit(tree, 'code', (node) => {
      const attributes: Attributes = node.data?.attributes ?? { classes: [], values: {} };
      const changed = fromMeta(node, attributes) || fromRevealAttribute(attributes) || fromPandoc(attributes);
      if (changed || attributes.values['code-line-numbers'] !== undefined) node.data = { ...node.data, attributes };
    });
  };
}

/** reveal.js: `[1|2-3]` after the language. */
function fromMeta(node: Code, attributes: Attributes): boolean {
  const match = node.meta ? bracketed.exec(node.meta.trim()) : null;
  if (!match) return false;
  node.meta = null;
  attributes.values['code-line-numbers'] = match[2]!.replace(/\s+/g, '') || 'true';
  if (match[1]) attributes.values['start-from'] = match[1];
  return true;
}

/** reveal.js: `data-line-numbers` (and `data-ln-start-from`) written as attributes. */
function fromRevealAttribute(attributes: Attributes): boolean {
  const value = attributes.values['data-line-numbers'];
  if (value === undefined) return false;
  delete attributes.values['data-line-numbers'];
  attributes.values['code-line-numbers'] = value.replace(/\s+/g, '') || 'true';
  const start = attributes.values['data-ln-start-from'];
  delete attributes.values['data-ln-start-from'];
  if (start !== undefined) attributes.values['start-from'] = start;
  return true;
}

/** Pandoc: `.number-lines` / `.numberLines` and `startFrom`. */
function fromPandoc(attributes: Attributes): boolean {
  const classes: string[] = attributes.classes.filter((name) => name === 'number-lines' || name === 'numberLines');
  const start = attributes.values.startFrom ?? attributes.values['start-from'];
  if (classes.length === 0 && start === undefined) return false;
  attributes.classes = attributes.classes.filter((name) => !classes.includes(name));
  delete attributes.values.startFrom;
  attributes.values['code-line-numbers'] ??= 'true';
  if (start !== undefined) attributes.values['start-from'] = start;
  return true;
}
