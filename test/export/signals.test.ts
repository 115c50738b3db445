/**
 * The compiled `lecture` command stopped while its browser runs: SIGINT and
 * SIGTERM exit with 130 and 143 (the browser is not relaunched, the command
 * does not go on), and whatever the signal, SIGKILL of the command included,
 * no browser process outlives it and no temporary folder (browser profile,
 * Chromium's own temporary files, the answers build) is left behind. Each run
 * gets a temporary folder of its own (TMPDIR), so its leftovers can be found.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { processesUsing } from '../helpers/processes.js';

const bin = path.resolve('lib/cli/bin.js');
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Wait until `done()` holds, looking every 50 ms, for at most `limit` ms; whether it did. */
async function until(done: () => boolean, limit: number): Promise<boolean> {
  for (const deadline = Date.now() + limit; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) if (done()) return true;
  return done();
}

/** Run `lecture <args>` on a copy of the PDF course, signal it once its browser is up, and return how it ended and what it left. */
async function interrupt(signal: NodeJS.Signals, args: string[], env: NodeJS.ProcessEnv = {}) {
  const root = copyCourse('pdf-course');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lecture-signal-test-'));
  folders.push(tmp);
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env, TMPDIR: tmp, NO_COLOR: '1' }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, by) => resolve({ code, signal: by })));
  const started = await until(() => processesUsing(tmp).length > 0, 20_000);
  child.kill(signal);
  const outcome = await ended;
  // The browser leaves with its pipe, and the guardian removes the folders, a moment after a SIGKILL.
  const cleaned = await until(() => processesUsing(tmp).length === 0 && readdirSync(tmp).length === 0, 8000);
  removeCourse(root);
  return { started, ...outcome, cleaned, left: readdirSync(tmp), running: processesUsing(tmp) };
}

describe('stopping a command while its browser runs', () => {
  const cases: Array<[NodeJS.Signals, string[], number | null]> = [
    ['SIGINT', ['pdf', '--no-cache'], 130],
    ['SIGTERM', ['pdf', '--no-cache'], 143],
    ['SIGKILL', ['pdf', '--no-cache'], null],
    ['SIGTERM', ['build', '--no-cache'], 143],
    ['SIGKILL', ['build', '--no-cache'], null],
    ['SIGKILL', ['pdf', '--answers'], null],
  ];
  for (const [signal, args, code] of cases) {
    test(`${signal} during \`lecture ${args.join(' ')}\`: ${code === null ? 'killed' : `exit ${code}`}, no browser and no temporary folder left`, async () => {
      const result = await interrupt(signal, args);
      expect(result.started).toBe(true);
      if (code === null) expect(result.signal).toBe(signal);
      else expect(result.code).toBe(code);
      expect(result.running).toEqual([]);
      expect(result.left).toEqual([]);
    });
  }

  test('full Chromium (many processes, temporary files of its own) leaves nothing either', async () => {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const result = await interrupt(signal, ['pdf', '--no-cache'], { CHROME_PATH: '/usr/bin/chromium' });
      expect(result.started).toBe(true);
      expect(result.running).toEqual([]);
      expect(result.left).toEqual([]);
    }
  });
});
