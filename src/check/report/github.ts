/**
 * `--format github`: GitHub Actions workflow commands, so each message shows
 * as an annotation on its line in the pull request.
 */
import type { VFile } from 'vfile';
import { toEntries, type Entry } from './entries.js';

const commands: Record<Entry['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The messages of `files` as workflow commands, one per line. */
export function toGithub(files: VFile[]): string {
  return toEntries(files)
    .map((entry) => {
      const properties = [
        `file=${escapeProperty(entry.path)}`,
        `line=${entry.line}`,
        `col=${entry.column}`,
        `endLine=${entry.endLine}`,
        `endColumn=${entry.endColumn}`,
        `title=${escapeProperty(`lecture: ${entry.ruleId}`)}`,
      ];
      return `::${commands[entry.severity]} ${properties.join(',')}::${escapeData(entry.message)}\n`;
    })
    .join('');
}
