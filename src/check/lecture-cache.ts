/**
 * Facts of unchanged lectures, kept in `<cache>/check-lectures.json`: a
 * lecture whose text, configuration, referenced files and tool are the same
 * as last time is not parsed again (parsing is most of a warm run's time).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import { snapshot, toolFingerprint } from '../build/cache.js';
import type { Config } from '../config/schema.js';
import type { LectureFacts } from './types.js';

interface Entry {
  key: string;
  facts: LectureFacts;
  /** `size:mtime` (or `missing`) of each referenced file when checked. */
  states: string[];
}

/** The lecture cache of one check run. */
export class LectureCache {
  readonly #file: string | undefined;
  readonly #context: string;
  #entries: Record<string, Entry> = {};
  #changed = false;

  /** A cache in `folder` (none when `undefined`) for lectures checked with `config`. */
  constructor(folder: string | undefined, config: Config, root: string, cwd: string) {
    this.#file = folder === undefined ? undefined : path.join(folder, 'check-lectures.json');
    // Severities and remote settings are applied after the facts, so they do not invalidate them.
    const { rules: _rules, check: _check, ...rest } = config;
    this.#context = folder === undefined ? '' : JSON.stringify({ tool: toolFingerprint(), config: rest, root, cwd });
  }

  async load(): Promise<void> {
    if (!this.#file) return;
    try {
      const data = JSON.parse(await readFile(this.#file, 'utf8')) as { version?: number; entries?: Record<string, Entry> };
      if (data.version === 1 && data.entries) this.#entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one.
    }
  }

  #key(text: string): string {
    return createHash('sha256').update(this.#context).update('\0').update(text).digest('hex');
  }

  /** The facts of `source` if neither it nor anything it refers to changed. */
  async get(source: string, text: string): Promise<LectureFacts | undefined> {
    const entry = this.#file ? this.#entries[source] : undefined;
    if (!entry || entry.key !== this.#key(text)) return undefined;
    const states = await Promise.all(entry.facts.files.map(snapshot));
    return states.every((state, index) => state === entry.states[index]) ? entry.facts : undefined;
  }

  async set(source: string, text: string, facts: LectureFacts): Promise<void> {
    if (!this.#file) return;
    this.#entries[source] = { key: this.#key(text), facts, states: await Promise.all(facts.files.map(snapshot)) };
    this.#changed = true;
  }

  async save(): Promise<void> {
    if (!this.#file || !this.#changed) return;
    await writeAtomically(this.#file, JSON.stringify({ version: 1, entries: this.#entries }));
  }
}
