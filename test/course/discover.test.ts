import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { comparePaths, discoverLectures, toFolderName } from '../../src/course/discover.js';

describe('discoverLectures', () => {
  let root: string;
  const file = (relative: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), '# x\n');
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'lecture-discover-'));
    file('00-intro.md');
    file('README.md');
    file('_draft.md');
    file('02 Images & Layers/images.md');
    file('02 Images & Layers/img/notes.md');
    file('03-pair/a.md');
    file('03-pair/b.md');
    file('part-2/04-volumes/volumes.md');
    file('05-quarto/slides.qmd');
    file('05-quarto/_parts/intro.qmd');
    file('06-resampling.QMD');
    file('README.qmd');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('finds files and lecture folders, skipping README and _drafts', async () => {
    const lectures = await discoverLectures(root);
    expect(lectures.map((lecture) => [path.relative(root, lecture.source), lecture.slug])).toEqual([
      ['00-intro.md', '00-intro'],
      ['02 Images & Layers/images.md', '02-images-layers'],
      ['03-pair/a.md', '03-pair-a'],
      ['03-pair/b.md', '03-pair-b'],
      ['05-quarto/slides.qmd', '05-quarto'],
      ['06-resampling.QMD', '06-resampling'],
      ['part-2/04-volumes/volumes.md', 'part-2-04-volumes'],
    ]);
  });

  test('a Quarto file named on the command line is a lecture', async () => {
    const { selectLectures } = await import('../../src/course/discover.js');
    const all = await discoverLectures(root);
    expect(selectLectures(all, [path.join(root, '05-quarto/slides.qmd')]).map((lecture) => lecture.slug)).toEqual(['05-quarto']);
    expect(selectLectures([], [path.join(root, '05-quarto/_parts/intro.qmd')]).map((lecture) => lecture.slug)).toEqual(['intro']);
  });

  test('lectures sort by path ignoring case, the same under any locale', () => {
    const names = ['b.md', 'B.md', 'a-2.md', 'A_1.md', '10.md', '2.md', 'Ä.md'];
    expect(names.sort(comparePaths)).toEqual(['10.md', '2.md', 'a-2.md', 'A_1.md', 'B.md', 'b.md', 'Ä.md']);
  });

  test('folder names become URL-safe slugs', () => {
    expect(toFolderName('Ünïcode Lecture!')).toBe('unicode-lecture');
    expect(toFolderName('...')).toBe('lecture');
  });

  test('a slug is never one of the output folder’s own files', () => {
    expect(toFolderName('index.html')).toBe('index-html');
    expect(toFolderName('Index.HTM')).toBe('index-htm');
    expect(toFolderName('_assets')).toBe('assets');
    expect(toFolderName('_media')).toBe('media');
    expect(toFolderName('.nojekyll')).toBe('nojekyll');
    expect(toFolderName('01.intro')).toBe('01.intro');
  });
});
