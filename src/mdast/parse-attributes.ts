/**
 * Parse a `{…}` string with the same tokenizer as the markdown itself, for
 * places micromark does not reach with text constructs (a code fence's info
 * string, HTML comments).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { delimiterBudgetSyntax } from '../syntax/delimiter-budget.js';
import { pandocSyntax } from '../syntax/index.js';
import type { Attributes } from '../types.js';
import { pandocFromMarkdown } from './pandoc.js';

/** The attributes written in `value` (`{#id .class k=v}`), or `undefined` when it is not one `{…}`. */
export function parseAttributes(value: string): Attributes | undefined {
  const source = value.trim();
  if (!source.startsWith('{') || !source.endsWith('}')) return undefined;
  // The delimiter budget, as in the lecture's parse: an info string of 16,000 `*` took 3 s.
  const tree = fromMarkdown(source, { extensions: [pandocSyntax(), delimiterBudgetSyntax()], mdastExtensions: [pandocFromMarkdown()] });
  const paragraph = tree.children.length === 1 ? tree.children[0] : undefined;
  if (paragraph?.type !== 'paragraph' || paragraph.children.length !== 1) return undefined;
  const node = paragraph.children[0];
  return node?.type === 'inlineAttributes' ? node.attributes : undefined;
}
