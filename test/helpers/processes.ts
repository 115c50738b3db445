/**
 * Finding processes a test left behind: every process whose command line
 * mentions a folder (browser profiles are made under a test's own TMPDIR).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Ids of the processes whose command line mentions `folder`. */
export function processesUsing(folder: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}
