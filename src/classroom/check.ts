/**
 * Answers in classroom mode, checked on the server against the answer key
 * (which never reaches a student's browser): what a well-formed answer to a
 * quiz is, whether it is right, and what students are shown once the
 * presenter reveals the answer. Pure functions of the key.
 */
import { normaliseAnswer } from '../client/seal.js';
import type { QuizKey } from '../types.js';

/** An answer as students send it: option indices (source order), one text per blank, or the ordering items' tokens in the order given. */
export type Answer = { choices: number[] } | { blanks: string[] } | { order: string[] };

/** What students see once the answer is revealed. */
export interface Revealed {
  /** Choice: the indices of the correct options. */
  choices?: number[] | undefined;
  /** Fill-in: the first accepted answer of each blank. */
  blanks?: string[] | undefined;
  /** Ordering: the items' tokens in the right order. */
  order?: string[] | undefined;
  explanation?: string | undefined;
}

/** The answer `value` in the shape `key` asks for, or why it is not. */
export function parseAnswer(key: QuizKey, value: Answer, tokens: readonly string[]): Answer | string {
  if (key.kind === 'fill') {
    if (!('blanks' in value)) return 'expected the text of each blank';
    return value.blanks.length === (key.blanks?.length ?? 0) ? { blanks: value.blanks } : `expected ${key.blanks?.length ?? 0} blanks`;
  }
  if (key.kind === 'order') {
    if (!('order' in value)) return 'expected the items in order';
    const known = new Set(tokens);
    const valid = value.order.length === tokens.length && new Set(value.order).size === tokens.length && value.order.every((token) => known.has(token));
    return valid ? { order: value.order } : 'expected every item once';
  }
  if (!('choices' in value)) return 'expected the chosen options';
  const choices = [...new Set(value.choices)].sort((a, b) => a - b);
  if (choices.length === 0 || choices.some((index) => !Number.isInteger(index) || index < 0 || index >= key.options.length)) return 'expected options of this quiz';
  if (!key.multiple && choices.length > 1) return 'expected one option';
  return { choices };
}

/** Whether `answer` (already parsed) is right. */
export function isRight(key: QuizKey, answer: Answer, tokens: readonly string[]): boolean {
  if ('blanks' in answer) return (key.blanks ?? []).every((blank, index) => blank.answers.some((accepted) => normaliseAnswer(accepted) === normaliseAnswer(answer.blanks[index] ?? '')));
  if ('order' in answer) {
    const right = rightOrder(key, tokens);
    return answer.order.length === right.length && answer.order.every((token, index) => token === right[index]);
  }
  const correct = key.options.flatMap((option, index) => (option.correct ? [index] : []));
  return correct.length === answer.choices.length && correct.every((index, position) => answer.choices[position] === index);
}

/** What the reveal shows students. */
export function revealOf(key: QuizKey, tokens: readonly string[]): Revealed {
  const explanation = key.explanation;
  if (key.kind === 'fill') return { blanks: (key.blanks ?? []).map((blank) => blank.answers[0] ?? ''), explanation };
  if (key.kind === 'order') return { order: rightOrder(key, tokens), explanation };
  return { choices: key.options.flatMap((option, index) => (option.correct ? [index] : [])), explanation };
}

/** The items' tokens (in source order: `tokens[i]` is `key.options[i]`) in the right order. */
function rightOrder(key: QuizKey, tokens: readonly string[]): string[] {
  const ids = key.order ?? [...key.options].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((option) => option.id);
  return ids.map((id) => tokens[key.options.findIndex((option) => option.id === id)] ?? '');
}

/** An answer as the results files show it: option letters, blank texts, or item letters in order. */
export function describeAnswer(key: QuizKey, answer: Answer, tokens: readonly string[]): string {
  if ('blanks' in answer) return answer.blanks.join(' | ');
  if ('order' in answer) return answer.order.map((token) => key.options[tokens.indexOf(token)]?.letter ?? '?').join(' ');
  return answer.choices.map((index) => key.options[index]?.letter ?? '?').join(', ');
}
