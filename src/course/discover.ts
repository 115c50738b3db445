/**
 * Find the lectures of a course: every `.md` or `.qmd` (Quarto) file in the
 * lectures folder, and every folder below it that holds such files next to
 * their images; answers files (`<name>-answers.md`, see `answer-file.ts`)
 * are not lectures. Each
 * lecture gets the output folder name (slug) it is built into.
 */
import { existsSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createScope, resolveInScope, type Scope } from '../assets/scope.js';

/** One lecture to build. */
export interface Lecture {
  /** Absolute path of the markdown file. */
  source: string;
  /** Output folder name under `dist/`, unique within the course. */
  slug: string;
}

/** A path given on the command line that is not a lecture. */
export class LectureNotFoundError extends Error {
  override name = 'LectureNotFoundError';
}

/** Files in the lectures folder that are not lectures. */
function isIgnored(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || /^readme\.q?md$/i.test(name);
}

/** Whether a file name is a lecture's: markdown, or Quarto markdown. */
export function isLectureName(name: string): boolean {
  return /\.q?md$/i.test(name);
}

/**
 * Whether `name` (a file name) is an answers file (`answer-file.ts`) rather than a lecture,
 * given the names in its folder: `<name>-answers.md` beside `<name>.md`, and
 * `answers.md` beside any other markdown file (alone, it is a lecture).
 */
export function isAnswerFileName(name: string, siblings: readonly string[]): boolean {
  const lower = name.toLowerCase();
  if (lower === 'answers.md') return siblings.some((other) => other.toLowerCase() !== lower && other.toLowerCase().endsWith('.md') && !/^readme\.md$/i.test(other));
  const match = /^(.+)-answers\.md$/.exec(lower);
  return match !== null && siblings.some((other) => other.toLowerCase() === `${match[1]}.md`);
}

/**
 * A folder or file name made safe for a URL: `02 Images & Layers` →
 * `02-images-layers`. It can never be one of the output's own files: a
 * leading `_` or `.` is dropped (`_assets/`, `_media/`, `.nojekyll` are the
 * build's) and a trailing `.html` becomes `-html` (`index.html.md` would be
 * built into a folder named like the course page).
 */
export function toFolderName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-._]+|[-.]+$/g, '')
      .replace(/\.(html?)$/, '-$1') || 'lecture'
  );
}

/** Where lectures may come from, and whom to tell about a symbolic link that leads out of it. */
export interface DiscoverOptions {
  /** The folders lecture files may really be in. @default the lectures folder */
  scope?: Scope | undefined;
  /** Called for each lecture file or folder that is a symbolic link out of the scope (it is skipped). */
  refuse?: ((source: string, real: string) => void) | undefined;
}

/**
 * Every lecture under `folder`, sorted by path. A lecture file or folder that
 * is a symbolic link out of the scope is skipped: a link to `/proc/self/environ`
 * named `env.md` must not become a published deck.
 */
export async function discoverLectures(folder: string, options: DiscoverOptions = {}): Promise<Lecture[]> {
  if (!existsSync(folder)) return [];
  const lectures: Lecture[] = [];
  await walk(folder, [], lectures, { scope: options.scope ?? createScope(folder), refuse: options.refuse });
  return lectures.sort((a, b) => comparePaths(a.source, b.source));
}

/**
 * The order of lectures: by path ignoring case, then by code point. It is the
 * same on every machine, where `localeCompare` follows the machine's locale
 * (and its first call loads ICU's collator, 12 ms of every command's start).
 */
export function comparePaths(a: string, b: string): number {
  const [foldedA, foldedB] = [a.toLowerCase(), b.toLowerCase()];
  if (foldedA !== foldedB) return foldedA < foldedB ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What a folder entry is, following symbolic links; a dangling link counts as
 * a file (reading it reports the problem). Devices, pipes and sockets are
 * `other`: reading one could block forever.
 */
function kindOf(folder: string, entry: Dirent): 'file' | 'folder' | 'other' {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : entry.isFile() ? 'file' : 'other';
  try {
    const info = statSync(path.join(folder, entry.name));
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'file';
  }
}

/** Whether a symbolic link entry stays inside the scope; reported and skipped when not. */
function staysInside(folder: string, entry: Dirent, options: Required<Pick<DiscoverOptions, 'scope'>> & DiscoverOptions): boolean {
  // Only what could be a lecture counts here; a linked image is the business of the lecture showing it.
  if (!entry.isSymbolicLink() || (!isLectureName(entry.name) && kindOf(folder, entry) !== 'folder')) return true;
  const { inside, real } = resolveInScope(path.join(folder, entry.name), options.scope);
  if (!inside) options.refuse?.(path.join(folder, entry.name), real);
  return inside;
}

async function walk(folder: string, trail: string[], lectures: Lecture[], options: Required<Pick<DiscoverOptions, 'scope'>> & DiscoverOptions): Promise<void> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((entry) => !isIgnored(entry.name) && staysInside(folder, entry, options));
  const names = entries.map((entry) => entry.name);
  // An answers file holds the key to a lecture's questions: it is read with the lecture, never built.
  const markdown = entries.filter((entry) => kindOf(folder, entry) === 'file' && isLectureName(entry.name) && !isAnswerFileName(entry.name, names));
  const alone = trail.length > 0 && markdown.length === 1;
  for (const entry of markdown) {
    const stem = entry.name.replace(/\.q?md$/i, '');
    const parts = alone ? trail : [...trail, stem];
    lectures.push({ source: path.join(folder, entry.name), slug: toFolderName(parts.join('-')) });
  }
  // A lecture folder's subfolders hold its images; only plain folders are searched further.
  if (trail.length > 0 && markdown.length > 0) return;
  for (const entry of entries) {
    if (kindOf(folder, entry) === 'folder') await walk(path.join(folder, entry.name), [...trail, entry.name], lectures, options);
  }
}

/**
 * The lectures named on the command line: `.md` / `.qmd` files or lecture folders,
 * matched against the course's lectures so each keeps its usual slug.
 */
export function selectLectures(all: Lecture[], requested: string[]): Lecture[] {
  const chosen = new Set<Lecture>();
  for (const request of requested) {
    const absolute = path.resolve(request);
    if (!existsSync(absolute)) throw new LectureNotFoundError(`No such file or folder: \`${request}\``);
    const isFolder = statSync(absolute).isDirectory();
    const matches = all.filter((lecture) =>
      isFolder ? lecture.source.startsWith(absolute + path.sep) : lecture.source === absolute,
    );
    if (matches.length === 0 && !isFolder && isLectureName(absolute)) {
      matches.push({ source: absolute, slug: toFolderName(path.basename(absolute, path.extname(absolute))) });
    }
    if (matches.length === 0) throw new LectureNotFoundError(`\`${request}\` holds no lecture (a \`.md\` or \`.qmd\` file)`);
    for (const match of matches) chosen.add(match);
  }
  return [...chosen];
}
