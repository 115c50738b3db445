/**
 * The text between a `[` and its balanced `]`, shared by bracketed spans
 * (`[text]{.class}`) and inline notes (`^[text]`): chunks of text content
 * (parsed as phrasing later), over the lines of the paragraph, with `\[`,
 * `\]` and `\\` escaped and nested brackets balanced (`[a [b] c]`).
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes, constants, types } from 'micromark-util-symbol';
import type { Code, Effects, State, Token, TokenType } from 'micromark-util-types';

/**
 * From the first code after the opening `[`: enter `type`, read to the
 * balanced closing `]` and exit `type` there, then `ok` at that `]` (not
 * consumed). More than `max` codes, or the end of the input, is `nok`.
 */
export function factoryBracketText(effects: Effects, ok: State, nok: State, type: TokenType, max: number): State {
  let balance = 0;
  let size = 0;
  let previous: Token | undefined;

  return start;

  function start(code: Code): State | undefined {
    effects.enter(type);
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket && balance === 0) {
      effects.exit(type);
      return ok(code);
    }
    const token = effects.enter(types.chunkText, { _contentTypeTextTrailing: true, contentType: constants.contentTypeText, previous });
    if (previous) previous.next = token;
    previous = token;
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof || size++ > max) return nok(code);
    if (code === codes.leftSquareBracket) balance++;
    if (code === codes.rightSquareBracket) {
      if (balance === 0) {
        effects.exit(types.chunkText);
        effects.exit(type);
        return ok(code);
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
}
