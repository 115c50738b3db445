/**
 * Run in the wrong place, the compiled command says so in one line, exits 2
 * and writes nothing: inside `lectures/` or a lecture's folder (it names the
 * course folder), or where the lectures folder holds no lecture.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { NoLecturesError } from '../../src/course/no-lectures.js';
import { runLecture } from '../helpers/cli.js';

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function lecture(cwd: string, ...args: string[]) {
  return runLecture(cwd, args);
}

/** A course with one lecture in its own folder: `<course>/lectures/01-intro/intro.md`. */
function course(): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'lecture-place-')));
  folders.push(root);
  mkdirSync(path.join(root, 'lectures', '01-intro'), { recursive: true });
  writeFileSync(path.join(root, 'lectures', '01-intro', 'intro.md'), '# Intro\n\n## One\n\nText\n');
  return root;
}

/** Every file and folder under `folder`, relative to it. */
function tree(folder: string): string[] {
  return readdirSync(folder, { recursive: true }).map(String).sort();
}

describe('run in the wrong place', () => {
  test('inside lectures/: one line naming the course folder, exit 2, nothing written', async () => {
    const root = course();
    const before = tree(root);
    for (const command of ['build', 'check', 'pdf']) {
      const result = await lecture(path.join(root, 'lectures'), command);
      expect(result, command).toMatchObject({ code: 2, stdout: '', stderr: 'lecture: No lectures here: this folder is inside the course folder `..`; run lecture from `..`, or pass `--root ..`\n' });
    }
    expect(tree(root)).toEqual(before);
  });

  test("inside a lecture's own folder, or given it as --root: the course folder two levels up", async () => {
    const root = course();
    const inner = await lecture(path.join(root, 'lectures', '01-intro'), 'build');
    expect(inner).toMatchObject({ code: 2, stderr: 'lecture: No lectures here: this folder is inside the course folder `../..`; run lecture from `../..`, or pass `--root ../..`\n' });
    const given = await lecture(root, 'build', '--root', 'lectures/01-intro');
    expect(given).toMatchObject({ code: 2, stderr: 'lecture: No lectures here: `lectures/01-intro` is inside the course folder `.`; run lecture from `.`, or pass `--root .`\n' });
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    expect(existsSync(path.join(root, 'lectures', '01-intro', 'dist'))).toBe(false);
  });

  test('an empty lectures folder: where it looked and what to do, exit 2, no dist/ or cache', async () => {
    const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'lecture-place-')));
    folders.push(root);
    mkdirSync(path.join(root, 'lectures'));
    const result = await lecture(root, 'build');
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'lecture: No lectures in `lectures/`: it holds no `.md` or `.qmd` file. Run `lecture init` to start a course, or pass `--root` the course folder\n' });
    expect(tree(root)).toEqual(['lectures']);
    // A lecture written beside the lectures folder instead of inside it is named.
    writeFileSync(path.join(root, 'week1.md'), '## One\n');
    expect((await lecture(root, 'check')).stderr).toBe('lecture: No lectures in `lectures/`: it holds no `.md` or `.qmd` file; `week1.md` is beside it, but lectures go inside `lectures/`. Run `lecture init` to start a course, or pass `--root` the course folder\n');
    expect(tree(root)).toEqual(['lectures', 'week1.md']);
  });

  test('the library says the same with a NoLecturesError; from the course folder it builds', async () => {
    const root = course();
    await expect(build({ root: path.join(root, 'lectures') })).rejects.toThrow(NoLecturesError);
    await expect(check({ root: path.join(root, 'lectures'), overrides: { check: { offline: true } } })).rejects.toThrow(NoLecturesError);
    const result = await lecture(root, 'build', '--no-fit');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Built 1 deck \(2 slides\)/);
  });
});
