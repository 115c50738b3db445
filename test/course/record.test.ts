/**
 * The list of decks the course page shows is the build's own bookkeeping (it
 * names source files): it lives in the cache folder, never in the output;
 * an output folder from an older version is still read, and its record
 * removed; without any record the decks in the output are read back.
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { recordFile } from '../../src/course/manifest.js';
import { copyCourse, removeCourse } from '../helpers/course.js';

const courses: string[] = [];
function course(): string {
  const root = copyCourse('pdf-course');
  courses.push(root);
  return root;
}
afterEach(() => {
  for (const root of courses.splice(0)) removeCourse(root);
});

const listed = (root: string, out = 'dist') => [...readFileSync(path.join(root, out, 'index.html'), 'utf8').matchAll(/id="deck-([^"]+)"/g)].map((match) => match[1]);
const records = (root: string) => readdirSync(path.join(root, '.lecture-cache')).filter((name) => /^decks-[0-9a-f]{16}\.json$/.test(name));

describe('the record of decks', () => {
  test('is kept in the cache folder, one per output folder, and nothing of it is published', async () => {
    const root = course();
    await build({ root, fit: false });
    await build({ root, fit: false, overrides: { out: 'site' } });
    expect(records(root)).toHaveLength(2);
    for (const out of ['dist', 'site']) {
      expect(existsSync(path.join(root, out, '.lecture-decks.json'))).toBe(false);
      // No source path anywhere in the published folder.
      for (const file of readdirSync(path.join(root, out), { recursive: true, encoding: 'utf8' })) {
        if (/\.(html|json|css|js)$/.test(file)) expect(readFileSync(path.join(root, out, file), 'utf8'), file).not.toMatch(/lectures\/deck|missing\.md/);
      }
    }
    // Building one lecture keeps the other on the page.
    await build({ root, fit: false, paths: [path.join(root, 'lectures/missing.md')] });
    expect(listed(root)).toEqual(['deck', 'missing']);
  });

  test('is kept with --no-cache too', async () => {
    const root = course();
    await build({ root, fit: false, cache: false });
    expect(records(root)).toHaveLength(1);
    await build({ root, fit: false, cache: false, paths: [path.join(root, 'lectures/missing.md')] });
    expect(listed(root)).toEqual(['deck', 'missing']);
  });

  test('an output folder from an older version is read once, and its record leaves the output', async () => {
    const root = course();
    const built = await build({ root, fit: false });
    const record = recordFile(path.join(root, '.lecture-cache'), built.out);
    renameSync(record, path.join(root, 'dist', '.lecture-decks.json'));
    rmSync(path.join(root, 'dist', '.lecture-output'));
    await build({ root, fit: false, paths: [path.join(root, 'lectures/missing.md')] });
    expect(listed(root)).toEqual(['deck', 'missing']);
    expect(existsSync(path.join(root, 'dist', '.lecture-decks.json'))).toBe(false);
    expect(existsSync(record)).toBe(true);
  });

  test('with cache: false there is no record: the decks already in the output are read from their pages', async () => {
    const root = course();
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ cache: false }));
    await build({ root, fit: false });
    expect(existsSync(path.join(root, '.lecture-cache'))).toBe(false);
    await build({ root, fit: false, paths: [path.join(root, 'lectures/missing.md')] });
    expect(listed(root)).toEqual(['deck', 'missing']);
    const page = readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
    expect(page).toContain('Printing lectures');
    expect(page).toMatch(/Ada Lovelace, Alan Turing/);
  });
});
