/**
 * Tokenizer for display math that starts a line, read the way Pandoc reads
 * `$$ … $$`: an inline construct that closes at the first `$$` after the
 * opening one, whatever follows it on the line, and never across a blank
 * line. Text on the opening line belongs to the formula; what follows the
 * closing `$$` on its line (`{#eq-id}`, `.`, `, where`) is text of the same
 * paragraph. A `$$` that does not close before a blank line is not math at
 * all (this construct fails, the line is text), so a runaway formula cannot
 * swallow the slides after it; `transforms/math-dollars.ts` reports it.
 *
 * remark-math's own block construct (a code-fence-like `$$` that closes only
 * on a line of its own) is disabled in `syntax/index.ts`.
 */
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import { codes, constants, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    displayMath: 'displayMath';
    displayMathFormula: 'displayMathFormula';
    displayMathSequence: 'displayMathSequence';
    displayMathValue: 'displayMathValue';
  }
}

export const displayMath: Construct = {
  name: 'displayMath',
  tokenize: tokenizeDisplayMath,
  concrete: true,
};

/** A line ending that is not followed by a lazy line (one outside the container). */
const nonLazyLineEnding: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const self = this;
    return (code: Code) => {
      effects.enter(types.lineEnding);
      effects.consume(code);
      effects.exit(types.lineEnding);
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : ok(next));
    };
  },
};

/** Lines a formula may take at most: longer, it is text (and a runaway `$$` stays cheap to reject). */
const maxLines = 200;

function tokenizeDisplayMath(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let size = 0;
  let lines = 1;
  /** Whether the current line has anything but whitespace so far. */
  let lineHasContent = true;
  /** Whether the formula holds anything but whitespace. */
  let hasContent = false;

  return start;

  function start(code: Code): State | undefined {
    effects.enter('displayMath');
    effects.enter('displayMathFormula');
    effects.enter('displayMathSequence');
    return openSequence(code);
  }

  function openSequence(code: Code): State | undefined {
    if (code === codes.dollarSign && size < 3) {
      effects.consume(code);
      size++;
      return openSequence;
    }
    if (size !== 2) return nok(code);
    effects.exit('displayMathSequence');
    return valueStart(code);
  }

  function valueStart(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    if (markdownLineEnding(code)) return lineEnd(code);
    if (code === codes.dollarSign) return closeStart(code);
    effects.enter('displayMathValue');
    return value(code);
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof) return nok(code);
    if (code === codes.dollarSign || markdownLineEnding(code)) {
      effects.exit('displayMathValue');
      return code === codes.dollarSign ? closeStart(code) : lineEnd(code);
    }
    if (!markdownSpace(code)) {
      lineHasContent = true;
      hasContent = true;
    }
    effects.consume(code);
    return value;
  }

  /** A `$`: the closing `$$` when another `$` follows, else part of the formula. */
  function closeStart(code: Code): State | undefined {
    return effects.check(closingSequence, close, single)(code);
  }

  function single(code: Code): State | undefined {
    effects.enter('displayMathValue');
    effects.consume(code);
    lineHasContent = true;
    hasContent = true;
    return value;
  }

  function lineEnd(code: Code): State | undefined {
    // A blank line ends the paragraph, and with it any chance of closing.
    if (!lineHasContent || ++lines > maxLines) return nok(code);
    lineHasContent = false;
    return effects.attempt(nonLazyLineEnding, valueStart, nok)(code);
  }

  function close(code: Code): State | undefined {
    if (!hasContent) return nok(code);
    effects.enter('displayMathSequence');
    effects.consume(code);
    return closeSecond;
  }

  function closeSecond(code: Code): State | undefined {
    effects.consume(code);
    effects.exit('displayMathSequence');
    effects.exit('displayMathFormula');
    return after;
  }

  /** The rest of the closing line is text of the same paragraph. */
  function after(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return done(code);
    effects.enter(types.chunkText, { contentType: constants.contentTypeText });
    return rest(code);
  }

  function rest(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit(types.chunkText);
      return done(code);
    }
    effects.consume(code);
    return rest;
  }

  function done(code: Code): State | undefined {
    effects.exit('displayMath');
    return ok(code);
  }
}

/** Lookahead: `$$` at the current position. */
const closingSequence: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return (code: Code) => {
      effects.enter('displayMathSequence');
      effects.consume(code);
      return (next: Code) => {
        if (next !== codes.dollarSign) return nok(next);
        effects.consume(next);
        effects.exit('displayMathSequence');
        return ok;
      };
    };
  },
};
