/**
 * Remote results kept on disk (`<cache>/links.json`), so a CI rerun asks the
 * network only about links it has not seen lately. Only settled answers are
 * kept: a link that could not be verified is asked about again next time.
 */
import { JsonStore } from '../json-store.js';
import type { LinkResult } from './verify.js';

interface Entry {
  /** When it was checked, in milliseconds since the epoch. */
  checked: number;
  result: LinkResult;
}

/** The link cache of one run. */
export class LinkCache {
  readonly #store: JsonStore<Entry>;
  readonly #maxAge: number;

  /** A cache in `folder` (none when `undefined`) whose entries live `maxAge` milliseconds. */
  constructor(folder: string | undefined, maxAge: number) {
    this.#store = new JsonStore(folder, 'links.json');
    this.#maxAge = maxAge;
  }

  load(): Promise<void> {
    return this.#store.load();
  }

  /** The fresh result for `url`; with `ids`, only one that holds the page's ids. */
  get(url: string, ids: boolean): LinkResult | undefined {
    const entry = this.#store.get(url);
    if (!entry || Date.now() - entry.checked > this.#maxAge) return undefined;
    if (ids && entry.result.status !== 'dead' && entry.result.ids === undefined) return undefined;
    return entry.result;
  }

  set(url: string, result: LinkResult): void {
    if (result.status === 'unverified' || result.status === 'skipped') return;
    this.#store.set(url, { checked: Date.now(), result });
  }

  save(): Promise<void> {
    const now = Date.now();
    return this.#store.save((entry) => now - entry.checked <= this.#maxAge);
  }
}
