/**
 * Writing output files so that an interrupted build, or two workers writing
 * the same file, never leaves half a file behind — and never writes into an
 * existing file, whose inode a staging folder shares with the live output
 * (see `course/stage.ts`).
 */
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';

let written = 0;

/** Write `content` to `target` through a temporary file in the same folder. */
export async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}-${threadId}-${written++}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, target);
}

/** Copy `from` to `target` through a temporary file in the target's folder. */
export async function copyAtomically(from: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}-${threadId}-${written++}.tmp`;
  await copyFile(from, temporary);
  await rename(temporary, target);
}
