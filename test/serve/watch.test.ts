/**
 * The serve watcher (`serve/watch.ts`): a burst of saves (an editor writing a
 * file several times, or a copy renamed over it) is one batch, so one
 * rebuild; what the tool writes itself is never reported.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { watchCourse, type CourseWatcher } from '../../src/serve/watch.js';

let root: string;
let watcher: CourseWatcher | undefined;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-watch-'));
  mkdirSync(path.join(root, 'lectures'));
  mkdirSync(path.join(root, 'dist'));
  writeFileSync(path.join(root, 'lectures/one.md'), '# One\n');
});

afterEach(async () => {
  await watcher?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Watch `root` and collect the batches; `settle` is long enough that a loaded machine still delivers a burst within it. */
async function watching(): Promise<string[][]> {
  const batches: string[][] = [];
  watcher = watchCourse({ folders: [root], ignore: [path.join(root, 'dist')], settle: 300 }, (batch) => batches.push(batch));
  await watcher.ready;
  return batches;
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 10_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
};

test('a burst of saves is one batch', async () => {
  const batches = await watching();
  const file = path.join(root, 'lectures/one.md');
  for (let save = 0; save < 5; save++) writeFileSync(file, `# One\n\nsave ${save}\n`);
  // An editor's safe save: a copy written, then renamed over the file.
  writeFileSync(`${file}.tmp`, '# One\n\nlast\n');
  renameSync(`${file}.tmp`, file);
  await until(() => batches.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(batches).toHaveLength(1);
  expect(batches[0]).toContain(file);
});

test('the output folder is not watched', async () => {
  const batches = await watching();
  writeFileSync(path.join(root, 'dist/index.html'), '<p>built</p>');
  writeFileSync(path.join(root, 'lectures/one.md'), '# One, changed\n');
  await until(() => batches.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 600));
  expect(batches.flat()).toEqual([path.join(root, 'lectures/one.md')]);
});
