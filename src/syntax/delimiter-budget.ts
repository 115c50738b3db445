/**
 * A budget of inline delimiters per paragraph. micromark resolves emphasis
 * (`*`, `_`), strikethrough (`~`), links and footnote calls (`[`, `]`, `!`)
 * by looking back over the paragraph and splicing its events at every match:
 * the time grows with the square of the delimiters in one paragraph
 * (`*` × 8000, `x`, `*` × 8000: 22 s; `~a` × 8000 then `b~` × 8000: 6 s).
 * No real paragraph holds a thousand of them; past that, a paragraph's
 * delimiter runs are read as plain text, so each costs a bounded amount.
 *
 * The construct is tried before the others at each of these characters
 * (a run of `*` is one try): within the budget it declines, and the usual
 * construct reads the character; past it, it takes the run as text.
 */
import { codes } from 'micromark-util-symbol';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';

/** Delimiter runs one paragraph (one text tokenizer) may hand to micromark's own constructs. */
export const delimiterBudget = 1000;

/** A longer run of one delimiter is text whatever the budget: 4,000 `*` on each side of a word were 2,000 matches. */
export const longestRun = 100;

/** Runs seen so far, per text tokenizer. */
const spent = new WeakMap<object, number>();

/** The tokenizer `context` belongs to (a construct may run on an object derived from it). */
export function ownerOf(context: TokenizeContext): object {
  let owner: object = context;
  while (!Object.hasOwn(owner, 'events')) {
    const parent = Object.getPrototypeOf(owner) as object | null;
    if (!parent) return context;
    owner = parent;
  }
  return owner;
}

function tokenizeOverBudget(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const owner = ownerOf(this);
  const used = spent.get(owner) ?? 0;
  let marker: Code;
  let size = 0;
  return start;

  /** A bracket is decided alone; a run of `*`, `_` or `~` is read whole first. */
  function start(code: Code): State | undefined {
    marker = code;
    if (isRunMarker(code)) {
      effects.enter('data');
      return inRun(code);
    }
    if (used < delimiterBudget) return decline(code);
    effects.enter('data');
    effects.consume(code);
    effects.exit('data');
    return ok;
  }

  /** Over the budget or too long, the run stays text; else the usual construct reads it. */
  function inRun(code: Code): State | undefined {
    if (code === marker) {
      effects.consume(code);
      size++;
      return inRun;
    }
    if (used < delimiterBudget && size <= longestRun) return decline(code);
    effects.exit('data');
    return ok(code);
  }

  function decline(code: Code): State | undefined {
    spent.set(owner, used + 1);
    return nok(code);
  }
}

function isRunMarker(code: Code): boolean {
  return code === codes.asterisk || code === codes.underscore || code === codes.tilde;
}

const overBudget: Construct = { name: 'delimiterBudget', tokenize: tokenizeOverBudget, add: 'before' };

/** The micromark extension: register it after every other, so it is tried first. */
export function delimiterBudgetSyntax(): Extension {
  return {
    text: {
      [codes.asterisk]: overBudget,
      [codes.underscore]: overBudget,
      [codes.tilde]: overBudget,
      [codes.leftSquareBracket]: overBudget,
      [codes.rightSquareBracket]: overBudget,
      [codes.exclamationMark]: overBudget,
    },
  };
}
