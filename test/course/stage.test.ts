/**
 * A build killed at any moment leaves the previous complete output or the new
 * complete one, never a mix; a second build of the same output at the same
 * time is stopped with a clear message; what a killed build left next to the
 * output is cleaned up by the next one. Runs the compiled CLI (`npm test`
 * compiles first), since only a real process can be killed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';

const bin = path.resolve('lib/cli/bin.js');
const slugs = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
let root: string;

function write(version: number): void {
  for (const slug of slugs) {
    const body = Array.from({ length: 30 }, (_, index) => `## Slide ${index} of ${slug}\n\nVersion v${version} text ${'word '.repeat(40)}\n`).join('\n');
    writeFileSync(path.join(root, 'lectures', `${slug}.md`), `---\ntitle: ${slug} v${version}\n---\n\n${body}`);
  }
}

function lecture(...args: string[]): { done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>; kill: (signal: NodeJS.Signals) => void } {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { done, kill: (signal) => child.kill(signal) };
}

/** The one version every deck and the course page of the output show; throws on a mix. */
function outputVersion(): number {
  const dist = path.join(root, 'dist');
  const versions = new Set<string>();
  const page = readFileSync(path.join(dist, 'index.html'), 'utf8');
  for (const slug of slugs) {
    const deck = readFileSync(path.join(dist, slug, 'index.html'), 'utf8');
    versions.add(/Version (v\d+)/.exec(deck)![1]!);
    versions.add(new RegExp(`${slug} (v\\d+)`).exec(page)![1]!);
  }
  expect(existsSync(path.join(dist, '_assets/reveal/reveal.js'))).toBe(true);
  expect([...versions]).toHaveLength(1);
  return Number([...versions][0]!.slice(1));
}

function leftovers(): string[] {
  return readdirSync(root).filter((name) => name.startsWith('.dist.'));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-stage-'));
  mkdirSync(path.join(root, 'lectures'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('an interrupted build', () => {
  test('killed at any moment, leaves the old output or the new one, never a mix', async () => {
    write(1);
    expect((await lecture('build', '--no-fit').done).code).toBe(0);
    let killedMidway = 0;
    for (let trial = 0; trial < 14; trial++) {
      const before = outputVersion();
      write(before + 1);
      const run = lecture('build', '--no-fit', '--no-cache');
      // Spread the kills over the whole run (about 1.3 s here): start-up, building, writing, swapping.
      const delay = 100 + ((trial * 173) % 1300);
      const timer = setTimeout(() => run.kill(trial % 3 === 0 ? 'SIGKILL' : trial % 3 === 1 ? 'SIGTERM' : 'SIGINT'), delay);
      const result = await run.done;
      clearTimeout(timer);
      if (result.signal !== null || result.code !== 0) killedMidway++;
      expect([before, before + 1]).toContain(outputVersion());
    }
    expect(killedMidway).toBeGreaterThan(3);
    expect((await lecture('build', '--no-fit').done).code).toBe(0);
    expect(leftovers()).toEqual([]);
  }, 90_000);

  test('a second build of the same output at the same time is stopped with a clear message', async () => {
    write(1);
    expect((await lecture('build', '--no-fit').done).code).toBe(0);
    // Another live process holds the lock: this test's own.
    writeFileSync(path.join(root, '.dist.lock'), `${process.pid}\n`);
    write(2);
    const result = await lecture('build', '--no-fit').done;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`Another lecture command \\(process ${process.pid}\\) is writing \`dist\`; wait for it to finish`));
    expect(outputVersion()).toBe(1);
    rmSync(path.join(root, '.dist.lock'));
  });

  test('two builds started together both leave a complete output', async () => {
    write(1);
    const [first, second] = await Promise.all([lecture('build', '--no-fit').done, lecture('build', '--no-fit').done]);
    for (const result of [first, second]) {
      if (result.code !== 0) expect(result.stderr).toMatch(/Another lecture command/);
    }
    expect(first.code === 0 || second.code === 0).toBe(true);
    expect(outputVersion()).toBe(1);
    expect(leftovers()).toEqual([]);
  });

  test('what a killed build left behind is cleaned up, and a half-done swap is undone', async () => {
    write(1);
    expect((await lecture('build', '--no-fit').done).code).toBe(0);
    // A dead process's lock and staging folder, and the output renamed away by its unfinished swap.
    const dead = '999999';
    writeFileSync(path.join(root, '.dist.lock'), `${dead}\n`);
    mkdirSync(path.join(root, `.dist.staging-${dead}-0`));
    writeFileSync(path.join(root, `.dist.staging-${dead}-0/.lecture-output`), '');
    renameSync(path.join(root, 'dist'), path.join(root, `.dist.old-${dead}-1`));
    write(2);
    const result = await lecture('build', '--no-fit', path.join('lectures', 'l1.md')).done;
    expect(result.code).toBe(0);
    // The five decks not rebuilt come from the output that was put back.
    expect(readFileSync(path.join(root, 'dist/l2/index.html'), 'utf8')).toContain('Version v1');
    expect(readFileSync(path.join(root, 'dist/l1/index.html'), 'utf8')).toContain('Version v2');
    expect(leftovers()).toEqual([]);
  });
});
