/**
 * No setting makes a build write into, or delete from, a folder that is not
 * its own: the answer keys, the output and the cache are refused when they
 * are the course, overlap it or the output, or hold files the tool did not
 * write — checked before a single file is written.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { build } from '../../src/course/build.js';

let root: string;
let elsewhere: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-folders-'));
  elsewhere = mkdtempSync(path.join(os.tmpdir(), 'lecture-elsewhere-'));
  mkdirSync(path.join(root, 'lectures'));
  writeFileSync(path.join(root, 'package.json'), '{"name": "my-course"}\n');
  writeFileSync(path.join(root, 'lectures/package.md'), '## No quiz here\n\nJust text.\n');
  writeFileSync(path.join(root, 'lectures/quiz.md'), '## Quiz\n\nWhich one?\n\n- [ ] this\n- [x] that\n');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

/** Every file under `folder` with its content, to prove nothing changed. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(folder, name);
    try {
      files[name] = readFileSync(full, 'utf8');
    } catch {
      files[name] = '<folder>';
    }
  }
  return files;
}

function configure(config: object): void {
  writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify(config));
}

describe('quiz.keys', () => {
  test.each([
    ['.', /answer-key folder `\.` holds the course itself/],
    ['dist', /answer-key folder `dist` overlaps the output folder, which is published/],
    ['dist/keys', /overlaps the output folder/],
    ['lectures/keys', /overlaps the lectures folder/],
    ['..', /holds the course itself/],
  ])('`%s` is refused before anything is written', async (keys, message) => {
    configure({ quiz: { keys } });
    const before = snapshot(root);
    await expect(build({ root, fit: false })).rejects.toThrow(message);
    expect(snapshot(root)).toEqual(before);
  });

  test('a folder holding files of its own is refused; a deck without quizzes deletes only a key', async () => {
    mkdirSync(path.join(root, 'notes'));
    writeFileSync(path.join(root, 'notes/package.json'), 'mine');
    configure({ quiz: { keys: 'notes' } });
    await expect(build({ root, fit: false })).rejects.toThrow(/answer-key folder `notes` holds files that lecture did not write \(`package\.json`\)/);
    expect(readFileSync(path.join(root, 'notes/package.json'), 'utf8')).toBe('mine');
    // In the keys folder it owns, a file that is not an answer key is never deleted.
    configure({});
    await build({ root, fit: false });
    writeFileSync(path.join(root, 'quiz-keys/package.json'), 'dropped in by hand');
    await build({ root, fit: false });
    expect(readFileSync(path.join(root, 'quiz-keys/package.json'), 'utf8')).toBe('dropped in by hand');
  });

  test('a keys folder written by an older version (no marker) is still ours', async () => {
    await build({ root, fit: false });
    rmSync(path.join(root, 'quiz-keys/.lecture-keys'));
    writeFileSync(path.join(root, 'quiz-keys/old-answers.pdf'), '%PDF');
    const result = await build({ root, fit: false });
    expect(result.failed).toBe(false);
    expect(existsSync(path.join(root, 'quiz-keys/quiz.json'))).toBe(true);
  });
});

describe('the output folder', () => {
  test('a folder holding files the build did not write is refused (the home folder case)', async () => {
    writeFileSync(path.join(elsewhere, 'taxes.txt'), 'mine');
    const before = snapshot(elsewhere);
    await expect(build({ root, fit: false, overrides: { out: elsewhere } })).rejects.toThrow(/output folder `.*` holds files that lecture did not write \(`taxes\.txt`\)/);
    expect(snapshot(elsewhere)).toEqual(before);
  });

  test('a symbolic link to such a folder is refused too', async () => {
    writeFileSync(path.join(elsewhere, 'taxes.txt'), 'mine');
    symlinkSync(elsewhere, path.join(root, 'dist'));
    await expect(build({ root, fit: false })).rejects.toThrow(/output folder `dist` holds files that lecture did not write/);
    expect(readdirSync(elsewhere)).toEqual(['taxes.txt']);
  });

  test('a symbolic link to a folder of its own is followed, and stays a link', async () => {
    symlinkSync(elsewhere, path.join(root, 'dist'));
    const result = await build({ root, fit: false });
    expect(result.failed).toBe(false);
    expect(existsSync(path.join(root, 'dist/quiz/index.html'))).toBe(true);
    expect(existsSync(path.join(elsewhere, 'quiz/index.html'))).toBe(true);
    expect(await build({ root, fit: false })).toMatchObject({ failed: false });
  });

  test('the course, a folder holding it, or one inside the lectures is refused', async () => {
    for (const out of ['.', '..', 'lectures', 'lectures/out']) {
      await expect(build({ root, fit: false, overrides: { out } }), out).rejects.toThrow(/would overwrite the course/);
    }
  });

  test('an output folder from before markers (it holds the deck list) is accepted and marked', async () => {
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist/.lecture-decks.json'), '[]');
    writeFileSync(path.join(root, 'dist/old.html'), 'old');
    await build({ root, fit: false });
    expect(readdirSync(path.join(root, 'dist'))).toContain('.lecture-output');
    // Files of the old output are kept: a build replaces decks, it does not empty the folder.
    expect(readFileSync(path.join(root, 'dist/old.html'), 'utf8')).toBe('old');
  });
});

describe('the cache folder', () => {
  test('the course folder or a foreign folder is refused, by build and check', async () => {
    configure({ cache: '.' });
    await expect(build({ root, fit: false })).rejects.toThrow(/cache folder `\.` holds the course itself/);
    await expect(check({ root, overrides: { check: { offline: true } } })).rejects.toThrow(/cache folder `\.` holds the course itself/);
    mkdirSync(path.join(root, 'stuff'));
    writeFileSync(path.join(root, 'stuff/keep.txt'), 'mine');
    configure({ cache: 'stuff' });
    await expect(check({ root, overrides: { check: { offline: true } } })).rejects.toThrow(/cache folder `stuff` holds files that lecture did not write/);
  });

  test('the cache folder is tagged as a cache for backup tools', async () => {
    await build({ root, fit: false });
    expect(readFileSync(path.join(root, '.lecture-cache/CACHEDIR.TAG'), 'utf8')).toMatch(/^Signature: 8a477f597d28d172789f06886806bc55\n/);
  });
});
