/**
 * The PDFs a deck offers on the course page: the ones present in the output
 * folder (written by `lecture pdf` or `lecture build --pdf`). The speaker-notes
 * PDF is never linked; answer PDFs never go into the output folder at all.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DeckSummary } from '../render/course-page.js';

/** Where each PDF of a deck goes, relative to the output folder. */
export const pdfPaths = {
  slides: (slug: string) => `${slug}/${slug}.pdf`,
  notes: (slug: string) => `${slug}/${slug}-notes.pdf`,
  handout: (slug: string) => `${slug}/${slug}-handout.pdf`,
};

const linked = [
  { label: 'PDF', string: 'course.pdf', path: pdfPaths.slides },
  { label: 'Handout (PDF)', string: 'course.handout', path: pdfPaths.handout },
] as const;

/** `decks` with links to the PDFs that exist under `out`. */
export function withDownloads(out: string, decks: DeckSummary[]): DeckSummary[] {
  return decks.map((deck) => {
    const downloads = linked.filter((link) => existsSync(path.join(out, link.path(deck.slug)))).map((link) => ({ label: link.label, string: link.string, href: link.path(deck.slug) }));
    return { ...deck, downloads: downloads.length > 0 ? downloads : undefined };
  });
}
