/**
 * Facts of unchanged lectures, kept in `<cache>/check-lectures.json`: a
 * lecture whose text, configuration, referenced files and tool are the same
 * as last time is not parsed again (parsing is most of a warm run's time).
 */
import { createHash } from 'node:crypto';
import { snapshot, toolFingerprint } from '../course/cache.js';
import type { Config } from '../config/schema.js';
import { JsonStore } from './json-store.js';
import type { LectureFacts } from './types.js';

interface Entry {
  key: string;
  facts: LectureFacts;
  /** `size:mtime` (or `missing`) of each referenced file when checked. */
  states: string[];
}

/** The lecture cache of one check run. */
export class LectureCache {
  readonly #store: JsonStore<Entry>;
  readonly #context: string;

  /** A cache in `folder` (none when `undefined`) for lectures checked with `config`. */
  constructor(folder: string | undefined, config: Config, root: string, cwd: string) {
    this.#store = new JsonStore(folder, 'check-lectures.json');
    // Severities and remote settings are applied after the facts, so they do not invalidate them.
    const { rules: _rules, check: _check, ...rest } = config;
    this.#context = folder === undefined ? '' : JSON.stringify({ tool: toolFingerprint(), config: rest, root, cwd });
  }

  load(): Promise<void> {
    return this.#store.load();
  }

  #key(text: string): string {
    return createHash('sha256').update(this.#context).update('\0').update(text).digest('hex');
  }

  /** The facts of `source` if neither it nor anything it refers to changed. */
  async get(source: string, text: string): Promise<LectureFacts | undefined> {
    const entry = this.#store.get(source);
    if (!entry || entry.key !== this.#key(text)) return undefined;
    const states = await Promise.all(entry.facts.files.map(snapshot));
    return states.every((state, index) => state === entry.states[index]) ? entry.facts : undefined;
  }

  async set(source: string, text: string, facts: LectureFacts): Promise<void> {
    if (!this.#store.enabled) return;
    this.#store.set(source, { key: this.#key(text), facts, states: await Promise.all(facts.files.map(snapshot)) });
  }

  save(): Promise<void> {
    return this.#store.save();
  }
}
