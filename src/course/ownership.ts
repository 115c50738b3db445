/**
 * Folders the tool writes into and deletes from — the output, the answer
 * keys, the cache — must be its own: a marker file written with the first
 * build says so. A folder that holds anything else (the home folder, the
 * course itself, a folder of slides someone keeps by hand) is refused before
 * a single file is written, so no setting can make a build overwrite or
 * delete what the user had.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import { ConfigError } from '../config/load.js';

/** One kind of folder the tool owns. */
export interface FolderKind {
  /** The marker file's name inside the folder. */
  marker: string;
  /** The marker's content. */
  content: string;
  /** How the folder is named to users: "output folder". */
  label: string;
  /** How to choose another: "`--out` or the config key `out`". */
  setting: string;
  /** The entries of a folder without a marker that are not what an older version of the tool (before markers) wrote. */
  foreign: (names: string[], folder: string) => string[];
}

const temporary = /\.tmp$/;

/** The output folder (`dist/`): replaced as a whole by every build. */
export const outputFolder: FolderKind = {
  marker: '.lecture-output',
  content: 'This folder is written by `lecture build` and replaced by each build: do not keep your own files here.\n',
  label: 'output folder',
  setting: '`--out` or the config key `out`',
  // Builds before markers kept their deck list here; any folder holding it was a build's.
  foreign: (names) => (names.includes('.lecture-decks.json') ? [] : names),
};

/** The answer keys (`quiz-keys/`): written next to the course, never published. */
export const keysFolder: FolderKind = {
  marker: '.lecture-keys',
  content: 'Quiz answer keys and private notes written by `lecture build` and `lecture pdf`. Never publish this folder.\n',
  label: 'answer-key folder',
  setting: 'the config key `quiz.keys`',
  foreign: (names, folder) => names.filter((name) => !(name === 'quiz-key.md' || name.endsWith('-answers.pdf') || name.endsWith('-notes.pdf') || temporary.test(name) || (name.endsWith('.json') && isDeckKey(path.join(folder, name))))),
};

/** Classroom results and journals (`quiz-results/`): students' answers, never published. */
export const resultsFolder: FolderKind = {
  marker: '.lecture-results',
  content: 'Classroom results written by `lecture serve --classroom`. Never publish this folder.\n',
  label: 'results folder',
  setting: 'the config key `classroom.results`',
  foreign: (names) => names,
};

/** The build cache (`.lecture-cache/`), tagged as a cache for backup tools (bford.info/cachedir). */
export const cacheFolder: FolderKind = {
  marker: 'CACHEDIR.TAG',
  content: 'Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by lecture (the build cache).\n',
  label: 'cache folder',
  setting: '`--no-cache` or the config key `cache`',
  foreign: (names) => names.filter((name) => !/^([0-9a-f]{24}\.json|decks-[0-9a-f]{16}\.json|check-[a-z-]+\.json|quiz-secret|fit|fonts)$/.test(name) && !temporary.test(name)),
};

/** Whether `file` is an answer key this tool wrote. */
export function isDeckKey(file: string): boolean {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { deck?: unknown; quizzes?: unknown };
    return typeof value.deck === 'string' && Array.isArray(value.quizzes);
  } catch {
    return false;
  }
}

/**
 * Throw a `ConfigError` unless `folder` is missing, empty, marked as ours or
 * holds only what an older build wrote. Nothing is written.
 */
export function assertOwned(folder: string, kind: FolderKind, shown: string): void {
  const info = statSync(folder, { throwIfNoEntry: false });
  if (!info) return;
  if (!info.isDirectory()) throw new ConfigError(`The ${kind.label} \`${shown}\` is a file, not a folder; choose another with ${kind.setting}`);
  const entries = readdirSync(folder);
  if (entries.includes(kind.marker)) return;
  const foreign = kind.foreign(entries, folder);
  if (foreign.length === 0) return;
  const listed = foreign.slice(0, 3).map((name) => `\`${name}\``).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '');
  throw new ConfigError(
    `The ${kind.label} \`${shown}\` holds files that lecture did not write (${listed}); they could be overwritten or deleted. Choose an empty or new folder with ${kind.setting}, or empty it first`,
  );
}

/** Mark `folder` (which must exist) as ours. */
export async function markOwned(folder: string, kind: FolderKind): Promise<void> {
  await writeAtomically(path.join(folder, kind.marker), kind.content);
}

/** Create `folder` when missing and mark it as ours (once checked with `assertOwned`). */
export async function claimFolder(folder: string, kind: FolderKind): Promise<void> {
  if (existsSync(path.join(folder, kind.marker))) return;
  await mkdir(folder, { recursive: true });
  await markOwned(folder, kind);
}
