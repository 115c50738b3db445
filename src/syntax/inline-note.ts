/**
 * Tokenizer for Pandoc's inline footnotes: `^[The note, with *markup*.]`.
 *
 * The note is balanced (`^[a [b] c]`) and holds text content, which
 * micromark parses as phrasing content later; it may run over lines of its
 * paragraph. Without a closing bracket this construct fails and `^[` is text.
 */
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { factoryBracketText } from './bracket-text.js';

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
    return factoryBracketText(effects, close, nok, 'inlineNoteText', maxSize)(code);
  }

  function close(code: Code): State | undefined {
    effects.enter('inlineNoteMarker');
    effects.consume(code);
    effects.exit('inlineNoteMarker');
    effects.exit('inlineNote');
    return ok;
  }
}
