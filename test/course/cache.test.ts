/**
 * The build cache: unchanged lectures come back from `.lecture-cache/` with
 * their messages; any change to the lecture, a file it refers to, or the
 * configuration rebuilds it; a deleted output folder is restored.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { copyCourse, removeCourse } from '../helpers/course.js';

describe('build cache', () => {
  let root: string;
  const deck = () => path.join(root, 'dist/01-deck/index.html');
  const source = () => path.join(root, 'lectures/01-deck/deck.md');
  const written = () => statSync(deck()).mtimeMs;

  beforeEach(async () => {
    root = copyCourse('course');
    writeFileSync(source(), `${readFileSync(source(), 'utf8')}\n![gone](img/missing.png)\n`);
    await build({ root });
  });
  afterEach(() => removeCourse(root));

  test('an unchanged lecture is not rebuilt, and its warnings are reported again', async () => {
    const before = written();
    const result = await build({ root });
    expect(written()).toBe(before);
    expect(result.files[0]?.messages.map((message) => message.ruleId)).toEqual(['missing-file']);
    expect(result.decks[0]?.slides).toBe(7);
  });

  test('editing the lecture rebuilds it', async () => {
    writeFileSync(source(), readFileSync(source(), 'utf8').replace('The end.', 'The very end.'));
    await build({ root });
    expect(readFileSync(deck(), 'utf8')).toContain('The very end.');
  });

  test('a referenced file appearing rebuilds the lecture', async () => {
    writeFileSync(path.join(root, 'lectures/01-deck/img/missing.png'), 'not really a png');
    const result = await build({ root });
    expect(result.files[0]?.messages).toEqual([]);
    expect(readFileSync(deck(), 'utf8')).not.toContain('img/missing.png');
  });

  test('a changed configuration rebuilds every lecture', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ reveal: { transition: 'fade' } }));
    await build({ root });
    expect(readFileSync(deck(), 'utf8')).toContain('"transition":"fade"');
  });

  test('a deleted output folder is restored from the cache', async () => {
    const html = readFileSync(deck(), 'utf8');
    rmSync(path.join(root, 'dist'), { recursive: true });
    await build({ root });
    expect(readFileSync(deck(), 'utf8')).toBe(html);
    const image = /src="\.\.\/(_media\/[0-9a-f]+\.svg)"/.exec(html)?.[1];
    expect(statSync(path.join(root, 'dist', image!)).size).toBeGreaterThan(0);
  });

  test('cache: false rebuilds', async () => {
    const before = written();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await build({ root, cache: false });
    expect(written()).toBeGreaterThan(before);
  });
});
