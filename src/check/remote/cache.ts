/**
 * Remote results kept on disk (`<cache>/links.json`), so a CI rerun asks the
 * network only about links it has not seen lately. Only settled answers are
 * kept: a link that could not be verified is asked about again next time.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../../assets/write.js';
import type { LinkResult } from './verify.js';

interface Entry {
  /** When it was checked, in milliseconds since the epoch. */
  checked: number;
  result: LinkResult;
}

/** The link cache of one run. */
export class LinkCache {
  readonly #file: string | undefined;
  readonly #maxAge: number;
  #entries: Record<string, Entry> = {};
  #changed = false;

  /** A cache in `folder` (none when `undefined`) whose entries live `maxAge` milliseconds. */
  constructor(folder: string | undefined, maxAge: number) {
    this.#file = folder === undefined ? undefined : path.join(folder, 'links.json');
    this.#maxAge = maxAge;
  }

  async load(): Promise<void> {
    if (!this.#file) return;
    try {
      const data = JSON.parse(await readFile(this.#file, 'utf8')) as { version?: number; entries?: Record<string, Entry> };
      if (data.version === 1 && data.entries) this.#entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** The fresh result for `url`; with `ids`, only one that holds the page's ids. */
  get(url: string, ids: boolean): LinkResult | undefined {
    const entry = this.#entries[url];
    if (!entry || Date.now() - entry.checked > this.#maxAge) return undefined;
    if (ids && entry.result.status !== 'dead' && entry.result.ids === undefined) return undefined;
    return entry.result;
  }

  set(url: string, result: LinkResult): void {
    if (result.status === 'unverified') return;
    this.#entries[url] = { checked: Date.now(), result };
    this.#changed = true;
  }

  async save(): Promise<void> {
    if (!this.#file || !this.#changed) return;
    const now = Date.now();
    const kept = Object.fromEntries(Object.entries(this.#entries).filter(([, entry]) => now - entry.checked <= this.#maxAge));
    await writeAtomically(this.#file, JSON.stringify({ version: 1, entries: kept }));
  }
}
