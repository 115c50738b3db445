/**
 * The print document of a built deck: the deck's own stylesheets and
 * metadata, reveal.js's print classes, and pages generated from the slide
 * tree, with no script. Served beside the deck, so its relative URLs work.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { packageRoot } from '../../assets/package-root.js';
import { a4, handoutSheets, type HandoutLayout } from './handout.js';
import { slidePages, type PageOptions } from './pages.js';
import { stringsFor } from '../../i18n/strings.js';
import { deckSlides, type PrintSlide } from './slides.js';

/** How to lay out a deck for print. */
export interface PrintOptions extends PageOptions {
  /** Slides per A4 sheet, for the handout; one slide per page when absent. */
  handout?: HandoutLayout | undefined;
  /** The course's replacements for strings shown to students (config `strings`). @default {} */
  strings?: Readonly<Record<string, string>> | undefined;
}

/** A print document and what is on its pages. */
export interface PrintDocument {
  tree: Root;
  /** Number of pages. */
  pages: number;
  /** The slide number on each page (for handouts, the first slide of the sheet). */
  slideOfPage: number[];
  title: string;
  /** Sections and slide titles, each at the page it starts on, a section's slides under it. */
  outline: OutlineEntry[];
}

/** One outline (bookmark) entry. */
export interface OutlineEntry {
  title: string;
  /** 0-based page. */
  page: number;
  children: OutlineEntry[];
}

let stylesheet: string | undefined;

/** The print document for the deck page `deck`. */
export function printDocument(deck: Root, options: PrintOptions): PrintDocument {
  const lang = select('html', deck)?.properties.lang;
  const slides = deckSlides(deck, stringsFor(lang === undefined ? undefined : String(lang), options.strings));
  const pages = slidePages(slides, options.handout ? { ...options, notes: 'none', fragments: false } : options);
  const title = toText(select('title', deck) ?? h('title')).trim();
  const elements = options.handout ? handoutSheets(pages, options.handout, options, title) : pages.map((page) => page.element);
  const size = options.handout
    ? { width: a4.width, height: a4.height }
    : { width: options.width, height: options.height + (options.notes === 'below' ? options.notesHeight : 0) };
  stylesheet ??= readFileSync(path.join(packageRoot(), 'themes', 'print.css'), 'utf8');
  const head: Element[] = [
    h('meta', { charSet: 'utf-8' }),
    h('title', title),
    ...selectAll('head meta[name=author], head meta[name="dcterms.date"], head link[rel=stylesheet]', deck),
    h('style', `@page { size: ${size.width}px ${size.height}px; margin: 0; }\n${stylesheet}`),
  ];
  const html = h('html.reveal-print.print-pdf', { lang: lang === undefined ? undefined : String(lang) }, [
    h('head', head),
    h('body', [h('div.reveal', [h('div.slides', elements)])]),
  ]);
  const slideOfPage = options.handout
    ? elements.map((_, index) => pages[index * options.handout!]!.slide.number)
    : pages.map((page) => page.slide.number);
  const pageOf = (slide: number) => (options.handout ? Math.floor((slide - 1) / options.handout) : Math.max(slideOfPage.indexOf(slide), 0));
  return { tree: { type: 'root', children: [{ type: 'doctype' }, html as RootContent] }, pages: elements.length, slideOfPage, title, outline: outlineOf(slides, pageOf) };
}

/** The outline of `slides`: the title slide and sections at the top, every other titled slide under the section before it. */
function outlineOf(slides: PrintSlide[], pageOf: (slide: number) => number): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  let section: OutlineEntry | undefined;
  for (const slide of slides) {
    if (slide.title === '') continue;
    const entry: OutlineEntry = { title: slide.title, page: pageOf(slide.number), children: [] };
    if (slide.kind === 'slide') (section?.children ?? top).push(entry);
    else top.push(entry);
    if (slide.kind === 'section') section = entry;
  }
  return top;
}
