/**
 * Export one deck: for each variant (slides, notes, handout, answers) lay
 * out the print document from the deck's tree, load it from the local
 * server, let it settle, print it and set the document properties. A deck
 * that hangs past its timeout, or whose browser crashes, is retried once
 * with a fresh page (and a relaunched browser when the old one is gone).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { toHtml } from 'hast-util-to-html';
import { writeAtomically } from '../assets/write.js';
import { expectedSource } from '../course/downloads.js';
import type { DeckSummary } from '../render/course-page.js';
import { parsePage } from '../render/parse-page.js';
import { withMetadata } from './metadata.js';
import { printDocument, type PrintDocument, type PrintOptions } from './print/document.js';
import { missingGlyphs } from './print/glyph-check.js';
import { settlePage, type Overflow } from './print/settle.js';
import type { CourseServer } from './server.js';
import type { BrowserSession } from './session.js';

/** Which PDF of a deck. */
export type VariantKind = 'slides' | 'notes' | 'handout' | 'answers';

/** One PDF to make from a deck. */
export interface Variant {
  kind: VariantKind;
  /** Absolute path of the PDF. */
  file: string;
  print: PrintOptions;
}

/** A PDF written. */
export interface WrittenPdf {
  kind: VariantKind;
  file: string;
  pages: number;
  bytes: number;
}

/** What exporting one deck did. */
export interface DeckOutcome {
  deck: DeckSummary;
  written: WrittenPdf[];
  /** Slides (or their notes) that had to shrink to fit their page. */
  overflows: Overflow[];
  /** Characters no font on this machine has: they print as empty boxes. */
  missing: string[];
  /** Why the deck could not be exported, after its retry. */
  error?: string | undefined;
}

/** Everything exporting a deck needs. */
export interface DeckJob {
  deck: DeckSummary;
  /** The folder served by `server` that holds `<slug>/index.html`. */
  out: string;
  variants: Variant[];
  session: BrowserSession;
  server: CourseServer;
  /** Milliseconds before the deck is abandoned (and retried once). */
  timeout: number;
  /** Tagged PDFs (Chromium's structure tree and heading outline); else our outline of sections and slides. */
  tagged: boolean;
  version: string;
  /** Told each time a PDF of the deck is written. */
  onWritten?: ((pdf: WrittenPdf) => void) | undefined;
}

/** Export the deck of `job`, retrying once; never throws. */
export async function exportDeck(job: DeckJob): Promise<DeckOutcome> {
  let lastError = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const outcome: DeckOutcome = { deck: job.deck, written: [], overflows: [], missing: [] };
    try {
      // Each attempt is a job of its own, with print documents of its own: the late clean-up of an
      // abandoned attempt must not take the next attempt's page or documents away.
      const attemptJob = { ...job };
      await withTimeout(runDeck(attemptJob, outcome), job.timeout, attemptJob);
      return outcome;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
  }
  return { deck: job.deck, written: [], overflows: [], missing: [], error: lastError };
}

async function runDeck(job: DeckJob, outcome: DeckOutcome): Promise<void> {
  // Laid out before a page is asked for, so the first decks' layout overlaps the browser's start.
  const documents = await layOut(job);
  try {
    await job.session.using(async (page) => {
      pages.set(job, page);
      for (const { variant, document, pathname } of documents) {
        await page.goto(job.server.url(pathname), { waitUntil: 'load', timeout: 0 });
        const overflows = await page.evaluate(settlePage);
        if (variant.kind === 'slides' || variant.kind === 'notes') outcome.overflows.push(...overflows.filter((overflow) => overflow.notes === (variant.kind === 'notes')));
        // Once a deck: the same characters, in the same fonts, print in every variant.
        if (variant === documents[0]?.variant) outcome.missing = await page.evaluate(missingGlyphs, Object.keys(job.deck.glyphs ?? {}));
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: job.tagged, tagged: job.tagged, timeout: 0 });
        const metadata = { title: job.deck.title, author: job.deck.author, subject: job.deck.subject, keywords: job.deck.keywords, source: await expectedSource(job.out, job.deck) };
        const bytes = await withMetadata(pdf, metadata, job.version, job.tagged ? [] : document.outline);
        await writeAtomically(variant.file, bytes);
        const written = { kind: variant.kind, file: variant.file, pages: document.pages, bytes: bytes.length };
        outcome.written.push(written);
        job.onWritten?.(written);
      }
    });
  } finally {
    for (const { pathname } of documents) job.server.forget(pathname);
    pages.delete(job);
  }
}

/** Print documents served so far: each gets a path of its own. */
let served = 0;

/**
 * The print documents of the job's deck, served by its server. Only their
 * page counts and outlines are kept: the trees are dropped at once, so they
 * die young instead of filling the old heap while the page prints.
 */
async function layOut(job: DeckJob): Promise<Array<{ variant: Variant; document: Pick<PrintDocument, 'pages' | 'outline'>; pathname: string }>> {
  const tree = parsePage(await readFile(path.join(job.out, job.deck.slug, 'index.html'), 'utf8'));
  const laidOut = job.variants.map((variant) => {
    const { tree: printed, pages, outline } = printDocument(tree, variant.print);
    return { variant, document: { pages, outline }, pathname: `/${job.deck.slug}/.print-${variant.kind}-${++served}.html`, html: toHtml(printed) };
  });
  for (const { pathname, html } of laidOut) job.server.page(pathname, html);
  return laidOut.map(({ html, ...rest }) => rest);
}

/** The page each running job uses, so a timeout can close it. */
const pages = new Map<DeckJob, Page>();

/** Run `work`, giving up after `ms`: the job's page is closed, or its browser relaunched when the page will not close. */
async function withTimeout(work: Promise<void>, ms: number, job: DeckJob): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    await Promise.race([work, expired]);
  } catch (error) {
    work.catch(() => undefined);
    const page = pages.get(job);
    pages.delete(job);
    const closed = page ? await Promise.race([page.close().then(() => true, () => false), delay(5000, false)]) : true;
    if (!closed || !(await job.session.browser().then((browser) => browser.connected, () => false))) await job.session.restart();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function delay<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms).unref());
}
