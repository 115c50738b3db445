/**
 * `lecture init` in a folder that is already a project: the files every
 * project has are joined, not refused. `package.json` (`npm init -y`, then
 * `npm install -D lecture-cli`, as the install guide says) gains the scripts
 * and the dependency it lacks, keeping everything it had; `.gitignore` gains
 * the lines it lacks; a `README.md` of the user's is kept as it is. Other
 * files of ours that exist are still refused (or overwritten with `--force`).
 */

/** What to do with a file of ours that already exists: its new content, or `undefined` to keep it. */
export type Merge = (existing: string, ours: string) => string | undefined;

/** Files joined with the user's version instead of overwriting it. */
export const merges: Record<string, Merge> = {
  'package.json': mergePackageJson,
  '.gitignore': mergeGitignore,
  'README.md': () => undefined,
};

type Manifest = Record<string, unknown> & { scripts?: Record<string, string>; devDependencies?: Record<string, string>; dependencies?: Record<string, string> };

/**
 * The user's manifest with our scripts (those whose name is free) and our
 * dev dependency (unless it is already a dependency) added; `undefined` when
 * nothing is missing. Throws `SyntaxError` on a manifest that is not JSON.
 */
export function mergePackageJson(existing: string, ours: string): string | undefined {
  const theirs = JSON.parse(existing) as Manifest;
  const wanted = JSON.parse(ours) as Manifest;
  let changed = false;
  for (const field of ['scripts', 'devDependencies'] as const) {
    for (const [name, value] of Object.entries(wanted[field] ?? {})) {
      const present = theirs[field]?.[name] !== undefined || (field === 'devDependencies' && theirs.dependencies?.[name] !== undefined);
      if (present) continue;
      theirs[field] = { ...theirs[field], [name]: value };
      changed = true;
    }
  }
  if (!changed) return undefined;
  const indent = /^[ \t]+(?=")/m.exec(existing)?.[0] ?? '  ';
  return `${JSON.stringify(theirs, null, indent)}\n`;
}

/** The user's `.gitignore` with our lines it lacks appended; `undefined` when it has them all. */
export function mergeGitignore(existing: string, ours: string): string | undefined {
  const have = new Set(existing.split(/\r?\n/).map((line) => line.trim()));
  const missing = ours.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !have.has(line.trim()));
  if (missing.length === 0) return undefined;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  return `${existing}${separator}\n# lecture\n${missing.join('\n')}\n`;
}
