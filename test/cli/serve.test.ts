/**
 * The `lecture serve` command as a process: it prints where it serves,
 * moves off a taken port and says so, and Ctrl-C (SIGINT) or SIGTERM stop it
 * with 130 or 143, leaving no browser process and no serve folder behind.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixturesRoot } from '../helpers/fixtures.js';

const bin = path.resolve('lib/cli/bin.js');
let root: string;
let temporary: string;

/** Processes whose command line mentions `folder` (browser profiles live there). */
function processesUsing(folder: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function start(...args: string[]) {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', TMPDIR: temporary } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const serving = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /Serving \d+ decks? at (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => reject(new Error(`serve exited early: ${stdout}`)));
  });
  return { child, serving, exited, output: () => stdout };
}

beforeAll(() => {
  temporary = mkdtempSync(path.join(os.tmpdir(), 'lecture-serve-cli-'));
  root = path.join(temporary, 'course');
  cpSync(path.join(fixturesRoot, 'course'), root, { recursive: true });
});
afterAll(() => rmSync(temporary, { recursive: true, force: true }));

describe('lecture serve', () => {
  test('SIGINT closes the server, the browser and the serve folder, and exits 130', async () => {
    const run = start('--port', '0');
    const url = await run.serving;
    expect((await fetch(url)).status).toBe(200);
    // Fitting is on: a browser runs, with its profile under this test's TMPDIR.
    expect(processesUsing(temporary).length).toBeGreaterThan(0);
    expect(readdirSync(temporary).some((name) => name.startsWith('lecture-serve-'))).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    await expect(fetch(url)).rejects.toThrow();
    expect(processesUsing(temporary)).toEqual([]);
    expect(readdirSync(temporary).filter((name) => name !== 'course')).toEqual([]);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  }, 60_000);

  test('a taken port moves to the next free one and says so; SIGTERM exits 143', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const run = start('--port', String(taken), '--no-fit');
      const url = await run.serving;
      expect(url).not.toContain(`:${taken}/`);
      expect(run.output()).toContain(`Port ${taken} is taken; using `);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(143);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
