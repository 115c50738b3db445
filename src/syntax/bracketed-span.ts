/**
 * Tokenizer for Pandoc bracketed spans: `[text]{.class}`.
 *
 * The label is balanced (`[a [b] c]{.x}`) and holds text content, which
 * micromark parses as phrasing content later. Without `{…}` right after the
 * closing bracket this construct fails and the bracket is left to links.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes, constants, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';
import { attributesConstruct } from './attributes.js';

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
  let balance = 0;
  let size = 0;
  let previous: Token | undefined;

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
    effects.enter('bracketedSpanLabel');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket && balance === 0) {
      effects.exit('bracketedSpanLabel');
      return labelEnd(code);
    }
    const token = effects.enter(types.chunkText, {
      _contentTypeTextTrailing: true,
      contentType: constants.contentTypeText,
      previous,
    });
    if (previous) previous.next = token;
    previous = token;
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof || size++ > constants.linkReferenceSizeMax) return nok(code);
    if (code === codes.leftSquareBracket) balance++;
    if (code === codes.rightSquareBracket) {
      if (balance === 0) {
        effects.exit(types.chunkText);
        effects.exit('bracketedSpanLabel');
        return labelEnd(code);
      }
      balance--;
    }
    if (markdownLineEnding(code)) {
      effects.consume(code);
      effects.exit(types.chunkText);
      return lineStart;
    }
    effects.consume(code);
    return code === codes.backslash ? escape : data;
  }

  function escape(code: Code): State | undefined {
    if (code === codes.leftSquareBracket || code === codes.rightSquareBracket || code === codes.backslash) {
      effects.consume(code);
      return data;
    }
    return data(code);
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
