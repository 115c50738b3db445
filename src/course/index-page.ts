/**
 * Writing the course page (`index.html` of the output folder): the decks
 * built now and the ones recorded before, each with the downloads that are
 * really its own (see `downloads.ts`), and the "download all" ZIP file.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { writeAtomically } from '../assets/write.js';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { slugify } from '../mdast/slug.js';
import { renderCoursePage, type DeckSummary } from '../render/course-page.js';
import { comparePaths, type Lecture } from './discover.js';
import { writeDownloadAll } from './download-all.js';
import { findDownloads, type Downloads } from './downloads.js';
import { decksFromPages, legacyRecord, type DeckRecord } from './manifest.js';

/** Where the course page goes and what it knows. */
export interface PageContext {
  out: string;
  root: string;
  config: Config;
  record: DeckRecord;
}

/** PDFs left off the page: printed from another version of their deck. */
export type StalePdfs = Downloads['stale'];

/**
 * Write the course page for the lectures that exist now (`all`): the decks
 * of `built`, and the ones recorded by earlier builds. Returns every deck it
 * lists and the PDFs it left off.
 */
export async function writeCoursePage(context: PageContext, built: DeckSummary[], all: Lecture[]): Promise<{ decks: DeckSummary[]; stale: StalePdfs }> {
  const decks = await listDecks(context, built, all);
  const stale = await renderCourse(context.out, context.config, decks);
  await writeAtomically(path.join(context.out, '.nojekyll'), '');
  return { decks, stale };
}

/** The decks of the lectures that exist now (`all`): `built`, and the ones recorded before; recorded again. */
export async function listDecks(context: PageContext, built: DeckSummary[], all: Lecture[]): Promise<DeckSummary[]> {
  const { out, root, record } = context;
  const existing = new Set(all.map((lecture) => sourceOf(root, lecture)));
  const fresh = new Set(built.map((deck) => deck.slug));
  const recorded = (await record.read()) ?? (await decksFromPages(out, all.filter((lecture) => !fresh.has(lecture.slug)), root));
  const previous = recorded.filter((deck) => existing.has(deck.source));
  const bySlug = new Map([...previous, ...built].map((deck) => [deck.slug, deck]));
  const decks = [...bySlug.values()].sort((a, b) => comparePaths(a.source, b.source));
  await record.write(decks);
  // The record is the build's own and names source files: an older build kept it in the output.
  await rm(path.join(out, legacyRecord), { force: true });
  return decks;
}

/** Write `out/index.html` listing `decks` with their downloads; returns the PDFs left off. */
export async function renderCourse(out: string, config: Config, decks: DeckSummary[]): Promise<StalePdfs> {
  const downloads = await findDownloads(out, decks, config);
  const downloadAll = await writeDownloadAll(out, downloads.pdfs);
  const filename = `${slugify(config.title) || 'course'}-pdfs.zip`;
  const emoji = decks.some((deck) => deck.emoji || deck.symbols);
  await writeAtomically(path.join(out, 'index.html'), renderCoursePage(config.title, downloads.decks, config.lang, config.strings, { downloadAll, filename, emoji }));
  return downloads.stale;
}

/**
 * Report each stale PDF on its lecture: on the file of `files` that is that
 * lecture's, else on a new file added to `files`.
 */
export function reportStale(stale: StalePdfs, files: VFile[], root: string): void {
  for (const { deck, href, kind } of stale) {
    const shown = path.relative(process.cwd(), path.resolve(root, deck.source));
    let file = files.find((candidate) => path.resolve(candidate.cwd, candidate.path) === path.resolve(root, deck.source));
    if (!file) files.push((file = new VFile({ path: shown, cwd: process.cwd() })));
    const command = kind === 'handout' ? 'lecture pdf --handout <n>' : kind === 'notes' ? 'lecture pdf --notes' : 'lecture pdf';
    report(file, `\`${href}\` was printed from an earlier version of this deck; it is left off the course page until \`${command}\` prints it again`, rules.stalePdf, undefined);
  }
}

function sourceOf(root: string, lecture: Lecture): string {
  return path.relative(root, lecture.source).split(path.sep).join('/');
}
