/**
 * `exportPdf()`: the PDFs of a course in one run. Builds first (unchanged
 * lectures come from the cache), then one browser and a pool of pages export
 * the decks concurrently from a local server: `<slug>/<slug>.pdf` always,
 * `<slug>-notes.pdf` and `<slug>-handout.pdf` when asked, and with
 * `answers` a copy with the quiz answers shown, written next to the answer
 * keys, never into the published output folder.
 */
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { build, relinkCoursePage, type BuildOptions, type BuildResult } from '../course/build.js';
import { pdfPaths } from '../course/downloads.js';
import { memoryRecord } from '../course/manifest.js';
import { claimFolder, keysFolder } from '../course/ownership.js';
import type { Config, PdfOptions as PdfConfig } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { readFileSync } from 'node:fs';
import { deckSettings } from './deck-settings.js';
import { temporaryFolder } from '../lifetime.js';
import { exportDeck, type DeckOutcome, type Variant, type WrittenPdf } from './export-deck.js';
import type { PrintOptions } from './print/document.js';
import { createProgress } from './progress.js';
import { serveCourse } from './server.js';
import { shardDecks, type Shard } from './shard.js';
import type { BrowserSession } from './session.js';
import { startBrowser } from './start.js';

/** Options of `exportPdf()`: the build's, plus what to export. */
export interface ExportOptions extends BuildOptions {
  /** PDF settings that win over the config's `pdf` section (from flags). */
  pdf?: Partial<PdfConfig> | undefined;
  /** Also export a copy with the quiz answers shown, into the answer-key folder. */
  answers?: boolean | undefined;
  /** An existing build result to export, instead of building. */
  built?: BuildResult | undefined;
  /** Where progress goes. @default process.stderr */
  progress?: NodeJS.WriteStream | false | undefined;
  /** Version written into the PDFs' Creator property. @default "dev" */
  version?: string | undefined;
  /** Export only this share of the decks (`--shard i/n`), for one job of a CI matrix. */
  shard?: Shard | undefined;
}

/** What an export did. */
export interface ExportResult extends BuildResult {
  pdfs: WrittenPdf[];
}

/**
 * Build the course and export its PDFs. One browser does both (fitting and
 * printing): `options.session` when given (this call closes it), else one
 * started here before the build.
 */
export async function exportPdf(options: ExportOptions = {}): Promise<ExportResult> {
  const session = options.session ?? (await startBrowser({ ...options, known: options.built?.config }));
  const lent = { ...options, session };
  let result: BuildResult;
  try {
    // The output stays locked until the PDFs are written into it.
    result = options.built ?? (await build({ ...lent, keepLock: true, exporting: true }));
  } catch (error) {
    await session.close();
    throw error;
  }
  try {
    return await exportBuilt(result, options, session);
  } finally {
    await result.unlock?.();
  }
}

/** Export the PDFs of a built course with `session`, which this closes. */
async function exportBuilt(result: BuildResult, options: ExportOptions, session: BrowserSession): Promise<ExportResult> {
  const lent = { ...options, session };
  const settings: PdfConfig = { ...result.config.pdf, ...options.pdf };
  const decks = options.shard ? shardDecks(result.decks, options.shard) : result.decks;
  const progress = options.progress === false ? undefined : createProgress(options.progress ?? process.stderr, decks.length);
  const files = new Map(result.files.map((file) => [file.path, file]));
  const pdfs: WrittenPdf[] = [];
  const run = async (out: string, variants: (slug: string) => Variant[], decks: BuildResult['decks']) => {
    const server = await serveCourse(out);
    try {
      const limit = pLimit(settings.jobs ?? Math.max(os.availableParallelism(), 1));
      const outcomes = await Promise.all(
        decks.map((deck) =>
          limit(async () => {
            const outcome = await exportDeck({
              deck,
              out,
              variants: variants(deck.slug),
              session,
              server,
              timeout: settings.timeout * 1000,
              tagged: settings.tagged,
              version: options.version ?? 'dev',
              onWritten: (pdf) => progress?.written(deck.slug, pdf),
            });
            progress?.deckDone();
            return outcome;
          }),
        ),
      );
      for (const outcome of outcomes) {
        pdfs.push(...outcome.written);
        reportOutcome(outcome, fileFor(files, result, outcome));
      }
    } finally {
      await server.close();
    }
  };
  try {
    await run(result.out, (slug) => variantsOf(slug, result.out, result.config, settings), decks);
    if (settings.notes !== 'none' && !result.config.publish.notes) await exportPrivateNotes(lent, { ...result, decks }, settings, run);
    if (options.answers) await exportAnswers(lent, { ...result, decks }, settings, run);
  } finally {
    progress?.finish();
    await session.close();
  }
  const all = [...files.values()];
  await relinkCoursePage(result, all);
  return { ...result, files: all, pdfs, failed: result.failed || all.some((file) => file.messages.some((message) => message.fatal === true)) };
}

