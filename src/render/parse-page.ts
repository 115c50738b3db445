/**
 * Read a deck page the build wrote back into hast, for fitting and printing.
 * Source positions would point into generated HTML, of use to nobody, and
 * recording them is over a third of the parse: a 200-slide page takes 240 ms
 * without them against 390 ms with them (cold, as in every export).
 */
import type { Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { parse } from 'parse5';

/** The hast tree of a whole page, without positions (as `hast-util-from-html` parses it otherwise). */
export function parsePage(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}
