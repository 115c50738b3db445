/**
 * `fitDecks()`: after the build, make every slide fit its canvas. Decks are
 * laid out in headless Chromium at their size (the print layout: fragments
 * in their final state), several to a document when they share their
 * stylesheets (`combine.ts`); overflowing slides are split, their images
 * capped or their font scaled (`measure.ts`), the deck page is rewritten
 * (`apply.ts`), split decks are measured once more, and what still does not
 * fit is returned for the report. One browser for the course, its pages
 * reused; results are cached by the deck's HTML and stylesheets, so an
 * unchanged course needs no browser at all.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Root } from 'hast';
import type { Page } from 'puppeteer-core';
import { toHtml } from 'hast-util-to-html';
import pLimit from 'p-limit';
import { isLocalUrl } from '../assets/references.js';
import { writeAtomically } from '../assets/write.js';
import { toolFingerprint } from '../course/cache.js';
import type { Config } from '../config/schema.js';
import { select } from 'hast-util-select';
import { deckSettings } from '../export/deck-settings.js';
import { findBrowser } from '../export/find-browser.js';
import { printDocument } from '../export/print/document.js';
import { serveCourse, type CourseServer } from '../export/server.js';
import { BrowserSession } from '../export/session.js';
import type { DeckSummary } from '../render/course-page.js';
import { parsePage } from '../render/parse-page.js';
import { applyFits } from './apply.js';
import { combine, layoutKey, stylesheetsOf, type PrintedDeck } from './combine.js';
import { measureSlides, type SlideFit } from './measure.js';

/** A slide that still does not fit. */
export interface Overflow {
  /** The slide's number in the deck as built (before any split). */
  slide: number;
  /** Its source line, when known. */
  line?: number | undefined;
  /** Overflow at the smallest scale allowed, in CSS pixels. */
  pixels: number;
}

/** What fitting one deck did. */
export interface DeckFit {
  /** The deck with its slide count and slide lines updated for the splits. */
  deck: DeckSummary;
  /** Slides split, shrunk or with images capped. */
  fitted: number;
  overflows: Overflow[];
  /** Why the deck could not be measured. */
  error?: string | undefined;
}

export interface FitRun {
  /** Browser executable (else found as for PDFs). */
  browser?: string | undefined;
  /** Folder for cached measurements, or `false`. */
  cache: string | false;
  /** Pages measured at once. @default the number of cores */
  jobs?: number | undefined;
  /** A browser started earlier (`prelaunchFor`), used instead of launching one. */
  session?: Promise<BrowserSession | undefined> | undefined;
  /** Leave `session` open (its owner closes it). @default false */
  keepOpen?: boolean | undefined;
}

/** Fit the decks `decks` written under `out`. Throws `BrowserNotFoundError` when a deck needs measuring and no browser is found. */
export async function fitDecks(out: string, decks: DeckSummary[], config: Config, run: FitRun): Promise<DeckFit[]> {
  const given = await run.session;
  let session = given;
  let server: CourseServer | undefined;
  try {
    const entries = await Promise.all(decks.map((deck) => loadDeck(out, deck, config, run.cache)));
    let browser: Browser | undefined;
    if (entries.some((entry) => !entry.rounds)) {
      session ??= new BrowserSession(await findBrowser(run.browser));
      server = await serveCourse(out);
      browser = { server, session };
    }
    const limit = pLimit(run.jobs ?? Math.max(os.availableParallelism(), 1));
    const fits = new Map<DeckEntry, DeckFit>();
    const fitAlone = (entry: DeckEntry) =>
      fitBatch([entry], config, browser).then(
        ([fit]) => fit!,
        (error: unknown): DeckFit => ({ deck: entry.deck, fitted: 0, overflows: [], error: error instanceof Error ? error.message : String(error) }),
      );
    await Promise.all(
      batches(entries).map((batch) =>
        limit(async () => {
          // A deck that breaks its batch (a load that never ends, say) must not cost the others their fit.
          const done = await fitBatch(batch, config, browser).catch(() => Promise.all(batch.map(fitAlone)));
          batch.forEach((entry, index) => fits.set(entry, done[index]!));
        }),
      ),
    );
    return entries.map((entry) => fits.get(entry)!);
  } finally {
    await server?.close();
    if (!(run.keepOpen && session === given)) await session?.close();
  }
}

/** Slides laid out in one document at most, so a large course still spreads over the page pool. */
const batchSlides = 240;

/**
 * The decks to measure together: those that share their stylesheets, up to
 * `batchSlides` slides a batch; a deck with cached measurements, or with
 * styles of its own, is a batch of its own.
 */
function batches(entries: DeckEntry[]): DeckEntry[][] {
  const all: DeckEntry[][] = [];
  const open = new Map<string, { batch: DeckEntry[]; slides: number }>();
  for (const entry of entries) {
    const key = entry.rounds ? undefined : entry.layout;
    const current = key === undefined ? undefined : open.get(key);
    if (current && current.slides + entry.deck.slides <= batchSlides) {
      current.batch.push(entry);
      current.slides += entry.deck.slides;
      continue;
    }
    const batch = [entry];
    all.push(batch);
    if (key !== undefined) open.set(key, { batch, slides: entry.deck.slides });
  }
  return all;
}

interface DeckEntry {
  deck: DeckSummary;
  file: string;
  html: string;
  /** Decks with the same key can be laid out in one document (`layoutKey`). */
  layout: string | undefined;
  /** Where the measurements are cached, if anywhere. */
  cached?: string | undefined;
  /** Cached measurements, one list per round. */
  rounds?: SlideFit[][] | undefined;
}

