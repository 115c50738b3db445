/**
 * Find the lectures of a course: every `.md` file in the lectures folder, and
 * every folder below it that holds `.md` files next to their images. Each
 * lecture gets the output folder name (slug) it is built into.
 */
import { existsSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

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
  return name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || /^readme\.md$/i.test(name);
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

/** Every lecture under `folder`, sorted by path. */
export async function discoverLectures(folder: string): Promise<Lecture[]> {
  if (!existsSync(folder)) return [];
  const lectures: Lecture[] = [];
  await walk(folder, [], lectures);
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

/** What a folder entry is, following symbolic links; a dangling link counts as a file (reading it reports the problem). */
function kindOf(folder: string, entry: Dirent): 'file' | 'folder' {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : 'file';
  try {
    return statSync(path.join(folder, entry.name)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'file';
  }
}

async function walk(folder: string, trail: string[], lectures: Lecture[]): Promise<void> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((entry) => !isIgnored(entry.name));
  const markdown = entries.filter((entry) => kindOf(folder, entry) === 'file' && entry.name.toLowerCase().endsWith('.md'));
  const alone = trail.length > 0 && markdown.length === 1;
  for (const entry of markdown) {
    const stem = entry.name.replace(/\.md$/i, '');
    const parts = alone ? trail : [...trail, stem];
    lectures.push({ source: path.join(folder, entry.name), slug: toFolderName(parts.join('-')) });
  }
  // A lecture folder's subfolders hold its images; only plain folders are searched further.
  if (trail.length > 0 && markdown.length > 0) return;
  for (const entry of entries) {
    if (kindOf(folder, entry) === 'folder') await walk(path.join(folder, entry.name), [...trail, entry.name], lectures);
  }
}

/**
 * The lectures named on the command line: `.md` files or lecture folders,
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
    if (matches.length === 0 && !isFolder && absolute.toLowerCase().endsWith('.md')) {
      matches.push({ source: absolute, slug: toFolderName(path.basename(absolute, path.extname(absolute))) });
    }
    if (matches.length === 0) throw new LectureNotFoundError(`\`${request}\` holds no lecture (a \`.md\` file)`);
    for (const match of matches) chosen.add(match);
  }
  return [...chosen];
}
