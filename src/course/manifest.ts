/**
 * The list of decks in the output folder, kept between builds so building
 * one lecture (`lecture build lectures/02-images`) keeps the others on the
 * course page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import type { DeckSummary } from '../render/course-page.js';

const manifestName = '.lecture-decks.json';

/** The decks recorded by earlier builds (none when there is no readable record). */
export async function readManifest(out: string): Promise<DeckSummary[]> {
  try {
    const value: unknown = JSON.parse(await readFile(path.join(out, manifestName), 'utf8'));
    return Array.isArray(value) ? (value as DeckSummary[]) : [];
  } catch {
    return [];
  }
}

/** Record the decks of the output folder. */
export async function writeManifest(out: string, decks: DeckSummary[]): Promise<void> {
  await writeAtomically(path.join(out, manifestName), `${JSON.stringify(decks, null, 2)}\n`);
}
