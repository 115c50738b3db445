/**
 * Several decks' print documents as one, so a course is laid out in one page
 * load instead of one per deck: on a small machine each load costs far more
 * (parsing the stylesheets, loading the fonts, a new document) than laying
 * out the slides. Only decks that share their stylesheets go together, and a
 * deck with a stylesheet of its own in its slides (raw `<style>`) goes alone,
 * since it would restyle the others. Relative URLs are made absolute from
 * the deck's folder, and the pages are numbered on from deck to deck.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { isLocalUrl, urlsOf } from '../assets/references.js';

/** One deck's print document, and the folder its URLs are relative to. */
export interface PrintedDeck {
  slug: string;
  tree: Root;
}

/** A combined document; deck `i`'s slide `n` is page `data-slide = offsets[i] + n`. */
export interface CombinedDocument {
  tree: Root;
  offsets: number[];
}

/** The stylesheet URLs of a deck page, as written in its head. */
export function stylesheetsOf(html: string): string[] {
  const head = html.slice(0, html.indexOf('<body'));
  return [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
}

/**
 * What decks must share to be laid out in one document: their stylesheets
 * (`sheets`, from `stylesheetsOf`) and language; nothing when the slides
 * carry styles of their own.
 */
export function layoutKey(html: string, slug: string, sheets: string[]): string | undefined {
  const bodyAt = html.indexOf('<body');
  if (/<style[\s>]|<link[^>]+rel=["']?stylesheet/i.test(html.slice(bodyAt))) return undefined;
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html.slice(0, bodyAt))?.[1] ?? '';
  return `${lang}\0${sheets.map((sheet) => absolute(sheet, slug)).join('\0')}`;
}

/** Combine `decks` (in that order) into a copy of the first one's document; they are left as they are. */
export function combine(decks: PrintedDeck[]): CombinedDocument {
  const offsets: number[] = [];
  let offset = 0;
  let base: Element | undefined;
  let combined: Root | undefined;
  for (const deck of decks) {
    // A print document shares nodes with its deck's page, which is written out after fitting.
    const tree = structuredClone(deck.tree);
    combined ??= tree;
    absolutise(tree, deck.slug);
    const slides = select('.reveal > .slides', tree);
    if (!slides) throw new Error(`the print document of ${deck.slug} has no slides`);
    const pages = selectAll('.pdf-page[data-slide]', slides);
    offsets.push(offset);
    let last = 0;
    for (const page of pages) {
      const slide = Number(page.properties.dataSlide);
      last = Math.max(last, slide);
      page.properties.dataSlide = String(offset + slide);
    }
    offset += last;
    if (base) base.children.push(...slides.children);
    else base = slides;
  }
  if (!combined) throw new Error('no deck to combine');
  return { tree: combined, offsets };
}

/** Make every relative URL of `tree` (stylesheets, images, backgrounds, CSS `url()`) absolute from `/<slug>/`. */
function absolutise(tree: Root, slug: string): void {
  for (const link of selectAll('link[href]', tree)) link.properties.href = absolute(String(link.properties.href), slug);
  for (const element of selectAll('*', tree)) {
    for (const { property, url, css } of urlsOf(element)) {
      const fixed = absolute(url, slug);
      if (fixed === url) continue;
      const value = String(element.properties[property]);
      element.properties[property] = css ? value.split(url).join(fixed) : fixed;
    }
  }
}

/** `url` as seen from `/<slug>/index.html`, as a path from the server root; URLs of the web, fragments and data stay. */
function absolute(url: string, slug: string): string {
  if (!isLocalUrl(url)) return url;
  const resolved = new URL(url.trim(), `http://course/${encodeURIComponent(slug)}/`);
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
