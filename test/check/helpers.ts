/**
 * Check a fixture folder as the lectures of a fresh temporary course (with a
 * file just outside it, for `outside-course`), offline unless asked.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { check, type CheckOptions, type CheckResult } from '../../src/check/check.js';
import { toEntries } from '../../src/check/report/entries.js';
import type { UserConfig } from '../../src/config/schema.js';

/** A temporary course whose `lectures/` is a copy of `fixture`; returns its root. */
export function courseFrom(fixture: string, config?: UserConfig): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-check-'));
  const root = path.join(work, 'course');
  mkdirSync(root);
  cpSync(fixture, path.join(root, 'lectures'), { recursive: true });
  writeFileSync(path.join(work, 'outside.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  if (config) writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify(config));
  return root;
}

/** Remove a course made by `courseFrom`. */
export function removeCourseOf(root: string): void {
  rmSync(path.dirname(root), { recursive: true, force: true });
}

/** Run `check()` on the course at `root`, offline and without a cache unless `options` say otherwise. */
export function checkCourse(root: string, options: Partial<CheckOptions> = {}): Promise<CheckResult> {
  const overrides = options.overrides ?? { check: { offline: true } };
  // The test server is on 127.0.0.1: private addresses are checked here even where CI is set (where they are skipped by default).
  return check({ root, cache: false, ...options, overrides: { ...overrides, check: { skipPrivate: false, ...overrides.check } } });
}

/** The messages of a result as lines `file:line:column severity rule-id reason`, paths relative to `lectures/`. */
export function messageLines(result: CheckResult): string[] {
  const lectures = path.join(result.root, 'lectures');
  return toEntries(result.files).map((entry) => {
    const file = path.relative(lectures, path.resolve(entry.path)).split(path.sep).join('/');
    return `${file}:${entry.line}:${entry.column} ${entry.severity} ${entry.ruleId} ${entry.message}`;
  });
}
