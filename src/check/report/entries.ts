/**
 * Messages as flat entries, sorted by file and position: what the JSON,
 * SARIF and GitHub reporters print.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** One message, ready to print. */
export interface Entry {
  /** Path as the file shows it (relative to the working folder), with `/` separators. */
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  ruleId: string;
  message: string;
}

/** The severity a vfile message stands for. */
export function severityOf(message: VFileMessage): Entry['severity'] {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** Every message of `files`, grouped by file and sorted by position. */
export function toEntries(files: VFile[]): Entry[] {
  return files.flatMap((file) =>
    file.messages
      .map((message): Entry => {
        const place = message.place && 'start' in message.place ? message.place : undefined;
        const line = message.line ?? 1;
        const column = message.column ?? 1;
        return {
          path: file.path.split('\\').join('/'),
          line,
          column,
          endLine: place?.end.line ?? line,
          endColumn: place?.end.column ?? column,
          severity: severityOf(message),
          ruleId: message.ruleId ?? 'unknown',
          message: message.reason,
        };
      })
      .sort((a, b) => a.line - b.line || a.column - b.column),
  );
}
