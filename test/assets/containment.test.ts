/**
 * Nothing outside the course is published: every way a lecture (or a theme,
 * or the cache) can point at a file outside the course folder is reported
 * as an `outside-course` error at its line, by the build and by the checker,
 * and no byte of the file reaches the output. A shared folder inside the
 * repository can be allowed with `assets.allow`.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VFile } from 'vfile';
import { check } from '../../src/check/check.js';
import { build } from '../../src/course/build.js';

const secret = 'TOP-SECRET-7f3a';

/** Every file under `folder`, with symbolic links followed. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile());
}

function outsideMessages(files: VFile[]) {
  return files.flatMap((file) =>
    file.messages.filter((message) => message.ruleId === 'outside-course').map((message) => ({ file: path.basename(file.path), line: message.line, fatal: message.fatal, reason: message.reason })),
  );
}

/** The ways in, one per line of the lecture (line numbers are asserted). */
const ways = [
  ['markdown image', '![img](../../../outside/secret.png)'],
  ['markdown link', '[link](../../../outside/secret.txt)'],
  ['raw img', '<img src="../../../outside/secret.png">'],
  ['raw iframe', '<iframe src="../../../outside/secret.txt"></iframe>'],
  ['raw object', '<object data="../../../outside/secret.txt"></object>'],
  ['video poster', '<video poster="../../../outside/secret.png"></video>'],
  ['inline style url()', '<div style="background: url(\'../../../outside/secret.png\')">x</div>'],
  ['absolute path', '![abs](ABSOLUTE)'],
  ['file: URL', '![file](FILEURL)'],
  ['symbolic link in the course', '![link](link.png)'],
  ['link to /proc', '![proc](proc.png)'],
  ['link to a device', '![dev](zero.png)'],
  ['link to /etc/passwd', '[passwd](passwd.txt)'],
] as const;

