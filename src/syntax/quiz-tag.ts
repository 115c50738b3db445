/**
 * Tokenizer for the tag lines of an mkdocs-quiz block: `<quiz>` and
 * `</quiz>`, each alone on its line. Without it, CommonMark reads `<quiz>`
 * as the start of an HTML block that swallows the question and its options
 * up to the next blank line. Each tag line is its own flow construct that
 * may interrupt a paragraph (`Explanation…` directly followed by `</quiz>`);
 * the quiz between the tags is recognised on the tree
 * (`transforms/quiz/mkdocs.ts`).
 */
import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    quizTag: 'quizTag';
  }
}

/** The flow construct for one `<quiz>` or `</quiz>` line. */
export const quizTag: Construct = {
  name: 'quizTag',
  tokenize: tokenizeQuizTag,
};

const name = [codes.lowercaseQ, codes.lowercaseU, codes.lowercaseI, codes.lowercaseZ];

function tokenizeQuizTag(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let matched = 0;

  return start;

  function start(code: Code): State | undefined {
    if (code !== codes.lessThan) return nok(code);
    effects.enter('quizTag');
    effects.consume(code);
    return afterOpen;
  }

  function afterOpen(code: Code): State | undefined {
    if (code === codes.slash) {
      effects.consume(code);
      return inName;
    }
    return inName(code);
  }

  function inName(code: Code): State | undefined {
    // Tag names are case-insensitive: fold A–Z to a–z before comparing.
    const folded = code !== null && code >= codes.uppercaseA && code <= codes.uppercaseZ ? code + 32 : code;
    if (matched < name.length) {
      if (folded !== name[matched]) return nok(code);
      matched++;
      effects.consume(code);
      return inName;
    }
    if (code !== codes.greaterThan) return nok(code);
    effects.consume(code);
    return factorySpace(effects, lineEnd, types.whitespace);
  }

  function lineEnd(code: Code): State | undefined {
    if (code !== codes.eof && !markdownLineEnding(code)) return nok(code);
    effects.exit('quizTag');
    return ok(code);
  }
}
