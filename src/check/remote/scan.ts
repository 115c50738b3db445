/**
 * A look-ahead scan for remote URLs in a lecture's raw text, as a browser's
 * preload scanner does: it lets their requests start while the lecture is
 * still being parsed in the worker. Only a guess: what is reported comes
 * from the parsed tree alone. A URL the guess gets wrong costs one request
 * that nobody waits for; fenced code and inline code are skipped so that
 * example commands are not fetched.
 */
import { trimEndOf } from '../../trim.js';

const fence = /^ {0,3}(`{3,}|~{3,})/;
/** An http(s) URL, allowing one level of balanced parentheses (`…/Foo_(bar)`). */
const url = /https?:\/\/(?:[^\s<>"'`()[\]{}|\\^]|\([^\s<>"'`()]*\))+/gi;

/** The http(s) URLs that probably are links in `text`, in order, without duplicates. */
export function scanUrls(text: string): string[] {
  const found = new Set<string>();
  let open: string | undefined;
  for (const line of text.split('\n')) {
    const marker = fence.exec(line)?.[1];
    if (marker && (open === undefined || (marker[0] === open[0] && marker.length >= open.length))) {
      open = open === undefined ? marker : undefined;
      continue;
    }
    if (open !== undefined) continue;
    for (const match of withoutCodeSpans(line).matchAll(url)) found.add(trimEndOf(match[0], '.,:;!?*_~'));
  }
  return [...found];
}

/**
 * `line` without its code spans: a run of backticks up to the next run as
 * long (CommonMark's rule), in one pass. (The pattern it replaces,
 * ``(`+)[^`]+?\1``, took the cube of a run of backticks.)
 */
function withoutCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs = [...line.matchAll(/`+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // For each run, the next run of the same length, found from the end.
  const next = new Array<number>(runs.length);
  const nearest = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index--) {
    const length = runs[index]!.end - runs[index]!.start;
    next[index] = nearest.get(length) ?? -1;
    nearest.set(length, index);
  }
  let result = '';
  let at = 0;
  for (let index = 0; index < runs.length; ) {
    const closing = next[index]!;
    if (closing === -1) {
      index++;
      continue;
    }
    result += line.slice(at, runs[index]!.start);
    at = runs[closing]!.end;
    index = closing + 1;
  }
  return result + line.slice(at);
}
