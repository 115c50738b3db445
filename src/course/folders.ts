/**
 * The folders of a course and what may be written where, settled once before
 * anything is read or written: the lectures lie inside the course, the shared
 * folders a config allows lie inside its repository, and the output, the
 * answer keys and the cache are folders of the tool's own that neither hold
 * nor lie inside the course's sources, nor inside each other.
 */
import path from 'node:path';
import { allowProblems, createScope, isInside, realPath, type Scope } from '../assets/scope.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { assertOwned, cacheFolder, keysFolder, outputFolder, resultsFolder, type FolderKind } from './ownership.js';

/** Where a course's files are, with symbolic links resolved. */
export interface CourseFolders {
  root: string;
  lectures: string;
  out: string;
  keys: string;
  /** The cache folder, or `false` when the course has none (or the command uses none). */
  cache: string | false;
  /**
   * Where the build keeps its own records (the list of decks, which names
   * source files, so never in the output): the cache folder, also with
   * `--no-cache`; `false` with the config's `cache: false`.
   */
  records: string | false;
  /** The folders lectures may read files from. */
  scope: Scope;
}

/** What a command writes: the build writes everything, `check` only its cache. */
export interface FolderOptions {
  /** `false` when the command uses no cache. @default true */
  cache?: boolean | undefined;
  /** Whether the command writes the output and the answer keys. @default true */
  output?: boolean | undefined;
}

/** The classroom's results folder of the course at `root`, checked like the answer keys (the course, the output and the lectures are off limits, and it holds only what the tool wrote). */
export function resultsFolderOf(folders: CourseFolders, config: Config): string {
  const results = realPath(path.resolve(folders.root, config.classroom.results));
  checkOwnFolder(folders, results, resultsFolder, config.classroom.results);
  return results;
}

/** Check the folders of the course at `root` under `config`; throws `ConfigError` when one is unsafe. */
export function courseFolders(root: string, config: Config, options: FolderOptions = {}): CourseFolders {
  const problems = allowProblems(root, config.assets.allow);
  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  const real = realPath(root);
  const lectures = realPath(path.resolve(root, config.lectures));
  if (!isInside(lectures, real)) throw new ConfigError(`The lectures folder \`${config.lectures}\` is outside the course folder; lectures must be inside it`);
  const folders: CourseFolders = {
    root: real,
    lectures,
    out: realPath(path.resolve(root, config.out)),
    keys: realPath(path.resolve(root, config.quiz.keys)),
    cache: options.cache === false || config.cache === false ? false : realPath(path.resolve(root, config.cache)),
    records: config.cache === false ? false : realPath(path.resolve(root, config.cache)),
    scope: createScope(root, config.assets.allow),
  };
  if (options.output !== false) {
    checkOutput(folders, config.out);
    checkOwnFolder(folders, folders.keys, keysFolder, config.quiz.keys);
  }
  if (folders.records !== false) checkOwnFolder(folders, folders.records, cacheFolder, String(config.cache));
  return folders;
}

function checkOutput(folders: CourseFolders, shown: string): void {
  const { root, out, lectures } = folders;
  if (isInside(root, out) || isInside(out, lectures) || isInside(lectures, out)) {
    throw new ConfigError(`Output folder \`${shown}\` would overwrite the course; choose a folder of its own such as \`dist\``);
  }
  assertOwned(out, outputFolder, shown);
}

/** The keys and the cache: never the course, its lectures or its output, nor inside them. */
function checkOwnFolder(folders: CourseFolders, folder: string, kind: FolderKind, shown: string): void {
  const { root, out, lectures } = folders;
  const clash =
    isInside(root, folder) ? 'holds the course itself'
    : isInside(folder, out) || isInside(out, folder) ? `overlaps the output folder, which is published`
    : isInside(folder, lectures) || isInside(lectures, folder) ? 'overlaps the lectures folder'
    : undefined;
  if (clash) throw new ConfigError(`The ${kind.label} \`${shown}\` ${clash}; choose a folder of its own with ${kind.setting}`);
  assertOwned(folder, kind, shown);
}
