/**
 * The list of decks on the course page, kept between builds so building one
 * lecture (`lecture build lectures/02-images`) keeps the others on the
 * course page. It names each deck's source file, so it is the build's own
 * bookkeeping and never published: it lives in the cache folder, one file
 * per output folder (`decks-<hash of the output path>.json`). Without a
 * record (a fresh cache, `cache: false`) the decks already in the output
 * folder are read back from their pages.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import type { DeckSummary } from '../render/course-page.js';
import type { Lecture } from './discover.js';
import { cacheFolder, claimFolder } from './ownership.js';

/** Where the decks of one output folder are recorded. */
export interface DeckRecord {
  /** The decks recorded, or `undefined` when there is no readable record. */
  read(): Promise<DeckSummary[] | undefined>;
  write(decks: DeckSummary[]): Promise<void>;
}

/** The name older versions gave the record, inside the output folder. */
export const legacyRecord = '.lecture-decks.json';

/** The record file of the output folder `out` inside the cache folder `folder`. */
export function recordFile(folder: string, out: string): string {
  return path.join(folder, `decks-${createHash('sha256').update(out).digest('hex').slice(0, 16)}.json`);
}

/**
 * The record of `out` in the cache folder `folder` (none with `false`). An
 * output folder written by an older version is read from its own record once.
 */
export function fileRecord(folder: string | false, out: string): DeckRecord {
  const file = folder === false ? undefined : recordFile(folder, out);
  return {
    read: async () => (file ? await readDecks(file) : undefined) ?? (await readDecks(path.join(out, legacyRecord))),
    write: async (decks) => {
      if (!file || folder === false) return;
      await claimFolder(folder, cacheFolder);
      await writeAtomically(file, `${JSON.stringify(decks, null, 2)}\n`);
    },
  };
}

/** A record kept in memory, for a folder only this process writes (`lecture serve`'s). */
export function memoryRecord(): DeckRecord {
  let decks: DeckSummary[] | undefined;
  return {
    read: async () => decks,
    write: async (next) => {
      decks = next;
    },
  };
}

async function readDecks(file: string): Promise<DeckSummary[] | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(value) ? (value as DeckSummary[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the pages in `out` say about the decks of `lectures` (title,
 * authors, date, slide count), for a course page without a record.
 */
export async function decksFromPages(out: string, lectures: Lecture[], root: string): Promise<DeckSummary[]> {
  const decks: DeckSummary[] = [];
  const pages = lectures.filter((lecture) => existsSync(path.join(out, lecture.slug, 'index.html')));
  if (pages.length === 0) return decks;
  // The HTML parser loads only for a course page without a record.
  const [{ select, selectAll }, { toText }, { parsePage }, { leafSections }] = await Promise.all([
    import('hast-util-select'),
    import('hast-util-to-text'),
    import('../render/parse-page.js'),
    import('../export/print/slides.js'),
  ]);
  for (const lecture of pages) {
    const page = path.join(out, lecture.slug, 'index.html');
    const tree = parsePage(await readFile(page, 'utf8'));
    const title = toText(select('title', tree) ?? { type: 'root', children: [] }).trim();
    const date = select('meta[name="dcterms.date"]', tree)?.properties.content;
    decks.push({
      slug: lecture.slug,
      title: title || lecture.slug,
      author: selectAll('meta[name=author]', tree).map((meta) => String(meta.properties.content ?? '')),
      date: date === undefined ? undefined : String(date),
      slides: leafSections(tree).length,
      quizzes: selectAll('form[data-quiz]', tree).length,
      source: path.relative(root, lecture.source).split(path.sep).join('/'),
    });
  }
  return decks;
}
