/**
 * The safety net holds in `lecture build` as in `lecture check`: the check's
 * not-ok example, built, reports each answer mark no quiz took and writes a
 * page that shows none of them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { courseFrom, removeCourseOf } from '../check/helpers.js';
import { fixturesRoot } from '../helpers/fixtures.js';

test('lecture build reports and hides answers outside quizzes', async () => {
  const root = courseFrom(path.join(fixturesRoot, 'check/rules/quiz-answer-visible/not-ok'));
  try {
    const result = await build({ root, cache: false });
    const messages = result.files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`));
    expect(messages).toEqual(['5:1 quiz-answer-visible', '10:17 quiz-answer-visible', '12:1 quiz-answer-visible']);
    const page = readFileSync(path.join(root, 'dist/lecture/index.html'), 'utf8');
    expect(page).not.toMatch(/checked|class="correct"|button-answer|Solomon Hykes/);
    expect(page).toContain('<span>dotCloud</span>');
  } finally {
    removeCourseOf(root);
  }
});
