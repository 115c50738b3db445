/**
 * Tokenizer for Pandoc's inline footnotes: `^[The note, with *markup*.]`.
 *
 * The note is balanced (`^[a [b] c]`) and holds text content, which
 * micromark parses as phrasing content later; it may run over lines of its
 * paragraph. Without a closing bracket this construct fails and `^[` is text.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes, constants, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, Token, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    inlineNote: 'inlineNote';
    inlineNoteMarker: 'inlineNoteMarker';
    inlineNoteText: 'inlineNoteText';
  }
}

export const inlineNote: Construct = {
  name: 'inlineNote',
  tokenize: tokenizeInlineNote,
};

/** Characters a note may hold at most, so a runaway `^[` stays cheap to reject. */
const maxSize = 2000;

function tokenizeInlineNote(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let balance = 0;
  let size = 0;
  let previous: Token | undefined;

  return start;

  function start(code: Code): State | undefined {
    effects.enter('inlineNote');
    effects.enter('inlineNoteMarker');
    effects.consume(code);
    return open;
  }

  function open(code: Code): State | undefined {
    if (code !== codes.leftSquareBracket) return nok(code);
    effects.consume(code);
    effects.exit('inlineNoteMarker');
    return textStart;
  }

  function textStart(code: Code): State | undefined {
    if (code === codes.rightSquareBracket) return nok(code);
    effects.enter('inlineNoteText');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    const token = effects.enter(types.chunkText, { contentType: constants.contentTypeText, previous });
    if (previous) previous.next = token;
    previous = token;
    return data(code);
  }

  function data(code: Code): State | undefined {
    if (code === codes.eof || size++ > maxSize) return nok(code);
    if (code === codes.leftSquareBracket) balance++;
    if (code === codes.rightSquareBracket) {
      if (balance === 0) {
        effects.exit(types.chunkText);
        effects.exit('inlineNoteText');
        return close(code);
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

  function close(code: Code): State | undefined {
    effects.enter('inlineNoteMarker');
    effects.consume(code);
    effects.exit('inlineNoteMarker');
    effects.exit('inlineNote');
    return ok;
  }
}
