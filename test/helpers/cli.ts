/**
 * The compiled command (`lib/cli/bin.js`, so tests that use it run after
 * `npm run compile`), run to its end in `cwd` without colour: its exit code
 * and what it printed, whether it succeeded or not.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const bin = path.resolve('lib/cli/bin.js');
const run = promisify(execFile);

/** What one run of the command gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `lecture …args` in `cwd`, with `env` over ours (and `NO_COLOR`). */
export async function runLecture(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}
