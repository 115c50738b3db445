/**
 * The remark plugin that registers our Pandoc syntax: the micromark
 * extension (tokens) and the from-markdown extension (nodes); the budget of
 * inline delimiters that keeps inline parsing linear, and the nesting limit.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { delimiterBudgetSyntax } from '../syntax/delimiter-budget.js';
import { limitIndentation } from '../syntax/indentation.js';
import { pandocSyntax } from '../syntax/index.js';
import { nestingFromMarkdown } from '../transforms/nesting.js';
import { pandocFromMarkdown } from './pandoc.js';

/** Parse Pandoc's fenced divs, `{…}` attributes, bracketed spans and title block. */
export function remarkPandoc(this: Processor): undefined {
  const data = this.data();
  // The delimiter budget last, so it is tried before every other construct at its characters.
  (data.micromarkExtensions ??= []).push(pandocSyntax(), delimiterBudgetSyntax());
  (data.fromMarkdownExtensions ??= []).push(pandocFromMarkdown());
  // The nesting limit first, before remark-gfm's recursive autolink transform walks the tree.
  data.fromMarkdownExtensions.unshift(nestingFromMarkdown());
  // Indentation too deep to be a list we keep is made text before micromark reads it.
  const parse = this.parser;
  if (parse) this.parser = (document: string, file: VFile) => parse(limitIndentation(document, file), file);
}
