/**
 * What the course page offers each deck's students to download: the PDFs
 * in the output folder (written by `lecture pdf`, `lecture build --pdf`, or
 * gathered from CI jobs that each exported a share) and the single-file
 * deck. A PDF is linked only when it was printed from the deck as it is
 * now: each PDF carries its deck's fingerprint (`/LectureDeck` in its
 * document properties, see `export/metadata.ts`), and one that differs is
 * left off the page and reported. The speaker-notes PDF is linked only when
 * notes are public (`publish.notes`); answer PDFs never go into the output.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/schema.js';
import type { StringId } from '../i18n/strings.js';
import type { DeckSummary } from '../render/course-page.js';

/** Where each PDF of a deck goes, relative to the output folder. */
export const pdfPaths = {
  slides: (slug: string) => `${slug}/${slug}.pdf`,
  notes: (slug: string) => `${slug}/${slug}-notes.pdf`,
  handout: (slug: string) => `${slug}/${slug}-handout.pdf`,
};

/**
 * Where the self-contained copy of a deck goes (`output.singleFile`):
 * `<slug>/<slug>.html`, never the deck's own `index.html`, which a lecture
 * named `index.qmd` (as Quarto projects name theirs) would otherwise share
 * (its copy overwrote the deck, or, without copies, the deck was removed as
 * a stale one).
 */
export const singleFilePath = (slug: string) => `${slug}/${slug === 'index' ? 'index-single' : slug}.html`;

/** A kind of PDF the course page may link, in the order it lists them. */
export type PdfKind = keyof typeof pdfPaths;

const offered: ReadonlyArray<{ kind: PdfKind; string: StringId }> = [
  { kind: 'slides', string: 'course.pdf' },
  { kind: 'handout', string: 'course.handout' },
  { kind: 'notes', string: 'course.notes' },
];

/** A PDF in the output folder that the course page links. */
export interface LinkedPdf {
  deck: DeckSummary;
  kind: PdfKind;
  /** Relative to the output folder. */
  href: string;
  bytes: number;
}

/** What the output folder offers. */
export interface Downloads {
  /** The decks, each with its downloads. */
  decks: DeckSummary[];
  /** Every PDF linked, deck by deck. */
  pdfs: LinkedPdf[];
  /** PDFs left off the page because they were printed from another version of their deck (relative paths). */
  stale: Array<{ deck: DeckSummary; kind: PdfKind; href: string }>;
}

/**
 * The fingerprint a PDF of `deck` must carry to be linked: the deck page's
 * own (see `render/fingerprint.ts`) and its theme stylesheet's, since a
 * theme changes every page printed with it.
 */
export async function expectedSource(out: string, deck: Pick<DeckSummary, 'fingerprint' | 'theme'>): Promise<string | undefined> {
  if (!deck.fingerprint) return undefined;
  const theme = deck.theme ? await readFile(path.join(out, '_assets', 'themes', `${deck.theme}.css`)).catch(() => undefined) : undefined;
  return createHash('sha256').update(deck.fingerprint).update('\u0000').update(theme ?? '').digest('hex').slice(0, 32);
}

const sourcePattern = /\/LectureDeck\s*\(([0-9a-f]{16,64})\)/g;
const tailBytes = 256 * 1024;

/** The deck fingerprint a PDF carries (from its last document properties), if any. */
export async function readSource(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    // The properties are appended at the end of the file; read it all only when they are not there.
    for (const length of size > tailBytes ? [tailBytes, size] : [size]) {
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const found = [...buffer.toString('latin1').matchAll(sourcePattern)].at(-1)?.[1];
      if (found) return found;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The downloads of `decks` in `out`; a notes PDF that is not public is removed from the output. */
export async function findDownloads(out: string, decks: DeckSummary[], config: Config): Promise<Downloads> {
  const pdfs: LinkedPdf[] = [];
  const stale: Downloads['stale'] = [];
  const withLinks: DeckSummary[] = [];
  for (const deck of decks) {
    const expected = await expectedSource(out, deck);
    const downloads: NonNullable<DeckSummary['downloads']> = [];
    for (const { kind, string } of offered) {
      const href = pdfPaths[kind](deck.slug);
      const file = path.join(out, href);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) continue;
      // Notes that are not public must not stay published from an earlier build either.
      if (kind === 'notes' && !config.publish.notes) {
        await rm(file, { force: true });
        continue;
      }
      if (expected === undefined || (await readSource(file)) !== expected) {
        stale.push({ deck, kind, href });
        continue;
      }
      pdfs.push({ deck, kind, href, bytes: info.size });
      downloads.push({ label: string, string, href, bytes: info.size });
    }
    downloads.push(...(await singleFile(out, deck.slug, config)));
    withLinks.push({ ...deck, downloads: downloads.length > 0 ? downloads : undefined });
  }
  return { decks: withLinks, pdfs, stale };
}

/** The single-file deck's link when the build writes them; a leftover one is removed when it does not. */
async function singleFile(out: string, slug: string, config: Config): Promise<NonNullable<DeckSummary['downloads']>> {
  const href = singleFilePath(slug);
  const info = await stat(path.join(out, href)).catch(() => undefined);
  if (!info) return [];
  if (!config.output.singleFile) {
    await rm(path.join(out, href), { force: true });
    return [];
  }
  return [{ label: 'course.singleFile', string: 'course.singleFile', href, bytes: info.size }];
}
