/**
 * Our micromark extension for Pandoc's syntax, in the order micromark tries
 * it: fenced div fences and title-block lines in flow; bracketed spans
 * (before links, so `[text]{.c}` is a span) and `{…}` attributes in text.
 */
import { codes } from 'micromark-util-symbol';
import type { Extension } from 'micromark-util-types';
import { bracketedSpan } from './bracketed-span.js';
import { definitionWithAttributes } from './definition-attributes.js';
import { displayMath } from './display-math.js';
import { fencedDivFence } from './fenced-div.js';
import { htmlBlock } from './html-block.js';
import { rawTex, texLineBreak, texSpace } from './raw-tex.js';
import { pandocTable } from './tables/index.js';
import { inlineAttributes } from './inline-attributes.js';
import { inlineNote } from './inline-note.js';
import { titleBlockLine } from './title-block.js';
// Side effects: micromark's event edits in linear time, and a budget of literal-autolink tries per
// paragraph (each grew with the square of a lecture or paragraph).
import './autolink-budget.js';
import './linear-edits.js';

/** Create the micromark extension for fenced divs, attributes, spans and title blocks. */
export function pandocSyntax(): Extension {
  return {
    // remark-math's `$$` block closes only on a line of its own and swallows the deck otherwise;
    // GFM's pipe tables split cells inside code spans, unlike Pandoc's (ours read all four kinds).
    disable: { null: ['mathFlow', 'table'] },
    contentInitial: {
      [codes.leftSquareBracket]: definitionWithAttributes,
    },
    flow: {
      null: pandocTable,
      [codes.dash]: pandocTable,
      [codes.dollarSign]: displayMath,
      [codes.colon]: fencedDivFence,
      [codes.lessThan]: htmlBlock,
      [codes.percentSign]: titleBlockLine,
    },
    text: {
      [codes.leftSquareBracket]: { ...bracketedSpan, add: 'before' },
      [codes.leftCurlyBrace]: inlineAttributes,
      [codes.caret]: inlineNote,
      [codes.backslash]: [texLineBreak, texSpace, rawTex],
    },
  };
}
