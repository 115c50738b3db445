/**
 * The remark plugin that keeps a parse bounded, for every markdown parser
 * the tool runs (the lecture's, and quizdown's for the blocks it reads
 * again): the budget of inline delimiters that keeps inline parsing linear,
 * the nesting limit, and the indentation limit. Use it after the plugins
 * that add syntax, so the budget is tried before their constructs.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { delimiterBudgetSyntax } from '../syntax/delimiter-budget.js';
import { limitIndentation, reportIndentation } from '../syntax/indentation.js';
import { nestingFromMarkdown } from '../transforms/nesting.js';
import { restoreCode } from './restore-code.js';

/** Bound the parse's time and depth, whatever the text. */
export function remarkLimits(this: Processor): undefined {
  const data = this.data();
  // The delimiter budget last, so it is tried before every other construct at its characters.
  (data.micromarkExtensions ??= []).push(delimiterBudgetSyntax());
  // The nesting limit first, before remark-gfm's recursive autolink transform walks the tree.
  (data.fromMarkdownExtensions ??= []).unshift(nestingFromMarkdown());
  // Indentation too deep to be a list we keep is made text before micromark reads it; code keeps its own.
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document: string, file: VFile) => {
    const { text, changed } = limitIndentation(document);
    const tree = parse(text, file);
    if (changed.length === 0) return tree;
    const inCode = restoreCode(tree as Root, document, text, changed);
    const first = changed.find((line) => !inCode.has(line));
    if (first !== undefined) reportIndentation(file, first);
    return tree;
  };
}
