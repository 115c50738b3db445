/**
 * Print the messages of a run with vfile-reporter (`path:line:column
 * severity message rule-id`, grouped by file, sorted by position), in colour
 * when the caller asks (`color.ts` says when a terminal wants it).
 */
import type { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';

/** The report of `files` as text; empty when there is nothing to say. */
export function formatMessages(files: VFile[], options: { color: boolean; quiet?: boolean | undefined }): string {
  // `--quiet` is errors only: vfile-reporter's `silent` (its `quiet` only hides files without messages).
  const withMessages = files.filter((file) => file.messages.some((message) => !options.quiet || message.fatal === true));
  if (withMessages.length === 0) return '';
  for (const file of withMessages) file.messages.sort(compareMessages);
  return reporter(withMessages, { color: options.color, quiet: true, silent: options.quiet ?? false, verbose: false });
}

function compareMessages(a: VFile['messages'][number], b: VFile['messages'][number]): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