describe('containment', () => {
  let base: string;
  let root: string;
  let lecture: string;

  beforeAll(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'lecture-contain-'));
    root = path.join(base, 'course');
    mkdirSync(path.join(base, '.git'));
    mkdirSync(path.join(base, 'outside'));
    mkdirSync(path.join(base, 'shared'));
    writeFileSync(path.join(base, 'outside/secret.png'), secret);
    writeFileSync(path.join(base, 'outside/secret.txt'), secret);
    writeFileSync(path.join(base, 'shared/diagram.png'), 'shared-diagram');
    lecture = path.join(root, 'lectures/a');
    mkdirSync(lecture, { recursive: true });
    symlinkSync(path.join(base, 'outside/secret.png'), path.join(lecture, 'link.png'));
    symlinkSync('/proc/self/environ', path.join(lecture, 'proc.png'));
    symlinkSync('/dev/zero', path.join(lecture, 'zero.png'));
    symlinkSync('/etc/passwd', path.join(lecture, 'passwd.txt'));
    const lines = ways.map(([, line]) => line.replace('ABSOLUTE', path.join(base, 'outside/secret.png')).replace('FILEURL', `file://${path.join(base, 'outside/secret.png')}`));
    writeFileSync(path.join(lecture, 'a.md'), `## Ways in {data-background-image="../../../outside/secret.png"}\n\n${lines.join('\n\n')}\n`);
    // A lecture that is a link out of the course, and a theme that points out of it.
    symlinkSync(path.join(base, 'outside/secret.txt'), path.join(root, 'lectures/stolen.md'));
    mkdirSync(path.join(root, 'themes'));
    writeFileSync(path.join(root, 'themes/house.css'), `.reveal { background: url("../../outside/secret.png"); }\n`);
    writeFileSync(path.join(root, 'lectures/b.md'), '---\ntheme: house\n---\n\n## Shared\n\n![diagram](../../shared/diagram.png)\n');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  test('the build reports every way in at its line and publishes none of the files', async () => {
    const result = await build({ root, fit: false, cache: false });
    expect(result.failed).toBe(true);
    const found = outsideMessages(result.files);
    const onLecture = found.filter((message) => message.file === 'a.md');
    // Line 1: the slide background; then one way per paragraph, two lines apart.
    expect(onLecture.map((message) => message.line)).toEqual([1, ...ways.map((_, index) => 3 + 2 * index)]);
    expect(onLecture.every((message) => message.fatal === true)).toBe(true);
    expect(found.some((message) => /stolen\.md` is a symbolic link/.test(message.reason))).toBe(true);
    expect(found.some((message) => /theme `themes\/house\.css` refers to `\.\.\/\.\.\/outside\/secret\.png`/.test(message.reason))).toBe(true);
    // The lecture itself still built, and the rest of the course too.
    expect(result.decks.map((deck) => deck.slug).sort()).toEqual(['a', 'b']);
    for (const file of filesUnder(result.out)) expect(readFileSync(file, 'utf8').includes(secret), file).toBe(false);
    expect(existsSync(path.join(result.out, 'stolen'))).toBe(false);
  });

  test('every message says how to allow a folder inside the repository, or why it cannot be', async () => {
    const result = await build({ root, fit: false, cache: false, paths: [path.join(lecture, 'a.md')] });
    const reasons = outsideMessages(result.files).filter((message) => message.file === 'a.md').map((message) => message.reason);
    expect(reasons[0]).toContain('add it to `assets.allow` in the course config: `"assets": { "allow": ["../outside"] }`');
    expect(reasons.find((reason) => reason.includes('/etc/passwd'))).toMatch(/symbolic link to `\/etc\/passwd`.*only folders inside the course's repository can be allowed/);
    expect(reasons.find((reason) => reason.includes('FILE') || reason.includes('file://'))).toMatch(/refers to a file on this machine/);
  });

  test('the checker reports the same ways in', async () => {
    const result = await check({ root, cache: false, overrides: { check: { offline: true } } });
    const lines = outsideMessages(result.files).filter((message) => message.file === 'a.md').map((message) => message.line);
    expect(lines).toEqual([1, ...ways.map((_, index) => 3 + 2 * index)]);
    expect(outsideMessages(result.files).some((message) => /stolen\.md/.test(message.reason))).toBe(true);
  });

  test('an allowed shared folder is published; everything else stays out', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ assets: { allow: ['../shared'] } }));
    try {
      const result = await build({ root, fit: false, cache: false });
      const media = readdirSync(path.join(result.out, '_media')).map((name) => readFileSync(path.join(result.out, '_media', name), 'utf8'));
      expect(media).toEqual(['shared-diagram']);
      expect(outsideMessages(result.files).filter((message) => message.file === 'b.md')).toEqual([]);
    } finally {
      rmSync(path.join(root, 'lecture.config.json'));
    }
  });

  test('a shared folder outside the repository cannot be allowed', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ assets: { allow: ['/etc'] } }));
    try {
      await expect(build({ root, fit: false })).rejects.toThrow(/`assets.allow`: `\/etc` is outside the repository holding the course/);
    } finally {
      rmSync(path.join(root, 'lecture.config.json'));
    }
  });

  test('a cache entry naming a file outside the course is not trusted', async () => {
    const inside = path.join(base, 'cached');
    mkdirSync(path.join(inside, 'lectures'), { recursive: true });
    writeFileSync(path.join(inside, 'lectures/c.md'), '## C\n\n![x](x.png)\n');
    writeFileSync(path.join(inside, 'lectures/x.png'), 'fine');
    await build({ root: inside, fit: false });
    // Poison the cache as a restored CI cache could be: point the copied image at the secret.
    const cache = path.join(inside, '.lecture-cache');
    const target = path.join(base, 'outside/secret.png');
    const info = statSync(target);
    for (const name of readdirSync(cache).filter((entry) => /^[0-9a-f]{24}\.json$/.test(entry))) {
      const entry = JSON.parse(readFileSync(path.join(cache, name), 'utf8')) as { files: Array<{ path: string; state: string; stored?: string }> };
      for (const file of entry.files) Object.assign(file, { path: target, state: `${info.size}:${info.mtimeMs}`, stored: '_media/stolen.png' });
      writeFileSync(path.join(cache, name), JSON.stringify(entry));
    }
    rmSync(path.join(inside, 'dist'), { recursive: true });
    const result = await build({ root: inside, fit: false });
    for (const file of filesUnder(result.out)) expect(readFileSync(file, 'utf8').includes(secret), file).toBe(false);
    expect(existsSync(path.join(result.out, '_media/stolen.png'))).toBe(false);
  });
});