async function loadDeck(out: string, deck: DeckSummary, config: Config, cache: string | false): Promise<DeckEntry> {
  const file = path.join(out, deck.slug, 'index.html');
  const html = await readFile(file, 'utf8');
  const sheets = stylesheetsOf(html);
  const layout = layoutKey(html, deck.slug, sheets);
  if (cache === false) return { deck, file, html, layout };
  const hash = createHash('sha256').update(`${toolFingerprint()}\0${config.fit.minScale}\0${config.reveal.width}x${config.reveal.height}\0`).update(html);
  for (const href of sheets) {
    if (isLocalUrl(href)) hash.update(await readFile(path.resolve(path.dirname(file), href)).catch(() => Buffer.from('missing')));
  }
  const cached = path.join(cache, 'fit', `${hash.digest('hex').slice(0, 32)}.json`);
  const rounds = await readFile(cached, 'utf8').then((text) => JSON.parse(text) as SlideFit[][], () => undefined);
  return { deck, file, html, layout, cached, rounds };
}

/** What measuring needs: the course served, and the browser. */
interface Browser {
  server: CourseServer;
  session: BrowserSession;
}

/** Fit the decks of one batch: measured together (unless cached), split, measured again where split, written. */
async function fitBatch(batch: DeckEntry[], config: Config, browser: Browser | undefined): Promise<DeckFit[]> {
  // Parsed only here, inside the pool, so a large course never holds every deck's tree at once.
  const trees = batch.map((entry) => parsePage(entry.html));
  const measure = (indexes: number[], split: boolean) => {
    if (!browser) throw new Error('no browser to measure with');
    return measureDecks(indexes.map((index) => ({ slug: batch[index]!.deck.slug, tree: trees[index]! })), config, browser, split);
  };
  const fresh = batch.flatMap((entry, index) => (entry.rounds ? [] : [index]));
  const measured = fresh.length > 0 ? await measure(fresh, true) : [];
  const firsts = batch.map((entry, index) => entry.rounds?.[0] ?? measured[fresh.indexOf(index)]!);
  const counts = trees.map((tree, index) => applyFits(tree, firsts[index]!));
  // Continuation slides are measured once more, unsplit, in case a piece still needs scaling.
  const again = fresh.filter((index) => counts[index]!.some((count) => count > 1));
  const remeasured = again.length > 0 ? await measure(again, false) : [];
  const seconds = batch.map((entry, index) => entry.rounds?.[1] ?? remeasured[again.indexOf(index)]);
  return Promise.all(batch.map((entry, index) => finishDeck(entry, trees[index]!, firsts[index]!, counts[index]!, seconds[index])));
}

/** Apply the second round to the deck, cache both rounds, write the deck when anything changed, and say what still overflows. */
async function finishDeck(entry: DeckEntry, tree: Root, first: SlideFit[], counts: number[], second: SlideFit[] | undefined): Promise<DeckFit> {
  const { deck } = entry;
  const origin = counts.flatMap((count, index) => Array.from({ length: count }, () => index + 1));
  if (second) applyFits(tree, second);
  if (!entry.rounds && entry.cached) await writeAtomically(entry.cached, JSON.stringify(second ? [first, second] : [first]));

  const lines = deck.lines ?? [];
  const left = [...first.filter((fit) => !fit.cuts), ...(second ?? []).map((fit) => ({ ...fit, slide: origin[fit.slide - 1] ?? fit.slide }))]
    .filter((fit) => fit.left !== undefined && !fit.optedOut)
    .map((fit) => ({ slide: fit.slide, line: lines[fit.slide - 1], pixels: fit.left! }));
  const fitted = [...first, ...(second ?? [])].filter((fit) => !fit.optedOut).length;
  if (fitted === 0) return { deck, fitted, overflows: dedupe(left) };
  await writeAtomically(entry.file, toHtml(tree));
  return {
    deck: { ...deck, slides: origin.length, lines: deck.lines ? origin.map((slide) => lines[slide - 1] ?? 1) : undefined },
    fitted,
    overflows: dedupe(left),
  };
}

/** One report per slide of the deck as written, even when several of its continuation slides overflow. */
function dedupe(overflows: Overflow[]): Overflow[] {
  const bySlide = new Map<number, Overflow>();
  for (const overflow of overflows) {
    const known = bySlide.get(overflow.slide);
    if (!known || known.pixels < overflow.pixels) bySlide.set(overflow.slide, overflow);
  }
  return [...bySlide.values()].sort((a, b) => a.slide - b.slide);
}

let documents = 0;

/** Lay the decks out in the browser, in one document, and measure what each overflowing slide needs; one list per deck. */
async function measureDecks(decks: PrintedDeck[], config: Config, browser: Browser, split: boolean): Promise<SlideFit[][]> {
  const printed = decks.map(({ slug, tree }) => {
    // A deck's own `width` / `height` (front matter) is the canvas it is measured on.
    const script = select('script:not([src])', tree)?.children[0];
    const { width, height } = deckSettings(script?.type === 'text' ? script.value : '', config);
    return { slug, tree: printDocument(tree, { width, height, fragments: false, notes: 'none', notesHeight: 0, pageNumbers: false }).tree };
  });
  const { tree, offsets } = combine(printed);
  const pathname = `/.fit-${++documents}.html`;
  browser.server.page(pathname, toHtml(tree));
  try {
    const fits = await browser.session.using(async (page) => {
      await page.goto(browser.server.url(pathname), { waitUntil: 'load', timeout: config.pdf.timeout * 1000 });
      return page.evaluate(measureSlides, { minScale: config.fit.minScale, split });
    });
    return offsets.map((offset, index) => {
      const end = offsets[index + 1] ?? Infinity;
      return fits.filter((fit) => fit.slide > offset && fit.slide <= end).map((fit) => ({ ...fit, slide: fit.slide - offset }));
    });
  } finally {
    browser.server.forget(pathname);
  }
}
