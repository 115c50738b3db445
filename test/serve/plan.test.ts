/**
 * What a batch of changed files rebuilds: the lecture itself, the lectures
 * that show a changed image, everything for the config or a theme, and the
 * course page alone for a deleted lecture; a link to another lecture's
 * source does not make the linking lecture depend on it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planRebuild, type LectureInputs } from '../../src/serve/plan.js';

let root: string;
let context: { root: string; lectures: string };
let inputs: LectureInputs[];
const at = (...parts: string[]) => path.join(root, ...parts);

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-plan-'));
  mkdirSync(at('lectures/a/img'), { recursive: true });
  mkdirSync(at('lectures/b'), { recursive: true });
  for (const file of ['lectures/a/a.md', 'lectures/b/b.md', 'lectures/c.md', 'lectures/a/img/x.png']) writeFileSync(at(file), '');
  context = { root, lectures: at('lectures') };
  inputs = [
    { source: at('lectures/a/a.md'), files: [at('lectures/a/img/x.png'), at('lectures/b/b.md')] },
    { source: at('lectures/b/b.md'), files: [at('lectures/a/img/x.png'), at('lectures/b/img/new.png')] },
  ];
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('planRebuild', () => {
  test('an edited lecture rebuilds itself only, even when another links to it', () => {
    expect(planRebuild([at('lectures/b/b.md')], context, inputs)).toEqual({ full: false, reload: false, paths: [at('lectures/b/b.md')] });
  });

  test('an image rebuilds every lecture that shows it, and a missing one appearing too', () => {
    expect(planRebuild([at('lectures/a/img/x.png')], context, inputs)?.paths.sort()).toEqual([at('lectures/a/a.md'), at('lectures/b/b.md')]);
    expect(planRebuild([at('lectures/b/img/new.png')], context, inputs)?.paths).toEqual([at('lectures/b/b.md')]);
  });

  test('a new lecture is built; a deleted one only rewrites the course page', () => {
    expect(planRebuild([at('lectures/c.md')], context, inputs)).toEqual({ full: false, reload: false, paths: [at('lectures/c.md')] });
    expect(planRebuild([at('lectures/gone.md')], context, inputs)).toEqual({ full: false, reload: false, paths: [] });
  });

  test('the config or a theme rebuilds everything and reloads every page', () => {
    expect(planRebuild([at('lecture.config.json')], context, inputs)).toEqual({ full: true, reload: true, paths: [] });
    expect(planRebuild([at('themes/house.css')], context, inputs)).toEqual({ full: true, reload: true, paths: [] });
  });

  test('a file no lecture reads changes nothing', () => {
    expect(planRebuild([at('notes.txt'), at('lectures/a/img/unused.png')], context, inputs)).toBeUndefined();
  });
});
