/**
 * The compiled `lecture` command against lectures and settings that used to
 * break it: a lecture that fails fails alone (build and check agree), no
 * lecture name collides with the output's own files, a folder that does not
 * exist creates nothing, text that is not UTF-8 is read as what it is, and
 * `--quiet` prints errors only. (`npm test` compiles first.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runLecture } from '../helpers/cli.js';


async function lecture(cwd: string, ...args: string[]) {
  return runLecture(cwd, args);
}

const folders: string[] = [];

/** A course in a fresh folder: `files` maps paths to their content. */
function course(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lecture-hardening-'));
  folders.push(root);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const small = '---\ntitle: Small\n---\n\n## One\n\nText.\n';

describe('a lecture that fails fails alone', () => {
  test('one that outlasts `lectureTimeout` is an error at its file; the others build, and check reports it too', async () => {
    const huge = `## Huge\n\n${'Words and *more* words, `code` and [links](https://example.org).\n\n'.repeat(16_000)}`;
    const root = course({ 'lecture.config.json': '{"lectureTimeout": 1}', 'lectures/01-small.md': small, 'lectures/02-huge.md': huge });
    const built = await lecture(root, 'build', '--no-fit');
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/lectures\/02-huge\.md\n\s+error\s+Cannot build this lecture: it took longer than 1 s \(config `lectureTimeout`\); it is left out\s+build-failed/);
    expect(built.stderr).not.toMatch(/01-small/);
    expect(existsSync(path.join(root, 'dist/01-small/index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/02-huge'))).toBe(false);
    expect(readFileSync(path.join(root, 'dist/index.html'), 'utf8')).toContain('01-small/index.html');

    const checked = await lecture(root, 'check', '--offline');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/lectures\/02-huge\.md\n\s+error\s+Cannot check this lecture: it took longer than 1 s \(config `lectureTimeout`\)\s+build-failed/);
  });

  test('a lecture named like the output’s own files is built into a folder of its own', async () => {
    const root = course({ 'lectures/index.html.md': small, 'lectures/_assets.md': small, 'lectures/other.md': small });
    const built = await lecture(root, 'build', '--no-fit', 'lectures/index.html.md', 'lectures/_assets.md', 'lectures/other.md');
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const page = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    expect(page).toContain('href="index-html/index.html"');
    expect(page).toContain('href="assets/index.html"');
    expect(existsSync(path.join(root, 'dist/_assets/reveal/reveal.js'))).toBe(true);
  });
});

test('front matter with a list for a key prints no warning of the YAML parser', async () => {
  const root = course({ 'lectures/a.md': '---\ntitle: T\n[ foo ]: bar\n---\n\n## A\n\nText.\n' });
  const built = await lecture(root, 'build', '--no-fit');
  expect(built.code).toBe(0);
  expect(built.stderr).not.toMatch(/Warning|stringified/);
  expect(built.stdout).not.toMatch(/Warning|stringified/);
});

describe('a lecture named `index`', () => {
  for (const singleFile of [false, true]) {
    test(`is built and kept${singleFile ? ', beside its single-file copy' : ''} (its copy used to share the deck's own file)`, async () => {
      const root = course({ 'lectures/index.qmd': small, ...(singleFile ? { 'lecture.config.json': '{"output": {"singleFile": true}}' } : {}) });
      const built = await lecture(root, 'build', '--no-fit');
      expect(built.code).toBe(0);
      const deck = readFileSync(path.join(root, 'dist/index/index.html'), 'utf8');
      // The deck itself, which links the shared assets (its single-file copy holds them).
      expect(deck).toContain('../_assets/');
      const page = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
      expect(page).toContain('href="index/index.html"');
      expect(existsSync(path.join(root, 'dist/index/index-single.html'))).toBe(singleFile);
      if (singleFile) expect(page).toContain('href="index/index-single.html"');
    });
  }
});

describe('folders that do not exist', () => {
  for (const command of ['build', 'check', 'pdf']) {
    test(`\`lecture ${command} --root\` with a typo is a usage error that creates nothing`, async () => {
      const root = course({ 'lectures/01.md': small });
      const result = await lecture(root, command, '--root', 'cuorse');
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^lecture: No course folder at `cuorse`; check `--root`/);
      expect(readdirSync(root)).toEqual(['lectures']);
    });

    test(`\`lecture ${command}\` without a lectures folder is a usage error that creates nothing`, async () => {
      const root = course({ 'lecture.config.json': '{"lectures": "lectrues"}', 'lectures/01.md': small });
      const result = await lecture(root, command);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^lecture: No lectures folder at `lectrues` \(config `lectures`: `lectrues`\); nothing was built/);
      expect(readdirSync(root).sort()).toEqual(['lecture.config.json', 'lectures']);
    });
  }
});

describe('text that is not UTF-8', () => {
  const latin1 = Buffer.from('## Café\n\nÀ bientôt, naïve façade.\n', 'latin1');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('## Grüße\n\nΕλληνικά.\n', 'utf16le')]);
  // A PNG: its signature, then compressed data (bytes of every value).
  const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from(Array.from({ length: 4000 }, (_, index) => (index * 37) % 256))]);

  test('Latin-1 is read as such and reported, UTF-16 with a byte order mark is read silently, a binary file is one error', async () => {
    const root = course({ 'lectures/latin.md': latin1, 'lectures/utf16.md': utf16, 'lectures/binary.md': binary });
    const built = await lecture(root, 'build', '--no-fit');
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/lectures\/binary\.md\n\s+error\s+Cannot read lecture: it holds binary data, not text \(is it a lecture\?\); it is left out\s+build-failed/);
    expect(built.stderr).toMatch(/lectures\/latin\.md\n\s*1:1(-1:1)?\s+warning\s+Not valid UTF-8 \(byte 0xE9 on line 1\); read as Windows-1252 \(Latin-1\)\. Save it as UTF-8\s+encoding/);
    expect(built.stderr).not.toMatch(/utf16\.md/);
    expect(built.stderr.split('\n').filter((line) => /\slecture$/.test(line))).toHaveLength(2);
    expect(readFileSync(path.join(root, 'dist/latin/index.html'), 'utf8')).toContain('À bientôt, naïve façade.');
    expect(readFileSync(path.join(root, 'dist/utf16/index.html'), 'utf8')).toContain('Ελληνικά.');

    const checked = await lecture(root, 'check', '--offline');
    expect(checked.stderr).toMatch(/binary\.md\n\s+error\s+Cannot read lecture: it holds binary data/);
    expect(checked.stderr).toMatch(/latin\.md\n\s*1:1(-1:1)?\s+warning\s+Not valid UTF-8/);
  });

  test('`--quiet` prints errors only', async () => {
    const root = course({ 'lectures/latin.md': latin1, 'lectures/binary.md': binary, 'lectures/math.md': '## M\n\n$\\text{é}$ and $x$\n' });
    const built = await lecture(root, 'build', '--no-fit', '--quiet');
    expect(built.code).toBe(1);
    expect(built.stdout).toBe('');
    expect(built.stderr).toMatch(/binary\.md/);
    expect(built.stderr).not.toMatch(/warning|latin\.md|math\.md|LaTeX/);
  });
});
