/**
 * Tokenizer for raw TeX in text, as Pandoc's `raw_tex` reads it in decks
 * written for Beamer: a command (`\alert`, `\hfill`, `\begin`) with its
 * `[optional]` and `{required}` arguments, balanced. Required arguments
 * hold text content, parsed as markdown later (`\textbf{a *b*}`); what a
 * command means on a slide is decided on the tree (`transforms/tex.ts`).
 *
 * Two escapes Pandoc reads differently from CommonMark live here too:
 * `\ ` (backslash-space) is a no-break space, and `\\` at the end of a line
 * is TeX's line break (elsewhere it stays an escaped backslash).
 */
import { asciiAlpha, markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes, constants, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    rawTex: 'rawTex';
    rawTexName: 'rawTexName';
    rawTexOptional: 'rawTexOptional';
    rawTexOptionalText: 'rawTexOptionalText';
    rawTexArgument: 'rawTexArgument';
    rawTexMarker: 'rawTexMarker';
    texSpace: 'texSpace';
    texLineBreak: 'texLineBreak';
  }
}

/** Arguments longer than this are not TeX (and keep a runaway brace cheap). */
const maxArgument = 1000;

export const rawTex: Construct = {
  name: 'rawTex',
  tokenize: tokenizeRawTex,
};

function tokenizeRawTex(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let depth = 0;
  let size = 0;
  let previous: Token | undefined;
  /** Whether a `{…}` argument was read: `[…]` after one is text again (`\\href{…}{…}[^1]`). */
  let hasRequired = false;

  return start;

  function start(code: Code): State | undefined {
    effects.enter('rawTex');
    effects.enter('rawTexMarker');
    effects.consume(code);
    effects.exit('rawTexMarker');
    return afterBackslash;
  }

  function afterBackslash(code: Code): State | undefined {
    if (!asciiAlpha(code)) return nok(code);
    effects.enter('rawTexName');
    effects.consume(code);
    return name;
  }

  function name(code: Code): State | undefined {
    if (asciiAlpha(code)) {
      effects.consume(code);
      return name;
    }
    if (code === codes.asterisk) {
      effects.consume(code);
      effects.exit('rawTexName');
      return argumentStart;
    }
    effects.exit('rawTexName');
    return argumentStart(code);
  }

  function argumentStart(code: Code): State | undefined {
    if (code === codes.leftSquareBracket && !hasRequired) {
      effects.enter('rawTexOptional');
      marker(code);
      size = 0;
      return optionalStart;
    }
    if (code === codes.leftCurlyBrace) {
      effects.enter('rawTexArgument');
      marker(code);
      hasRequired = true;
      size = 0;
      depth = 0;
      previous = undefined;
      return requiredStart;
    }
    effects.exit('rawTex');
    return ok(code);
  }

  /**
   * `[…]`: its text in `rawTexOptionalText` tokens, a line ending in a token
   * of its own between them, as in a code span. micromark finds where a
   * paragraph's lines part by the empty tokens that cross a line: the whole
   * `[…]` read as one such token hung the parse (`\b[` at a line's end).
   */
  function optionalStart(code: Code): State | undefined {
    if (code === codes.eof || size > maxArgument) return nok(code);
    if (code === codes.rightSquareBracket) {
      marker(code);
      effects.exit('rawTexOptional');
      return argumentStart;
    }
    if (markdownLineEnding(code)) {
      size++;
      effects.enter(types.lineEnding);
      effects.consume(code);
      effects.exit(types.lineEnding);
      return optionalStart;
    }
    effects.enter('rawTexOptionalText');
    return optional(code);
  }

  function optional(code: Code): State | undefined {
    if (code === codes.eof || size > maxArgument) return nok(code);
    if (code === codes.rightSquareBracket || markdownLineEnding(code)) {
      effects.exit('rawTexOptionalText');
      return optionalStart(code);
    }
    size++;
    effects.consume(code);
    return optional;
  }

  function marker(code: Code): void {
    effects.enter('rawTexMarker');
    effects.consume(code);
    effects.exit('rawTexMarker');
  }

  function requiredStart(code: Code): State | undefined {
    if (code === codes.rightCurlyBrace) return requiredEnd(code);
    const token = effects.enter(types.chunkText, { contentType: constants.contentTypeText, previous });
    if (previous) previous.next = token;
    previous = token;
    return required(code);
  }

  function required(code: Code): State | undefined {
    if (code === codes.eof || size++ > maxArgument) return nok(code);
    if (code === codes.leftCurlyBrace) depth++;
    if (code === codes.rightCurlyBrace) {
      if (depth === 0) {
        effects.exit(types.chunkText);
        return requiredEnd(code);
      }
      depth--;
    }
    if (markdownLineEnding(code)) {
      effects.consume(code);
      effects.exit(types.chunkText);
      return requiredStart;
    }
    effects.consume(code);
    return code === codes.backslash ? escaped : required;
  }

  function escaped(code: Code): State | undefined {
    if (code === codes.leftCurlyBrace || code === codes.rightCurlyBrace || code === codes.backslash) {
      effects.consume(code);
      return required;
    }
    return required(code);
  }

  function requiredEnd(code: Code): State | undefined {
    marker(code);
    effects.exit('rawTexArgument');
    return argumentStart;
  }
}

/** `\ ` is a no-break space (Pandoc's escaped space). */
export const texSpace: Construct = {
  name: 'texSpace',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code: Code) => {
      effects.enter('texSpace');
      effects.consume(code);
      return (next: Code) => {
        if (next !== codes.space) return nok(next);
        effects.consume(next);
        effects.exit('texSpace');
        return ok;
      };
    };
  },
};

/** `\\` at the end of a line (spaces allowed before it ends) is a line break. */
export const texLineBreak: Construct = {
  name: 'texLineBreak',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const trailing = (code: Code): State | undefined => {
      if (markdownSpace(code)) {
        effects.consume(code);
        return trailing;
      }
      if (!markdownLineEnding(code)) return nok(code);
      effects.exit('texLineBreak');
      return ok(code);
    };
    return (code: Code) => {
      effects.enter('texLineBreak');
      effects.consume(code);
      return (next: Code) => {
        if (next !== codes.backslash) return nok(next);
        effects.consume(next);
        return trailing;
      };
    };
  },
};
