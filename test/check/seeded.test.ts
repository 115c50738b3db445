/**
 * The seeded course (`test/fixtures/check/seeded/`) holds one defect of each
 * kind; each is reported exactly once, at its line and column. The sample
 * course reports nothing: its every finding would be a false positive.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expected, fixturesRoot } from '../helpers/fixtures.js';
import { checkCourse, courseFrom, messageLines, removeCourseOf } from './helpers.js';
import { loopbackLookup, useServer } from './server.js';

const lookup = loopbackLookup();
const server = useServer();

describe('check on whole courses', () => {
  it('reports each seeded defect exactly once, at its position', async () => {
    const folder = path.join(fixturesRoot, 'check', 'seeded');
    const root = courseFrom(path.join(folder, 'lectures'), {
      check: { remoteAnchors: true, exclude: ['https://course.example.edu'], timeout: 1, retries: 0 },
    });
    try {
      const other = path.join(root, 'lectures', '02-other.md');
      writeFileSync(other, readFileSync(other, 'utf8').replaceAll('$ORIGIN', server.origin));
      const result = await checkCourse(root, { overrides: {}, lookup });
      const lines = messageLines(result).map((line) => line.replaceAll(server.origin, '$ORIGIN'));
      const rules = lines.map((line) => line.split(' ')[2]);
      expect(new Set(rules).size).toBe(rules.length);
      expect(`${lines.join('\n')}\n`).toBe(expected(folder, 'messages.txt', `${lines.join('\n')}\n`));
      expect(result.failed).toBe(true);
    } finally {
      removeCourseOf(root);
    }
  });

  it('reports nothing on the sample course', async () => {
    const sample = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../lectures');
    const root = courseFrom(sample);
    try {
      const result = await checkCourse(root);
      expect(messageLines(result)).toEqual([]);
      expect(result.files).toHaveLength(3);
    } finally {
      removeCourseOf(root);
    }
  });
});
