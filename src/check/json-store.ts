/**
 * A JSON file of entries by key in the cache folder, read once and written
 * back only when something changed; the checker's lecture and link caches
 * keep their entries in one each. No folder, no file: nothing is kept.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';

export class JsonStore<Entry> {
  readonly #file: string | undefined;
  #entries: Record<string, Entry> = {};
  #changed = false;

  /** The store `name` in `folder` (none when `undefined`). */
  constructor(folder: string | undefined, name: string) {
    this.#file = folder === undefined ? undefined : path.join(folder, name);
  }

  /** Whether entries are kept at all. */
  get enabled(): boolean {
    return this.#file !== undefined;
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

  get(key: string): Entry | undefined {
    return this.#entries[key];
  }

  set(key: string, entry: Entry): void {
    this.#entries[key] = entry;
    this.#changed = true;
  }

  /** Write the entries back, those `keep` accepts, when any changed. */
  async save(keep: (entry: Entry) => boolean = () => true): Promise<void> {
    if (!this.#file || !this.#changed) return;
    const kept = Object.fromEntries(Object.entries(this.#entries).filter(([, entry]) => keep(entry)));
    await writeAtomically(this.#file, JSON.stringify({ version: 1, entries: kept }));
  }
}
