/**
 * Print the messages of a run with vfile-reporter (`path:line:column
 * severity message rule-id`, grouped by file, sorted by position), in colour
 * when the caller asks (`color.ts` says when a terminal wants it).
 */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** The report of `files` as text; empty when there is nothing to say. */
export function formatMessages(files: VFile[], options: { color: boolean; quiet?: boolean | undefined }): string {
  const withMessages = files.filter((file) => file.messages.length > 0);
  if (withMessages.length === 0) return '';
  for (const file of withMessages) file.messages.sort(compareMessages);
  return reporter(withMessages, { color: options.color, quiet: options.quiet ?? false, verbose: false });
}

function compareMessages(a: VFile['messages'][number], b: VFile['messages'][number]): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