/** The PDFs to make of one deck. */
function variantsOf(slug: string, out: string, config: Config, settings: PdfConfig): Variant[] {
  let html = '';
  try {
    html = readFileSync(path.join(out, slug, 'index.html'), 'utf8');
  } catch {
    // A deck that was not written is reported where it is exported.
  }
  const deck = deckSettings(html, config);
  const base: PrintOptions = {
    width: deck.width,
    height: deck.height,
    fragments: settings.fragments || deck.fragments === true,
    notes: 'none',
    notesHeight: Math.round(deck.height / 2),
    pageNumbers: settings.pageNumbers,
    strings: config.strings,
  };
  const variants: Variant[] = [{ kind: 'slides', file: path.join(out, pdfPaths.slides(slug)), print: base }];
  // Notes that are not public are printed from a copy of the decks that has them (see exportPrivateNotes).
  if (settings.notes !== 'none' && config.publish.notes) variants.push({ kind: 'notes', file: path.join(out, pdfPaths.notes(slug)), print: { ...base, notes: settings.notes } });
  if (settings.handout !== 0) variants.push({ kind: 'handout', file: path.join(out, pdfPaths.handout(slug)), print: { ...base, handout: settings.handout } });
  return variants;
}

/** Build the decks with quizzes again, answers shown, into a temporary folder, and export them into the answer-key folder. */
async function exportAnswers(
  options: ExportOptions,
  result: BuildResult,
  settings: PdfConfig,
  run: (out: string, variants: (slug: string) => Variant[], decks: BuildResult['decks']) => Promise<void>,
): Promise<void> {
  const withQuizzes = result.decks.filter((deck) => (deck.quizzes ?? 0) > 0);
  if (withQuizzes.length === 0) return;
  const folder = await temporaryFolder('lecture-answers-');
  const temporary = folder.path;
  try {
    const answers = result.config.quiz.answers === 'hidden' ? 'after-each' : result.config.quiz.answers;
    const paths = withQuizzes.map((deck) => path.resolve(result.root, deck.source));
    const copy = await build({ ...options, paths, cache: false, stage: false, overrides: { ...options.overrides, out: temporary, quiz: { answers } }, record: memoryRecord(), keys: false });
    await claimFolder(result.keys, keysFolder);
    await run(temporary, (slug) => [{ ...variantsOf(slug, temporary, result.config, settings)[0]!, kind: 'answers', file: path.join(result.keys, `${slug}-answers.pdf`) }], copy.decks);
  } finally {
    await folder.remove();
  }
}

type Run = (out: string, variants: (slug: string) => Variant[], decks: BuildResult['decks']) => Promise<void>;

/**
 * With `publish.notes: false` the published decks have no notes: the notes
 * PDFs are printed from a copy of the decks built with their notes into a
 * temporary folder, and written next to the answer keys, for the instructor.
 */
async function exportPrivateNotes(options: ExportOptions, result: BuildResult, settings: PdfConfig, run: Run): Promise<void> {
  if (result.decks.length === 0) return;
  const folder = await temporaryFolder('lecture-notes-');
  const temporary = folder.path;
  try {
    const paths = result.decks.map((deck) => path.resolve(result.root, deck.source));
    const copy = await build({ ...options, paths, cache: false, stage: false, overrides: { ...options.overrides, out: temporary, publish: { notes: true } }, record: memoryRecord(), keys: false });
    await claimFolder(result.keys, keysFolder);
    const notes = (slug: string) => variantsOf(slug, temporary, { ...result.config, publish: { notes: true } }, settings).filter((variant) => variant.kind === 'notes');
    await run(temporary, (slug) => notes(slug).map((variant) => ({ ...variant, file: path.join(result.keys, path.basename(variant.file)) })), copy.decks);
  } finally {
    await folder.remove();
  }
}

/** The lecture's file in the report (the build's, or a new one). */
function fileFor(files: Map<string, VFile>, result: BuildResult, outcome: DeckOutcome): VFile {
  const source = path.relative(process.cwd(), path.resolve(result.root, outcome.deck.source));
  const known = files.get(source);
  if (known) return known;
  const file = new VFile({ path: source, cwd: process.cwd() });
  files.set(source, file);
  return file;
}

/** Overflows and failures as messages on the lecture. */
function reportOutcome(outcome: DeckOutcome, file: VFile): void {
  const lines = outcome.deck.lines ?? [];
  for (const overflow of outcome.overflows) {
    const line = lines[overflow.position - 1] ?? 1;
    // Fitting already reported this slide at the build.
    if (!overflow.notes && file.messages.some((message) => message.ruleId === rules.slideOverflow && message.line === line)) continue;
    const place = { position: { start: { line, column: 1 }, end: { line, column: 1 } } };
    if (overflow.notes) report(file, `Speaker notes of slide ${overflow.slide} overflow the notes area by ${overflow.pixels} px; printed smaller`, rules.notesOverflow, place);
    else report(file, `Slide ${overflow.slide} overflows its page by ${overflow.pixels} px; printed at ${Math.round(overflow.scale * 100)}% in the PDF so nothing is cut off. Split it or shorten it`, rules.slideOverflow, place);
  }
  for (const character of outcome.missing) {
    const line = outcome.deck.glyphs?.[character] ?? 1;
    const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    report(file, `No font has \`${character}\` (${code}): it prints as an empty box. Use another character, or a theme font that has it`, rules.missingGlyph, { position: { start: { line, column: 1 }, end: { line, column: 1 } } });
  }
  if (outcome.error) report(file, `Cannot export the PDF of \`${outcome.deck.slug}\`: ${outcome.error}`, rules.pdfFailed, undefined, 'error');
}
