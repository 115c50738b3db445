/**
 * The remark plugin that registers our Pandoc syntax: the micromark
 * extension (tokens) and the from-markdown extension (nodes), then the
 * limits that keep the parse bounded (`remark-limits.ts`).
 */
import type { Processor } from 'unified';
import { pandocSyntax } from '../syntax/index.js';
import { pandocFromMarkdown } from './pandoc.js';
import { remarkLimits } from './remark-limits.js';

/** Parse Pandoc's fenced divs, `{…}` attributes, bracketed spans and title block. */
export function remarkPandoc(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pandocSyntax());
  (data.fromMarkdownExtensions ??= []).push(pandocFromMarkdown());
  remarkLimits.call(this);
}
