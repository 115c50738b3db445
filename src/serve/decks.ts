/**
 * What a serve session knows of each deck since its last build: the files
 * the lecture read, its messages, the slides that still overflow, and a
 * version bumped when its page changes; and how pages are told about it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { BuildResult, BuiltDecks } from '../course/build.js';
import type { DeckState, Diagnostic, EventHub } from './events.js';
import type { LectureInputs, Plan } from './plan.js';

interface Entry extends LectureInputs {
  slug: string;
  state: DeckState;
  /** Hash of the page last written, to tell a real change from a rebuild that wrote the same page. */
  page?: string | undefined;
}

/** A deck whose page or messages a build changed. */
export interface Changed {
  slug: string;
  /** Whether its page was rewritten with something new. */
  page: boolean;
}

export class DeckBook {
  readonly #cwd: string;
  readonly #entries = new Map<string, Entry>();
  #order: string[] = [];
  /** Messages about the course as a whole (shown on the course page). */
  #course: Diagnostic[] = [];
  #failure: Diagnostic[] = [];
  /** Bumped by every build: the course page may have changed. */
  #courseVersion = 0;

  constructor(cwd: string) {
    this.#cwd = cwd;
  }

  /**
   * Take in a build's result; returns the decks it changed. With `pages:
   * false` the pages are not read again (`recordDecks` took them in while the
   * build went on): only messages and the course are, and no page counts as changed.
   */
  async record(result: BuildResult, folder: string, { pages = true } = {}): Promise<Changed[]> {
    const changed = await this.recordDecks(result, folder, { pages });
    const course = result.files.find((file) => !result.inputs.some((input) => path.resolve(file.cwd, file.path) === input.source));
    this.#course = toDiagnostics(course, this.#cwd);
    this.#reorder(result.listed);
    this.#courseVersion++;
    return changed;
  }

  /** Take in the decks of a build, before the course-level steps are done (`BuildOptions.onDecks`); returns the decks it changed. */
  async recordDecks(built: BuiltDecks, folder: string, { pages = true } = {}): Promise<Changed[]> {
    // Decks were built: the build did not stop as a whole.
    this.#failure = [];
    const messages = new Map(built.files.map((file) => [path.resolve(file.cwd, file.path), file]));
    const changed: Changed[] = [];
    for (const input of built.inputs) {
      const entry = this.#entries.get(input.slug) ?? { ...input, state: { diagnostics: [], overflows: [], version: 0 } };
      this.#entries.set(input.slug, entry);
      Object.assign(entry, { source: input.source, files: input.files });
      const page = pages ? await readFile(path.join(folder, input.slug, 'index.html')).then((bytes) => createHash('sha1').update(bytes).digest('hex')).catch(() => undefined) : undefined;
      const rewritten = page !== undefined && page !== entry.page;
      entry.page = page ?? entry.page;
      if (rewritten) entry.state.version++;
      entry.state.diagnostics = toDiagnostics(messages.get(input.source), this.#cwd);
      entry.state.overflows = built.decks.find((deck) => deck.slug === input.slug)?.overflows ?? entry.state.overflows;
      changed.push({ slug: input.slug, page: rewritten });
    }
    return changed;
  }

  /** Tell the pages of `changed` decks (and, unless `decksOnly`, the course page) what happened. */
  announce(events: EventHub, changed: Changed[], plan: Plan, decksOnly = false): void {
    if (plan.reload) {
      if (!decksOnly) events.send(undefined, 'reload', {});
      return;
    }
    for (const deck of changed) events.send(deck.slug, 'update', { state: this.state(deck.slug), changed: deck.page });
    if (!decksOnly) events.send('', 'course', {});
  }

  /** A build that stopped as a whole: every page shows why; the last good decks stay. */
  announceFailure(events: EventHub, error: Error): void {
    this.#failure = [{ file: 'lecture', severity: 'error', reason: error.message }];
    for (const slug of this.#entries.keys()) events.send(slug, 'update', { state: this.state(slug), changed: false });
  }

  /** The state a new listener of `page` (a slug, or `''` for the course page) starts from. */
  initial(page: string): { event: string; data: unknown } {
    return { event: 'state', data: page === '' ? { diagnostics: [...this.#failure, ...this.#course], overflows: [], version: this.#courseVersion } : this.state(page) };
  }

  /** The version of `page` now (see `initial`). */
  version(page: string): number {
    return page === '' ? this.#courseVersion : (this.#entries.get(page)?.state.version ?? 0);
  }

  state(slug: string): DeckState {
    const entry = this.#entries.get(slug);
    const state = entry?.state ?? { diagnostics: [], overflows: [], version: 0 };
    return { ...state, diagnostics: [...this.#failure, ...state.diagnostics] };
  }

  inputs(): LectureInputs[] {
    return [...this.#entries.values()];
  }

  slugs(): string[] {
    return [...this.#order];
  }

  /** The decks the course page lists, in its order; decks of deleted lectures are forgotten. */
  #reorder(listed: BuildResult['listed']): void {
    this.#order = listed.map((deck) => deck.slug);
    for (const slug of [...this.#entries.keys()]) if (!this.#order.includes(slug)) this.#entries.delete(slug);
  }
}

function toDiagnostics(file: VFile | undefined, cwd: string): Diagnostic[] {
  if (!file) return [];
  return file.messages.map((message) => ({
    file: path.relative(cwd, path.resolve(file.cwd, file.path)) || file.path,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    ruleId: message.ruleId ?? undefined,
  }));
}
