/**
 * Course web pages (Jekyll): Liquid tags are Jekyll's to run, so they are
 * kept off the slides, each with a hint where it was; kramdown attribute
 * lists become Pandoc attributes (`{: .btn}` → `{ .btn}`) or, standing on a
 * line of their own, are dropped. Both change how the text parses (a link
 * whose URL holds `{{ site.baseurl }}` is no link), so the source is cleaned
 * without moving any position and parsed again.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report, rules } from '../diagnostics.js';
import { dialectRule } from './index.js';
import { attributeListSpans, blank, liquidSpans, type Span } from './liquid-spans.js';

/** Remark plugin (course web pages): take Liquid and kramdown attribute lists out of the text. */
export const liquid = dialectRule(['page'], function (this: Processor, tree, file) {
  const text = String(file.value);
  const tags = liquidSpans(text, tree);
  const lists = outside(attributeListSpans(text, tree), tags);
  if (tags.length === 0 && lists.length === 0) return;
  const place = location(file);
  for (const tag of tags) {
    const [start, end] = [place.toPoint(tag.start), place.toPoint(tag.end)];
    const position = start && end ? { start, end } : undefined;
    report(file, `Liquid \`${shorten(tag.text)}\` is left out of the slides (Jekyll runs Liquid, lecture does not); write out what it stands for`, rules.liquidTag, { position }, 'info');
  }
  const isList = new Set(lists);
  const cleaned = blank(text, [...tags, ...lists], (span) => (isList.has(span) ? toAttributes(span, text) : span.text.replace(/[^\n]/g, ' ')));
  const fresh = this.parse(new VFile({ path: file.path, value: cleaned })) as Root;
  tree.children = fresh.children.filter((node) => node.type !== 'yaml' && node.type !== 'titleBlockLine');
});

/** `{: .class}` after an element becomes `{ .class}`; alone on its line it is blanked. */
function toAttributes(span: Span, text: string): string {
  // Right after text on its line (the character before is not a space): each test reads one character, not the line.
  const previous = span.column > 1 ? text[span.start - 1]! : '';
  const attached = previous !== '' && !/\s/.test(previous) && /^\{:\s*([.#][\w-]|[\w-]+=)/.test(span.text);
  return attached ? `{ ${span.text.slice(2)}` : span.text.replace(/[^\n]/g, ' ');
}

/** The `spans` that overlap none of `others` (both in source order, `others` apart from each other). */
function outside(spans: Span[], others: Span[]): Span[] {
  let next = 0;
  return spans.filter((span) => {
    while (next < others.length && others[next]!.end <= span.start) next++;
    const other = others[next];
    return other === undefined || other.start >= span.end;
  });
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}
