/**
 * A look-ahead scan for remote URLs in a lecture's raw text, as a browser's
 * preload scanner does: it lets their requests start while the lecture is
 * still being parsed in the worker. Only a guess: what is reported comes
 * from the parsed tree alone. A URL the guess gets wrong costs one request
 * that nobody waits for; fenced code and inline code are skipped so that
 * example commands are not fetched.
 */

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
    for (const match of line.replace(/(`+)[^`]+?\1/g, '').matchAll(url)) found.add(match[0].replace(/[.,:;!?*_~]+$/, ''));
  }
  return [...found];
}
