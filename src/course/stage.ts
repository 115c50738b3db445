/**
 * A build never leaves the output folder half-written. It writes into a
 * staging folder next to the output — first a copy of the previous output
 * made of hard links (no bytes copied), then the decks of this build — and
 * swaps it in with two renames at the end. Killed at any moment, the build
 * leaves the previous complete output or the new one; the next build removes
 * what a killed one left behind (staging folders of processes that are gone).
 * A lock file next to the output stops a second build of the same output
 * with a clear message, instead of mixing its decks with the first one's.
 *
 * Writers into a staging folder must replace files (write a temporary file,
 * then rename), never write into an existing one: its inode is shared with
 * the live output until the swap.
 */
import { existsSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config/load.js';
import { outputFolder } from './ownership.js';

/** An output folder being rebuilt. */
export interface Stage {
  /** Where this build writes: the staging folder. */
  folder: string;
  /** Swap the staging folder in as the output. */
  commit(): Promise<void>;
  /** Drop the staging folder, leaving the output as it was. */
  abandon(): Promise<void>;
}

/** The names of the files kept next to `out`: `.dist.lock`, `.dist.staging-<pid>-<n>`, `.dist.old-<pid>-<n>`. */
function siblings(out: string) {
  const parent = path.dirname(out);
  const base = `.${path.basename(out)}`;
  return { parent, base, lock: path.join(parent, `${base}.lock`) };
}

let counter = 0;

/** Start rebuilding `out` (an absolute path, symbolic links resolved). */
export async function openStage(out: string): Promise<Stage> {
  const { parent, base } = siblings(out);
  await mkdir(parent, { recursive: true });
  const release = await lockOutput(out);
  try {
    await recover(out);
    const tag = `${process.pid}-${counter++}`;
    const folder = path.join(parent, `${base}.staging-${tag}`);
    await rm(folder, { recursive: true, force: true });
    // The marker first, and written in place (a new folder has nothing to replace), so a build
    // killed at any point here leaves a folder that is empty or marked, which the next one removes.
    await mkdir(folder);
    await writeFile(path.join(folder, outputFolder.marker), outputFolder.content, { flag: 'wx' });
    if (existsSync(out)) await cloneInto(out, folder);
    let open = true;
    // A command stopped by a signal exits without unwinding: drop the staging folder on the way out.
    const onExit = () => rmSync(folder, { recursive: true, force: true });
    process.once('exit', onExit);
    const close = async (swap: boolean) => {
      if (!open) return;
      open = false;
      process.off('exit', onExit);
      try {
        if (swap) await swapIn(folder, out, path.join(parent, `${base}.old-${tag}`));
        else await rm(folder, { recursive: true, force: true });
      } finally {
        await release();
      }
    };
    return { folder, commit: () => close(true), abandon: () => close(false) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function swapIn(folder: string, out: string, old: string): Promise<void> {
  const had = existsSync(out);
  if (had) await rename(out, old);
  await rename(folder, out);
  if (had) await rm(old, { recursive: true, force: true });
}

/**
 * Undo what a killed build left next to `out`: a previous output renamed away
 * but not replaced is put back; staging and old folders of processes that are
 * gone are removed.
 */
async function recover(out: string): Promise<void> {
  const { parent, base } = siblings(out);
  const ours = (name: string) => (name.startsWith(`${base}.staging-`) || name.startsWith(`${base}.old-`)) && /\.(staging|old)-\d+-\d+$/.test(name);
  const leftovers = (await readdir(parent)).filter(ours);
  for (const name of leftovers) {
    const pid = Number(/-(\d+)-\d+$/.exec(name)?.[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    const full = path.join(parent, name);
    if (name.startsWith(`${base}.old-`)) {
      // The output renamed away by a swap that did not finish: put back when nothing replaced it.
      if (existsSync(out)) await rm(full, { recursive: true, force: true });
      else await rename(full, out);
    } else {
      // A staging folder of a process that is gone, marked or not: a worker thread still writing a
      // deck as its process exited can make the folder again after the exit removed it, without the
      // marker. Its name (`.<out>.staging-<pid>-<n>`, next to the output) is ours alone.
      await rm(full, { recursive: true, force: true });
    }
  }
}

/**
 * Hard-link every file of `from` into the existing folder `to` (copying where
 * links are not possible); at the top, `to` keeps its own folder marker.
 */
async function cloneInto(from: string, to: string, top = true): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (top && entry.name === outputFolder.marker) continue;
    const [source, target] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) {
      await mkdir(target);
      await cloneInto(source, target, false);
    } else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
  }
}

/** Locks held by this process, counted, so a command that builds and then exports holds one lock. */
const held = new Map<string, number>();

/**
 * Take the lock of `out` (a file next to it holding our process id); a lock
 * whose process is gone is taken over. Returns the function that releases it.
 */
export async function lockOutput(out: string): Promise<() => Promise<void>> {
  const { lock } = siblings(out);
  const count = held.get(lock) ?? 0;
  if (count === 0) await takeLock(lock, out);
  if (held.size === 0) process.once('exit', dropLocks);
  held.set(lock, count + 1);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const left = (held.get(lock) ?? 1) - 1;
    if (left > 0) held.set(lock, left);
    else {
      held.delete(lock);
      await rm(lock, { force: true });
    }
  };
}

/** On the way out of a stopped command: remove the locks it holds. */
function dropLocks(): void {
  for (const lock of held.keys()) rmSync(lock, { force: true });
  held.clear();
}

async function takeLock(lock: string, out: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (pid !== process.pid && isAlive(pid)) {
        throw new ConfigError(`Another lecture command (process ${pid}) is writing \`${path.basename(out)}\`; wait for it to finish, or write elsewhere with \`--out\``);
      }
      await rm(lock, { force: true });
    }
  }
  throw new ConfigError(`Cannot lock \`${path.basename(out)}\` for writing (\`${lock}\`)`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
