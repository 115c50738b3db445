/**
 * Read a lecture as the text it is. UTF-8 (with or without a byte order
 * mark) is read as is; UTF-16 with a byte order mark, or with the zero bytes
 * that give it away, is decoded as such; text that is not valid UTF-8 is read
 * as Windows-1252 (Latin-1, what editors on Windows save) and reported, so
 * "Café" is never silently "Caf�"; a binary file is one error, not
 * thousands of warnings about the garbage it would parse to.
 */
import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

/** A lecture's text, or why it has none. */
export type LectureText =
  | { text: string; problem?: undefined }
  | { text: string; problem: { kind: 'encoding'; reason: string; line: number } }
  | { text?: undefined; problem: { kind: 'binary' | 'unreadable'; reason: string; line?: undefined } };

/** Read the lecture at `source`; never throws. */
export async function readLecture(source: string): Promise<LectureText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    return { problem: { kind: 'unreadable', reason: (error as Error).message } };
  }
  return decodeLecture(bytes);
}

/** Report on `file` how its text was read: a warning for another encoding, an error when there is no text. */
export function reportReading(file: VFile, read: LectureText): void {
  if (!read.problem) return;
  const { kind, reason, line } = read.problem;
  if (kind !== 'encoding') return void report(file, `Cannot read lecture: ${reason}`, rules.buildFailed, undefined, 'error');
  report(file, reason, rules.encoding, { position: { start: { line, column: 1 }, end: { line, column: 1 } } });
}

/** The text of a lecture's bytes (see `readLecture`). */
export function decodeLecture(bytes: Uint8Array): LectureText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  const utf16 = utf16Order(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16.encoding).decode(bytes.subarray(utf16.bom ? 2 : 0));
    return utf16.bom ? { text } : { text, problem: { kind: 'encoding', reason: `Saved as ${utf16.label} without a byte order mark; read as ${utf16.label}. Save it as UTF-8`, line: 1 } };
  }
  if (isBinary(bytes)) return { problem: { kind: 'binary', reason: 'it holds binary data, not text (is it a lecture?); it is left out' } };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): LectureText {
  const invalid = firstInvalidUtf8(bytes);
  if (invalid === -1) return { text: new TextDecoder('utf-8').decode(bytes) };
  const line = countLines(bytes, invalid);
  const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0');
  const text = new TextDecoder('windows-1252').decode(bytes);
  return { text, problem: { kind: 'encoding', reason: `Not valid UTF-8 (byte 0x${byte} on line ${line}); read as Windows-1252 (Latin-1). Save it as UTF-8`, line } };
}

/** UTF-16 by its byte order mark, or by zero bytes in every other place (ASCII text saved as UTF-16). */
function utf16Order(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; label: string; bom: boolean } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', label: 'UTF-16', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', label: 'UTF-16 (big-endian)', bom: true };
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return undefined;
  let even = 0;
  let odd = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) index % 2 === 0 ? even++ : odd++;
  });
  const half = sample.length / 2;
  if (odd > half * 0.9 && even === 0) return { encoding: 'utf-16le', label: 'UTF-16', bom: false };
  if (even > half * 0.9 && odd === 0) return { encoding: 'utf-16be', label: 'UTF-16 (big-endian)', bom: false };
  return undefined;
}

/**
 * Binary: control characters (zero bytes included) make more than 2% of the
 * first 8 kB, as in images, archives and executables (random bytes are 12%
 * controls). A few stray zero bytes in text keep it text: markdown reads
 * them as U+FFFD.
 */
function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  return control > Math.max(8, sample.length * 0.02);
}

/** The index of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const size = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (size === 0 || index + size > bytes.length) return index;
    for (let offset = 1; offset < size; offset++) if ((bytes[index + offset]! & 0xc0) !== 0x80) return index;
    const second = bytes[index + 1] ?? 0;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return index;
    index += size;
  }
  return -1;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let index = 0; index < end; index++) if (bytes[index] === 0x0a) line++;
  return line;
}
