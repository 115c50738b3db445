/**
 * Unchanged lectures come from the check cache; a change to the lecture or
 * to a file it refers to checks it again. A lecture that cannot be read is
 * reported, and the rest are still checked.
 */
import { appendFileSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { fixturesRoot } from '../helpers/fixtures.js';
import { checkCourse, courseFrom, messageLines, removeCourseOf } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeCourseOf(root);
});

test('reuses unchanged lectures and re-checks changed ones', async () => {
  const root = courseFrom(path.join(fixturesRoot, 'check', 'rules', 'missing-file', 'not-ok'));
  roots.push(root);
  const first = messageLines(await checkCourse(root, { cache: true }));
  expect(existsSync(path.join(root, '.lecture-cache', 'check-lectures.json'))).toBe(true);
  expect(messageLines(await checkCourse(root, { cache: true }))).toEqual(first);
  // The missing image appears: that message goes.
  writeFileSync(path.join(root, 'lectures', 'img', 'nope.png'), 'png');
  const fixed = messageLines(await checkCourse(root, { cache: true }));
  expect(fixed).toEqual(first.filter((line) => !line.includes('img/nope.png')));
  // The lecture changes: its new problem is found.
  appendFileSync(path.join(root, 'lectures', 'lecture.md'), '\n![Late](img/late.png)\n');
  expect((await checkCourse(root, { cache: true })).files[0]!.messages.some((message) => message.reason.includes('img/late.png'))).toBe(true);
});

test('a lecture that cannot be read is reported on its file, and the others are still checked', async () => {
  const root = courseFrom(path.join(fixturesRoot, 'check', 'rules', 'missing-file', 'not-ok'));
  roots.push(root);
  symlinkSync('/nonexistent/lecture.md', path.join(root, 'lectures', 'gone.md'));
  const lines = messageLines(await checkCourse(root));
  expect(lines.filter((line) => line.startsWith('gone.md:'))).toEqual([expect.stringMatching(/^gone\.md:1:1 error build-failed Cannot read lecture: ENOENT/)]);
  expect(lines.some((line) => line.startsWith('lecture.md:') && line.includes('img/nope.png'))).toBe(true);
});
