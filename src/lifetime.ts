/**
 * Nothing we start outlives us: browsers and temporary folders are guarded
 * from the moment they exist until their owner has closed or removed them.
 *
 * - `cleanUpNow()` ends every guarded process group and removes every guarded
 *   folder at once, synchronously: the command line calls it on SIGINT,
 *   SIGTERM and SIGHUP before it exits, and on any exit.
 * - A SIGKILL leaves no chance to run code, so a small guardian process
 *   (started with the first guarded resource, in a process group of its own
 *   so a terminal's Ctrl-C does not reach it) is told of each resource over a
 *   pipe. When the pipe closes, however we ended, it waits a moment for the
 *   browsers to leave by themselves (they are tied to us by their own pipe),
 *   ends what is left and removes the folders, then exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A guarded resource; `release()` once its owner has cleaned it up. */
export interface Guarded {
  release: () => void;
}

const folders = new Set<string>();
const groups = new Set<number>();
let guardian: ChildProcess | undefined;

/**
 * The guardian's program. It reads `+f<folder>`, `-f<folder>`, `+p<pid>`,
 * `-p<pid>` lines. At the end of its input it waits (1.5 s at most) for the
 * guarded process groups, and for any process started on a guarded folder
 * (a browser killed with us while still launching is in no group we know),
 * to leave; ends those still there; then removes the folders, and looks
 * again a little later, in case a dying browser wrote into its profile.
 */
const guardianSource = `
const { existsSync, readFileSync, readdirSync, rmSync } = require('node:fs');
const folders = new Set(), groups = new Set();
let rest = '';
process.stdin.on('data', (chunk) => {
  const lines = (rest + chunk).split('\\n');
  rest = lines.pop();
  for (const line of lines) {
    const set = line[1] === 'f' ? folders : groups;
    if (line[0] === '+') set.add(line.slice(2)); else set.delete(line.slice(2));
  }
});
const groupAlive = (pid) => { try { process.kill(-Number(pid), 0); return true; } catch { return false; } };
const holders = () => {
  let entries = [];
  try { entries = readdirSync('/proc').filter((entry) => /^\\d+$/.test(entry)); } catch {}
  return entries.filter((pid) => { try { const line = readFileSync('/proc/' + pid + '/cmdline', 'utf8'); return [...folders].some((folder) => line.includes(folder)); } catch { return false; } });
};
const kill = (pid) => { try { process.kill(pid, 'SIGKILL'); } catch {} };
process.stdin.on('end', () => {
  const started = Date.now();
  let quiet = 0;
  const step = () => {
    const groupsLeft = [...groups].filter(groupAlive);
    const processesLeft = holders();
    if (Date.now() - started > 1500) {
      for (const pid of groupsLeft) kill(-Number(pid));
      for (const pid of processesLeft) kill(Number(pid));
    }
    if (groupsLeft.length === 0 && processesLeft.length === 0) {
      for (const folder of folders) { try { rmSync(folder, { recursive: true, force: true }); } catch {} }
      quiet = [...folders].some((folder) => existsSync(folder)) ? 0 : quiet + 1;
    }
    if (quiet < 3 && Date.now() - started < 6000) setTimeout(step, 100);
  };
  step();
});
`;

/** Tell the guardian (started now if need be) one line. */
function tell(line: string): void {
  if (!guardian) {
    guardian = spawn(process.execPath, ['-e', guardianSource], { detached: true, stdio: ['pipe', 'ignore', 'ignore'], windowsHide: true });
    guardian.on('error', () => undefined);
    guardian.stdin?.on('error', () => undefined);
    guardian.unref();
    (guardian.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }
  guardian.stdin?.write(`${line}\n`);
}

/** Guard a temporary folder: removed if we end before its owner removes it. */
export function guardFolder(folder: string): Guarded {
  folders.add(folder);
  tell(`+f${folder}`);
  return {
    release: () => {
      if (folders.delete(folder)) tell(`-f${folder}`);
    },
  };
}

/** Guard a process group (a browser and its helpers, led by `pid`): ended if we end before its owner closes it. */
export function guardProcessGroup(pid: number): Guarded {
  groups.add(pid);
  tell(`+p${pid}`);
  return {
    release: () => {
      if (groups.delete(pid)) tell(`-p${pid}`);
    },
  };
}

/**
 * End every guarded process group and remove every guarded folder, now, for
 * a command being stopped. A folder a dying browser still writes into may
 * resist: the guardian, which outlives us, removes it a moment later.
 */
export function cleanUpNow(): void {
  const ended = [...groups].filter((pid) => signalGroup(pid, 'SIGKILL'));
  groups.clear();
  // Give the killed browsers a moment to be gone before their profiles are removed (at most 0.5 s).
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 500 && ended.some((pid) => signalGroup(pid, 0)); waited += 20) Atomics.wait(pause, 0, 0, 20);
  for (const folder of folders) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Left to the guardian.
    }
  }
  folders.clear();
}

/** Send `signal` to the process group led by `pid`; whether there was one. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A guarded temporary folder, `<tmp>/<prefix>XXXXXX`. */
export interface TemporaryFolder {
  path: string;
  /** Remove it (and stop guarding it). */
  remove: () => Promise<void>;
}

/** Make a temporary folder that is removed even if we are killed before `remove()` (guarded before it exists). */
export async function temporaryFolder(prefix: string): Promise<TemporaryFolder> {
  const folder = path.join(os.tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  const guarded = guardFolder(folder);
  try {
    await mkdir(folder, { mode: 0o700 });
  } catch (error) {
    guarded.release();
    throw error;
  }
  return {
    path: folder,
    remove: async () => {
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
      guarded.release();
    },
  };
}
