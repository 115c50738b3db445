/**
 * The remark plugin that registers our Pandoc syntax: the micromark
 * extension (tokens) and the from-markdown extension (nodes).
 */
import type { Processor } from 'unified';
import { pandocSyntax } from '../syntax/index.js';
import { pandocFromMarkdown } from './pandoc.js';

/** Parse Pandoc's fenced divs, `{…}` attributes, bracketed spans and title block. */
export function remarkPandoc(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(pandocSyntax());
  (data.fromMarkdownExtensions ??= []).push(pandocFromMarkdown());
}
