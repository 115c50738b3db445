/**
 * Answers of every question kind checked against the key on the server: the
 * shape a quiz accepts, right and wrong answers (fill-in ignores case and
 * extra spaces, ordering compares the items' tokens), and what a reveal shows.
 */
import { describe, expect, test } from 'vitest';
import { describeAnswer, isRight, parseAnswer, revealOf } from '../../src/classroom/check.js';
import type { QuizKey } from '../../src/types.js';

const base = { form: 'fenced', title: 'Q', question: 'Q', line: 1, column: 1 } as const;
const multiple: QuizKey = {
  ...base, id: 'm', kind: 'choice', multiple: true,
  options: ['RUN', 'COPY', 'CMD'].map((text, index) => ({ id: `m/${index}`, letter: 'ABC'[index]!, text, correct: index < 2 })),
};
const fill: QuizKey = { ...base, id: 'f', kind: 'fill', multiple: false, options: [], blanks: [{ id: 'f/1', answers: ['Paris'] }, { id: 'f/2', answers: ['standard output', 'stdout'] }] };
const order: QuizKey = {
  ...base, id: 'o', kind: 'order', multiple: false, explanation: 'Context first.',
  options: ['read', 'send', 'run'].map((text, index) => ({ id: `o/${index}`, letter: 'ABC'[index]!, text, correct: false, rank: [2, 1, 3][index] })),
  order: ['o/1', 'o/0', 'o/2'],
};
const tokens = ['t-read', 't-send', 't-run'];

describe('classroom answers', () => {
  test('multiple choice: every correct option and no other', () => {
    expect(parseAnswer(multiple, { choices: [1, 0, 1] }, [])).toEqual({ choices: [0, 1] });
    expect(isRight(multiple, { choices: [0, 1] }, [])).toBe(true);
    expect(isRight(multiple, { choices: [0] }, [])).toBe(false);
    expect(isRight(multiple, { choices: [0, 1, 2] }, [])).toBe(false);
    expect(parseAnswer(multiple, { choices: [3] }, [])).toBe('expected options of this quiz');
    expect(parseAnswer(multiple, { blanks: ['x'] }, [])).toBe('expected the chosen options');
    expect(describeAnswer(multiple, { choices: [0, 2] }, [])).toBe('A, C');
  });

  test('fill-in: case, spaces and Unicode forms ignored; any accepted answer', () => {
    expect(isRight(fill, { blanks: ['  paris ', 'STDOUT'] }, [])).toBe(true);
    expect(isRight(fill, { blanks: ['Paris', 'standard   output'] }, [])).toBe(true);
    expect(isRight(fill, { blanks: ['Lyon', 'stdout'] }, [])).toBe(false);
    expect(parseAnswer(fill, { blanks: ['Paris'] }, [])).toBe('expected 2 blanks');
    expect(revealOf(fill, [])).toEqual({ blanks: ['Paris', 'standard output'], explanation: undefined });
  });

  test('ordering: the items\' tokens in the key\'s order; each item once', () => {
    expect(isRight(order, { order: ['t-send', 't-read', 't-run'] }, tokens)).toBe(true);
    expect(isRight(order, { order: ['t-read', 't-send', 't-run'] }, tokens)).toBe(false);
    expect(parseAnswer(order, { order: ['t-send', 't-send', 't-run'] }, tokens)).toBe('expected every item once');
    expect(parseAnswer(order, { order: ['t-send', 'forged', 't-run'] }, tokens)).toBe('expected every item once');
    expect(revealOf(order, tokens)).toEqual({ order: ['t-send', 't-read', 't-run'], explanation: 'Context first.' });
    expect(describeAnswer(order, { order: ['t-send', 't-read', 't-run'] }, tokens)).toBe('B A C');
  });
});
