/**
 * Answers files: a lecture's `<name>-answers.md` (any case) or the
 * `answers.md` it is alone with keys its lettered questions, in order; the
 * file is read by the build and the check, never built into a deck, and a
 * change to it rebuilds the deck.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseAnswerFile } from '../../src/course/answer-file.js';
import { build } from '../../src/course/build.js';
import { discoverLectures, isAnswerFileName } from '../../src/course/discover.js';
import type { DeckKey } from '../../src/course/quiz-keys.js';
import { checkCourse, messageLines } from '../check/helpers.js';
import { copyCourse, removeCourse } from '../helpers/course.js';

describe('answers files', () => {
  test('the numbered list gives letters by number, whatever the emphasis and the text after them', () => {
    const text = '# Answers\n\n1. b\n2. **a, c** — pid and net\n3) (d)\n- 4. B and D\nQ5: e\n6. a registry\n';
    expect(parseAnswerFile(text)).toEqual({ 1: ['b'], 2: ['a', 'c'], 3: ['d'], 4: ['b', 'd'], 5: ['e'] });
  });

  test('a key saved with Windows or old Mac line endings gives the same letters', () => {
    const text = '# Answers\n\n1. b\n2. **a, c** — pid and net\n3) (d)\n- 4. B and D\nQ5: e\n6. a registry\n';
    expect(parseAnswerFile(text.replaceAll('\n', '\r\n'))).toEqual(parseAnswerFile(text));
    expect(parseAnswerFile(text.replaceAll('\n', '\r'))).toEqual(parseAnswerFile(text));
  });

  test('an answers file is one beside its lecture, or answers.md beside any lecture', () => {
    expect(isAnswerFileName('exam-ANSWERS.md', ['exam.md', 'exam-ANSWERS.md'])).toBe(true);
    expect(isAnswerFileName('exam-answers.md', ['other.md', 'exam-answers.md'])).toBe(false);
    expect(isAnswerFileName('answers.md', ['answers.md', 'lecture.md'])).toBe(true);
    expect(isAnswerFileName('answers.md', ['answers.md', 'README.md'])).toBe(false);
  });

  describe('in a course', () => {
    let root: string;
    let messages: string[];

    beforeAll(async () => {
      root = copyCourse('answers-course');
      const result = await build({ root });
      expect(result.failed).toBe(false);
      messages = result.files.flatMap((file) => file.messages.map((message) => `${path.basename(file.path)} ${message.ruleId}`));
    });
    afterAll(() => removeCourse(root));

    test('are not lectures: never discovered, never built', async () => {
      const lectures = await discoverLectures(path.join(root, 'lectures'));
      expect(lectures.map((lecture) => lecture.slug)).toEqual(['exam', 'week-2']);
      expect(existsSync(path.join(root, 'dist/exam-answers'))).toBe(false);
      expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).not.toMatch(/answers/i);
    });

    test('key the lettered questions in order; an Answer: line agrees with them', () => {
      const exam = JSON.parse(readFileSync(path.join(root, 'quiz-keys/exam.json'), 'utf8')) as DeckKey;
      expect(exam.quizzes.map((quiz) => [quiz.form, quiz.options.filter((option) => option.correct).map((option) => option.letter).join('')])).toEqual([
        ['lettered', 'B'],
        ['lettered', 'AC'],
        ['lettered', 'B'],
      ]);
      const week = JSON.parse(readFileSync(path.join(root, 'quiz-keys/week-2.json'), 'utf8')) as DeckKey;
      expect(week.quizzes[0]?.options.map((option) => option.correct)).toEqual([true, false]);
    });

    test('an answer for a question the lecture does not have is reported, by the build and by the check', async () => {
      expect(messages).toEqual(['exam.md quiz-answer-key']);
      const checked = messageLines(await checkCourse(root));
      expect(checked).toHaveLength(1);
      expect(checked[0]).toMatch(/^exam\.md:1:1 warning quiz-answer-key `\S*lectures\/exam-ANSWERS\.md` gives answers up to question 4, but this lecture has 3 lettered questions/);
    });

    test('a changed answers file rebuilds its lecture', async () => {
      writeFileSync(path.join(root, 'lectures/week-2/answers.md'), '1. b\n');
      await build({ root });
      const week = JSON.parse(readFileSync(path.join(root, 'quiz-keys/week-2.json'), 'utf8')) as DeckKey;
      expect(week.quizzes[0]?.options.map((option) => option.correct)).toEqual([false, true]);
    });
  });
});
