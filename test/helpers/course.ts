/**
 * Temporary copies of fixture courses, so tests never write into the
 * repository.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturesRoot } from './fixtures.js';

/** Copy `test/fixtures/<name>` (or any folder) to a fresh temporary folder; returns its path. */
export function copyCourse(source: string): string {
  const from = path.isAbsolute(source) ? source : path.join(fixturesRoot, source);
  const target = mkdtempSync(path.join(os.tmpdir(), 'lecture-test-'));
  cpSync(from, target, { recursive: true });
  return target;
}

/** Remove a temporary course. */
export function removeCourse(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}
