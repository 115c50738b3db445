/**
 * The build cache: a lecture whose source, configuration, course layout and
 * referenced files are unchanged since the last build is not rebuilt; its
 * page and messages come from `.lecture-cache/`. Any change to any of those,
 * or to the tool itself, rebuilds it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mediaFolder } from '../assets/media.js';
import { packageRoot } from '../assets/package-root.js';
import { createScope, resolveInScope, type Scope } from '../assets/scope.js';
import { writeAtomically } from '../assets/write.js';
import type { DeckSummary } from '../render/course-page.js';
import type { FileDependency } from '../types.js';
import type { Lecture } from './discover.js';
import type { BuildContext, LectureResult } from './lecture.js';
import type { MessageData } from './messages.js';

/** A referenced file as it was when the lecture was built. */
interface Snapshot extends FileDependency {
  /** `size:mtime`, or `missing`. */
  state: string;
}

interface Entry {
  key: string;
  result: LectureResult;
  html: string;
  files: Snapshot[];
  /** The page after fitting its slides, with the deck summary and messages fitting changed. */
  fitted?: { html: string; summary: DeckSummary; messages: MessageData[] } | undefined;
}

let fingerprint: string | undefined;

/** Size and modification time of every file of the running tool, so a new build of the tool drops the cache. */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = path.relative(packageRoot(), here).split(path.sep)[0] ?? 'lib';
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const info = statSync(full);
        hash.update(`${full}:${info.size}:${info.mtimeMs}\n`);
      }
    }
  };
  walk(path.join(packageRoot(), code));
  walk(path.join(packageRoot(), 'themes'));
  return (fingerprint = hash.digest('hex'));
}

/** `size:mtime` of a file, or `missing`. */
export async function snapshot(file: string): Promise<string> {
  const info = await stat(file).catch(() => undefined);
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}

/** The course's quiz secret, kept in the cache folder so quiz salts (and pages) stay the same between builds. */
export async function quizSecret(folder: string | false): Promise<string> {
  const fresh = randomBytes(32).toString('hex');
  if (folder === false) return fresh;
  const file = path.join(folder, 'quiz-secret');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (/^[0-9a-f]{64}$/.test(existing.trim())) return existing.trim();
  await writeAtomically(file, `${fresh}\n`);
  return fresh;
}

/** The lecture cache of one course. */
export class BuildCache {
  readonly #folder: string;
  readonly #context: string;
  readonly #scope: Scope;

  constructor(folder: string, context: BuildContext) {
    this.#folder = folder;
    this.#scope = createScope(context.root, context.config.assets.allow);
    // Pages do not depend on where they are written (every URL in them is relative), so `lecture serve`
    // and `lecture build` share entries.
    const { root, config, themes, decks, cwd, classroom, quizSecret } = context;
    // A classroom page differs from a published one, and is made with the session's secret.
    const mode = classroom ? { classroom, quizSecret } : {};
    this.#context = JSON.stringify({ tool: toolFingerprint(), root, config: { ...config, out: undefined }, themes, decks, cwd, ...mode });
  }

  #entryPath(lecture: Lecture): string {
    return path.join(this.#folder, `${createHash('sha256').update(lecture.source).digest('hex').slice(0, 24)}.json`);
  }

  async #key(lecture: Lecture): Promise<string | undefined> {
    const source = await readFile(lecture.source).catch(() => undefined);
    if (!source) return undefined;
    return createHash('sha256').update(this.#context).update(lecture.slug).update('\0').update(source).digest('hex');
  }

  async #entry(lecture: Lecture): Promise<Entry | undefined> {
    const key = await this.#key(lecture);
    if (!key) return undefined;
    const entry = await readFile(this.#entryPath(lecture), 'utf8')
      .then((text) => JSON.parse(text) as Entry)
      .catch(() => undefined);
    return entry?.key === key && entry.result.summary ? entry : undefined;
  }

  /**
   * The result of an unchanged lecture, with its page and copied files
   * restored in the output; else `undefined`. With `fitted`, the page as
   * fitted last time when there is one (the result then says `fitted`).
   */
  async restore(lecture: Lecture, out: string, fitted = false): Promise<LectureResult | undefined> {
    const entry = await this.#entry(lecture);
    if (!entry) return undefined;
    for (const file of entry.files) if ((await snapshot(file.path)) !== file.state) return undefined;
    // A cache folder restored by CI is input like any other: copy nothing it names from outside the course.
    if (!entry.files.every((file) => !file.stored || this.#isSafe(file))) return undefined;
    const wanted = fitted ? entry.fitted : undefined;
    const html = wanted?.html ?? entry.html;
    if (entry.result.summary!.slug !== lecture.slug) return undefined;
    const page = path.join(out, lecture.slug, 'index.html');
    // The page on disk may be missing, or differ (fitted, or not, by the last run).
    if ((await readFile(page, 'utf8').catch(() => undefined)) !== html) await writeAtomically(page, html);
    for (const file of entry.files) {
      const target = file.stored && path.join(out, file.stored);
      if (target && !existsSync(target)) {
        await mkdir(path.dirname(target), { recursive: true });
        await copyFile(file.path, target);
      }
    }
    return wanted ? { ...entry.result, summary: wanted.summary, messages: wanted.messages, fitted: true } : entry.result;
  }

  #isSafe(file: FileDependency): boolean {
    const stored = file.stored!.split('/');
    return stored[0] === mediaFolder && !stored.includes('..') && !path.isAbsolute(file.stored!) && resolveInScope(file.path, this.#scope).inside;
  }

  /** Remember the fitted page of a lecture saved before, with what fitting changed in its summary and messages. */
  async saveFitted(lecture: Lecture, out: string, summary: DeckSummary, messages: MessageData[]): Promise<void> {
    const entry = await this.#entry(lecture);
    if (!entry) return;
    entry.fitted = { html: await readFile(path.join(out, summary.slug, 'index.html'), 'utf8'), summary, messages };
    await writeAtomically(this.#entryPath(lecture), JSON.stringify(entry));
  }

  /** Remember a freshly built lecture. */
  async save(lecture: Lecture, out: string, result: LectureResult, dependencies: FileDependency[]): Promise<void> {
    const key = await this.#key(lecture);
    if (!key || !result.summary || result.messages.some((message) => message.fatal === true)) return;
    const html = await readFile(path.join(out, result.summary.slug, 'index.html'), 'utf8');
    const files = await Promise.all(dependencies.map(async (file) => ({ ...file, state: await snapshot(file.path) })));
    const entry: Entry = { key, result, html, files };
    await writeAtomically(this.#entryPath(lecture), JSON.stringify(entry));
  }
}
