/**
 * Messages as plain data, so a lecture built in a worker thread (or read from
 * the build cache) reports exactly what it would have reported in-process.
 */
import type { Position } from 'unist';
import { VFile } from 'vfile';

/** One vfile message as JSON. */
export interface MessageData {
  reason: string;
  ruleId?: string | undefined;
  source?: string | undefined;
  place?: Position | undefined;
  fatal?: boolean | null | undefined;
}

/** The messages of `file` as data. */
export function messagesToData(file: VFile): MessageData[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    place: message.place && 'start' in message.place ? message.place : undefined,
    fatal: message.fatal,
  }));
}

/** A file carrying `messages` again, for reporting. */
export function fileWithMessages(filePath: string, cwd: string, messages: MessageData[]): VFile {
  const file = new VFile({ path: filePath, cwd });
  for (const data of messages) {
    const message = file.message(data.reason, { place: data.place, ruleId: data.ruleId, source: data.source });
    message.fatal = data.fatal ?? undefined;
  }
  return file;
}
