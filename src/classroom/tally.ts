/**
 * The presenter's live chart of one quiz: how many chose each option, how
 * many answered and, once revealed, how many are right; for fill-in and
 * ordering questions the most frequent answers once revealed. Nothing that
 * tells the answer is in it before the reveal: the presenter's screen is
 * the room's.
 */
import type { QuizKey } from '../types.js';
import { describeAnswer } from './check.js';
import type { Tally } from './messages.js';
import type { Given } from './session.js';

export function tallyOf(deck: string, key: QuizKey, given: Given[], tokens: readonly string[], revealed: boolean): Tally {
  const tally: Tally = { deck, quiz: key.id, kind: key.kind, answered: given.length, right: revealed ? given.filter((entry) => entry.right).length : 0, revealed };
  if (key.kind === 'choice') {
    tally.counts = key.options.map(() => 0);
    for (const { answer } of given) if ('choices' in answer) for (const index of answer.choices) tally.counts[index] = (tally.counts[index] ?? 0) + 1;
    if (revealed) tally.correct = key.options.flatMap((option, index) => (option.correct ? [index] : []));
    return tally;
  }
  if (!revealed) return tally;
  const counts = new Map<string, number>();
  for (const { answer } of given) {
    const text = describeAnswer(key, answer, tokens);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  tally.top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6);
  return tally;
}
