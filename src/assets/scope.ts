/**
 * The folders a course may read files from: the course folder itself and the
 * shared folders its config allows (`assets.allow`). Nothing outside them is
 * ever read into the output — not through `../`, an absolute path, a `file:`
 * URL or a symbolic link — since `dist/` is published and a lecture is
 * written by whoever can open a pull request. Paths are compared both as
 * written and with symbolic links resolved.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Where a course may read files from. */
export interface Scope {
  /** The course folder (absolute). */
  root: string;
  /** Every folder files may be read from, absolute: the course folder first, then the allowed ones. */
  folders: readonly string[];
  /** The same folders with symbolic links resolved, in the same order. */
  real: readonly string[];
}

/** The scope of the course at `root`, with the `allow`ed folders (relative to `root`). */
export function createScope(root: string, allow: readonly string[] = []): Scope {
  const folders = [root, ...allow.map((folder) => path.resolve(root, folder))];
  return { root, folders, real: folders.map(realPath) };
}

/** Whether `child` is `parent` or lies below it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/** `target` with symbolic links resolved as far as it exists; the part that does not exist is kept as written. */
export function realPath(target: string): string {
  const absolute = path.resolve(target);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = path.dirname(absolute);
    return parent === absolute ? absolute : path.join(realPath(parent), path.basename(absolute));
  }
}

/** The folder of `scope` that `absolute` lies in as written, or `undefined` when it lies in none. */
export function folderOf(absolute: string, scope: Scope): string | undefined {
  return scope.folders.find((folder) => isInside(absolute, folder));
}

/** Whether `absolute`, with symbolic links resolved, still lies inside the scope; and where it really is. */
export function resolveInScope(absolute: string, scope: Scope): { inside: boolean; real: string } {
  const real = realPath(absolute);
  return { inside: scope.real.some((folder) => isInside(real, folder)), real };
}

/** The git repository holding `folder` (the nearest folder above it with a `.git`), if any. */
export function repositoryOf(folder: string): string | undefined {
  let current = realPath(folder);
  for (;;) {
    if (existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Problems with the `assets.allow` folders of the course at `root`: each must
 * exist and lie inside the repository holding the course, so a config change
 * cannot open the build machine's own folders to the decks.
 */
export function allowProblems(root: string, allow: readonly string[]): string[] {
  const repository = repositoryOf(root);
  const problems: string[] = [];
  for (const folder of allow) {
    const real = realPath(path.resolve(root, folder));
    if (!existsSync(real)) problems.push(`\`assets.allow\`: the folder \`${folder}\` does not exist`);
    else if (!repository) problems.push(`\`assets.allow\`: \`${folder}\` is outside the course folder, and the course is in no git repository; only folders inside the course's repository can be allowed`);
    else if (!isInside(real, repository)) problems.push(`\`assets.allow\`: \`${folder}\` is outside the repository holding the course (\`${repository}\`); only folders inside it can be allowed`);
  }
  return problems;
}
