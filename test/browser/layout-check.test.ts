/**
 * `lecture check --layout`: slides measured in headless Chromium, as the
 * build fits them. On the long-slides fixture only the slide that cannot fit
 * even at 70% is reported, at its heading's line; the sample course reports
 * no overflow; the course folder gets no output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkCourse, courseFrom, messageLines, removeCourseOf } from '../check/helpers.js';
import { fixturesRoot } from '../helpers/fixtures.js';

const layout = { overrides: { check: { offline: true, layout: true } } };

describe('check --layout', () => {
  test('reports the one slide that cannot fit, at its source line, and writes nothing into the course', async () => {
    const root = courseFrom(path.join(fixturesRoot, 'fit-course/lectures'));
    try {
      const result = await checkCourse(root, layout);
      const overflows = messageLines(result).filter((line) => line.includes('slide-overflow'));
      expect(overflows).toHaveLength(1);
      const line = Number(/^long\/long\.md:(\d+):/.exec(overflows[0]!)?.[1]);
      expect(readFileSync(path.join(root, 'lectures/long/long.md'), 'utf8').split('\n')[line - 1]).toBe('## Far too long');
      expect(overflows[0]).toMatch(/warning slide-overflow Slide \d+ overflows its canvas by \d+ px even at 70%/);
      expect(existsSync(path.join(root, 'dist'))).toBe(false);
      expect(existsSync(path.join(root, 'quiz-keys'))).toBe(false);
    } finally {
      removeCourseOf(root);
    }
  }, 60_000);

  test('the sample course has no slide that overflows', async () => {
    const root = courseFrom(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lectures'));
    try {
      expect(messageLines(await checkCourse(root, layout))).toEqual([]);
    } finally {
      removeCourseOf(root);
    }
  }, 60_000);
});
