/**
 * Fixture folders: `test/fixtures/<stage>/<case>/input.md` with the expected
 * outputs beside it. `UPDATE_FIXTURES=1 npm test` rewrites the expectations;
 * reviewers read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VFile } from 'vfile';

export const fixturesRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export const updating = Boolean(process.env.UPDATE_FIXTURES);

/** The case folders of one stage. */
export function cases(stage: string): Array<{ name: string; folder: string; input: string }> {
  const folder = path.join(fixturesRoot, stage);
  return readdirSync(folder)
    .filter((name) => existsSync(path.join(folder, name, 'input.md')))
    .sort()
    .map((name) => ({ name, folder: path.join(folder, name), input: readFileSync(path.join(folder, name, 'input.md'), 'utf8') }));
}

/** The expected content of `file` in a case folder, written first when updating. */
export function expected(folder: string, file: string, actual: string): string {
  const target = path.join(folder, file);
  if (updating || !existsSync(target)) writeFileSync(target, actual);
  return readFileSync(target, 'utf8');
}

/** Messages as fixture lines: `line:column-line:column severity reason rule-id`. */
export function messageLines(file: VFile): string {
  const lines = [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((message) => {
      const place = message.place && 'start' in message.place ? message.place : undefined;
      const where = place ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` : message.line ? `${message.line}:${message.column}` : '0:0';
      const severity = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
      return `${where} ${severity} ${message.reason} ${message.ruleId ?? ''}`.trimEnd();
    });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
