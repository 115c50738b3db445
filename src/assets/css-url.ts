/**
 * `url(…)` in CSS (stylesheets, `style` attributes), found in one pass. The
 * pattern the readers of CSS shared, `url\(\s*(['"]?)([^'")]+)\1\s*\)`,
 * let a run of spaces be taken by three of its parts in turn: an unclosed
 * `url(` before spaces cost the fourth power of the run (a style attribute
 * is lecture text). Here the call is matched up to its parenthesis, and
 * what is inside is read after: a URL quoted or not, spaces around it left
 * out, no quote or parenthesis in it.
 */

/** `url(` up to its `)`, with no other parenthesis inside: each character is read by one try at most. */
const call = /url\(([^()]*)\)/g;

/** The quote (or `''`) and the URL of what is inside `url(…)`, if it is one. */
function read(inside: string): { quote: string; url: string } | undefined {
  const text = inside.trim();
  const quote = text[0] === '"' || text[0] === "'" ? text[0] : '';
  const url = quote ? (text.length > 1 && text.endsWith(quote) ? text.slice(1, -1) : '') : text;
  return url !== '' && !/["']/.test(url) ? { quote, url } : undefined;
}

/** The URLs of `css`, in order (repeats kept). */
export function cssUrls(css: string): string[] {
  if (!css.includes('url(')) return [];
  return [...css.matchAll(call)].flatMap((match) => read(match[1]!)?.url ?? []);
}

/** `css` with each `url(…)` replaced by what `replace` returns for it (given the whole call, its quote and its URL). */
export function replaceCssUrls(css: string, replace: (whole: string, quote: string, url: string) => string): string {
  if (!css.includes('url(')) return css;
  return css.replace(call, (whole, inside: string) => {
    const found = read(inside);
    return found ? replace(whole, found.quote, found.url) : whole;
  });
}
