/**
 * A course with no lectures is a mistake of place, not an empty success:
 * the command was run inside the course's `lectures/` (or a lecture's own
 * folder), or in a folder whose lectures folder holds nothing. Said in one
 * line with where we looked and what to do, before anything is written.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { configNames, lecturesFolder } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { isLectureName, LectureNotFoundError } from './discover.js';

/** The course has no lecture to build or check; the message says where we looked and what to do. */
export class NoLecturesError extends LectureNotFoundError {
  override name = 'NoLecturesError';
}

/** Where a run looked for lectures. */
export interface LectureSearch {
  /** The course folder (the config's folder, or the working folder). */
  root: string;
  /** The lectures folder, absolute. */
  lectures: string;
  /** The lectures folder as the config writes it (`lectures`). */
  setting: string;
  /** How many lectures were found. */
  found: number;
}

/**
 * The course's lectures folder, which must exist (`lecturesFolder`); when it
 * does not because the command runs inside a course, say which course.
 */
export function requireLecturesFolder(root: string, config: Config, paths: readonly string[] = []): string {
  try {
    return lecturesFolder(root, config, paths);
  } catch (error) {
    assertOutsideCourse(root);
    throw error;
  }
}

/** Throw `NoLecturesError` when `root` lies inside another course folder, naming it. */
function assertOutsideCourse(root: string): void {
  const course = enclosingCourse(root);
  if (!course) return;
  const shown = show(course);
  const here = path.resolve(root) === workingFolder() ? 'this folder' : `\`${show(root)}\``;
  throw new NoLecturesError(`No lectures here: ${here} is inside the course folder \`${shown}\`; run lecture from \`${shown}\`, or pass \`--root ${shown}\``);
}

/** Throw `NoLecturesError` when `search` found no lecture, saying why and what to do. */
export function assertLecturesFound(search: LectureSearch): void {
  if (search.found > 0) return;
  assertOutsideCourse(search.root);
  if (!existsSync(search.lectures)) return;
  const stray = markdownIn(search.root);
  const hint = stray ? `; \`${show(path.join(search.root, stray))}\` is beside it, but lectures go inside \`${search.setting}/\`` : '';
  throw new NoLecturesError(`No lectures in \`${show(search.lectures)}/\`: it holds no \`.md\` or \`.qmd\` file${hint}. Run \`lecture init\` to start a course, or pass \`--root\` the course folder`);
}

/**
 * The course folder `folder` lies inside, if any: the nearest folder above
 * it with a config file, or whose `lectures/` holds it.
 */
export function enclosingCourse(folder: string): string | undefined {
  let child = path.resolve(folder);
  for (let parent = path.dirname(child); parent !== child; child = parent, parent = path.dirname(parent)) {
    if (configNames.some((name) => existsSync(path.join(parent, name)))) return parent;
    const lectures = path.join(parent, 'lectures');
    if (path.resolve(folder) === lectures || path.resolve(folder).startsWith(lectures + path.sep)) return parent;
  }
  return undefined;
}

/** A lecture-like file directly in `folder` (not a README), if any. */
function markdownIn(folder: string): string | undefined {
  try {
    return readdirSync(folder).find((name) => isLectureName(name) && !/^readme\.q?md$/i.test(name));
  } catch {
    return undefined;
  }
}

/** The working folder with symbolic links resolved, as the course's folders are. */
function workingFolder(): string {
  try {
    return realpathSync(process.cwd());
  } catch {
    return process.cwd();
  }
}

/** A path as the user would type it from here. */
function show(file: string): string {
  return path.relative(workingFolder(), file) || '.';
}
