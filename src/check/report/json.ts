/**
 * `--format json`: one array of messages, each with its file, position,
 * severity, rule id and text.
 */
import type { VFile } from 'vfile';
import { toEntries } from './entries.js';

/** The messages of `files` as a JSON document. */
export function toJson(files: VFile[]): string {
  return `${JSON.stringify(toEntries(files), null, 2)}\n`;
}
