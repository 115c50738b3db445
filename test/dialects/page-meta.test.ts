/**
 * A lead-in that announces learning goals, read in one pass: the same
 * texts as the pattern it replaces, which went to the end of the line from
 * every "question".
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { announcesGoals } from '../../src/dialects/page-meta.js';

test('announces learning goals exactly where the pattern did, in linear time', () => {
  const before = /(questions?\b.*\bable to answer|learning (objectives|goals|outcomes)|you will learn|objectives)/i;
  const word = fc.constantFrom('question', 'Questions', 'questionable', 'able to answer', 'unable to answer', 'able', ' ', '\n', '\r', 'x', 'objectives', 'you will learn', 'learning goals', 's');
  fc.assert(
    fc.property(fc.array(word, { maxLength: 10 }), (parts) => {
      const text = parts.join('');
      expect(announcesGoals(text)).toBe(before.test(text));
    }),
    { numRuns: 5000 },
  );
  // 20,000 "question"s without the rest took the pattern seconds.
  expect(announcesGoals(`${'question '.repeat(20_000)}.`)).toBe(false);
});
