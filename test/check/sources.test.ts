/**
 * Extra message sources (the future `--layout` measurement) plug into
 * `check()`: they see every lecture, report on its file, and their messages
 * get severities from the config and count for the exit code like any other.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { report, type MessageSource } from '../../src/index.js';
import type * as Library from '../../src/index.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import { checkCourse, courseFrom, messageLines, removeCourseOf } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeCourseOf(root);
});

test('an extra message source reports like a built-in rule', async () => {
  const root = courseFrom(path.join(fixturesRoot, 'check', 'rules', 'missing-anchor', 'ok'), { rules: { 'slide-overflow': 'error' } });
  roots.push(root);
  const seen: string[] = [];
  const layout: MessageSource = ({ lectures }) => {
    for (const lecture of lectures) {
      seen.push(path.basename(lecture.source));
      if (lecture.ids.has('cache')) report(lecture.file, 'Slide `cache` is 40px taller than the canvas', 'slide-overflow', { position: { start: { line: 9, column: 1 }, end: { line: 9, column: 20 } } });
    }
  };
  const result = await checkCourse(root, { sources: [layout] });
  expect(seen.sort()).toEqual(['lecture.md', 'other.md']);
  expect(messageLines(result)).toEqual(['lecture.md:9:1 error slide-overflow Slide `cache` is 40px taller than the canvas']);
  expect(result.failed).toBe(true);
});

test('a source may still parse markdown after the lectures are done (the bundle restarts its parse worker)', async () => {
  // Only the bundle parses in a worker thread; it stops that worker once the lectures are parsed.
  const { check } = (await import(path.resolve('lib/index.js'))) as typeof Library;
  const root = courseFrom(path.join(fixturesRoot, 'check', 'rules', 'missing-anchor', 'ok'));
  roots.push(root);
  const notes = path.join(root, 'notes.md');
  writeFileSync(notes, '## Extra notes {#extra}\n\nText.\n');
  let ids: Set<string> | undefined;
  const late: MessageSource = async ({ idsOf }) => {
    ids = await idsOf(notes);
  };
  // Remote checking on (nothing remote to ask): lectures are parsed in the worker.
  await check({ root, cache: false, sources: [late] });
  expect(ids?.has('extra')).toBe(true);
});
