/**
 * Our micromark extension for Pandoc's syntax, in the order micromark tries
 * it: fenced div fences and title-block lines in flow; bracketed spans
 * (before links, so `[text]{.c}` is a span) and `{…}` attributes in text.
 */
import { codes } from 'micromark-util-symbol';
import type { Extension } from 'micromark-util-types';
import { bracketedSpan } from './bracketed-span.js';
import { fencedDivFence } from './fenced-div.js';
import { inlineAttributes } from './inline-attributes.js';
import { titleBlockLine } from './title-block.js';
// Side effects: micromark's event edits in linear time, and a budget of literal-autolink tries per
// paragraph (each grew with the square of a lecture or paragraph).
import './autolink-budget.js';
import './linear-edits.js';

/** Create the micromark extension for fenced divs, attributes, spans and title blocks. */
export function pandocSyntax(): Extension {
  return {
    flow: {
      [codes.colon]: fencedDivFence,
      [codes.percentSign]: titleBlockLine,
    },
    text: {
      [codes.leftSquareBracket]: { ...bracketedSpan, add: 'before' },
      [codes.leftCurlyBrace]: inlineAttributes,
    },
  };
}
