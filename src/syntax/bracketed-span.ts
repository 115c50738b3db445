/**
 * Tokenizer for Pandoc bracketed spans: `[text]{.class}`.
 *
 * The label is balanced (`[a [b] c]{.x}`) and holds text content, which
 * micromark parses as phrasing content later. Without `{…}` right after the
 * closing bracket this construct fails and the bracket is left to links.
 */
import { codes, constants } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { attributesConstruct } from './attributes.js';
import { factoryBracketText } from './bracket-text.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    bracketedSpan: 'bracketedSpan';
    bracketedSpanMarker: 'bracketedSpanMarker';
    bracketedSpanLabel: 'bracketedSpanLabel';
  }
}

const attributes = attributesConstruct(false);

export const bracketedSpan: Construct = {
  name: 'bracketedSpan',
  tokenize: tokenizeBracketedSpan,
};

function tokenizeBracketedSpan(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  return start;

  function start(code: Code): State | undefined {
    effects.enter('bracketedSpan');
    marker(code);
    return labelStart;
  }

  function marker(code: Code): void {
    effects.enter('bracketedSpanMarker');
    effects.consume(code);
    effects.exit('bracketedSpanMarker');
  }

  function labelStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) return labelEnd(code);
    return factoryBracketText(effects, labelEnd, nok, 'bracketedSpanLabel', constants.linkReferenceSizeMax)(code);
  }

  function labelEnd(code: Code): State | undefined {
    marker(code);
    return afterLabel;
  }

  function afterLabel(code: Code): State | undefined {
    if (code !== codes.leftCurlyBrace) return nok(code);
    return effects.attempt(attributes, after, nok)(code);
  }

  function after(code: Code): State | undefined {
    effects.exit('bracketedSpan');
    return ok(code);
  }
}
