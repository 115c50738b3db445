/**
 * Tokenizer for one fence line of a Pandoc fenced div.
 *
 * An opening fence is three or more colons followed by attributes (`{…}`) or
 * one bare class word, optionally followed by more colons. A closing fence
 * is three or more colons alone. Each fence line is its own flow construct
 * that may interrupt a paragraph (lecture sources rarely leave blank lines
 * around fences); pairing fences into nested divs happens on the tree, in
 * `transforms/fenced-divs.ts`, where unclosed and stray fences are reported.
 */
import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding, markdownLineEndingOrSpace } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { attributesConstruct } from './attributes.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    fencedDivFence: 'fencedDivFence';
    fencedDivSequence: 'fencedDivSequence';
    fencedDivWord: 'fencedDivWord';
  }
}

const attributes = attributesConstruct(true);

/** A character of a bare class word after the colons (`::: notes`). */
function isWordCharacter(code: Code): boolean {
  return (
    code !== codes.eof &&
    !markdownLineEndingOrSpace(code) &&
    code !== codes.colon &&
    code !== codes.leftCurlyBrace &&
    code !== codes.rightCurlyBrace &&
    code !== codes.quotationMark &&
    code !== codes.apostrophe &&
    code !== codes.equalsTo &&
    code !== codes.lessThan &&
    code !== codes.greaterThan
  );
}

export const fencedDivFence: Construct = {
  name: 'fencedDivFence',
  tokenize: tokenizeFencedDivFence,
};

function tokenizeFencedDivFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;

  return start;

  function start(code: Code): State | undefined {
    effects.enter('fencedDivFence');
    effects.enter('fencedDivSequence');
    return sequence(code);
  }

  function sequence(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.consume(code);
      size++;
      return sequence;
    }
    if (size < 3) return nok(code);
    effects.exit('fencedDivSequence');
    return factorySpace(effects, afterSequence, types.whitespace)(code);
  }

  function afterSequence(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return done(code);
    if (code === codes.leftCurlyBrace) return effects.attempt(attributes, afterAttributes, nok)(code);
    if (!isWordCharacter(code)) return nok(code);
    effects.enter('fencedDivWord');
    effects.consume(code);
    return word;
  }

  function word(code: Code): State | undefined {
    if (isWordCharacter(code)) {
      effects.consume(code);
      return word;
    }
    effects.exit('fencedDivWord');
    return afterAttributes(code);
  }

  function afterAttributes(code: Code): State | undefined {
    return factorySpace(effects, trailingStart, types.whitespace)(code);
  }

  function trailingStart(code: Code): State | undefined {
    if (code !== codes.colon) return lineEnd(code);
    effects.enter('fencedDivSequence');
    return trailing(code);
  }

  function trailing(code: Code): State | undefined {
    if (code === codes.colon) {
      effects.consume(code);
      return trailing;
    }
    effects.exit('fencedDivSequence');
    return factorySpace(effects, lineEnd, types.whitespace)(code);
  }

  function lineEnd(code: Code): State | undefined {
    return code === codes.eof || markdownLineEnding(code) ? done(code) : nok(code);
  }

  function done(code: Code): State | undefined {
    effects.exit('fencedDivFence');
    return ok(code);
  }
}
