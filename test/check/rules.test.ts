/**
 * Every rule's ok and not-ok examples (`test/fixtures/check/rules/<rule>/`):
 * the ok course reports nothing at all; the not-ok course reports only that
 * rule, exactly as `messages.txt` says.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expected, fixturesRoot } from '../helpers/fixtures.js';
import { checkCourse, courseFrom, messageLines, removeCourseOf } from './helpers.js';

const folder = path.join(fixturesRoot, 'check', 'rules');

describe.each(readdirSync(folder).sort())('rule %s', (rule) => {
  it('reports nothing on its ok example', async () => {
    const root = courseFrom(path.join(folder, rule, 'ok'));
    try {
      expect(messageLines(await checkCourse(root))).toEqual([]);
    } finally {
      removeCourseOf(root);
    }
  });

  it('reports each defect of its not-ok example once, at its position', async () => {
    const root = courseFrom(path.join(folder, rule, 'not-ok'));
    try {
      const lines = messageLines(await checkCourse(root));
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.split(' ')[2]).toBe(rule);
      expect(`${lines.join('\n')}\n`).toBe(expected(path.join(folder, rule), 'messages.txt', `${lines.join('\n')}\n`));
    } finally {
      removeCourseOf(root);
    }
  });
});
