/**
 * The packages an install of `lecture-cli` holds: its `dependencies` and
 * theirs, found as Node finds them (the nearest `node_modules` up from the
 * package that asks). The tests check that the bundle inlines none of them
 * (the same package at the same version would then be both in lib/ and in
 * node_modules/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every package installed with the package at `root`: name, version and folder, sorted by name. */
export function installedPackages(root) {
  const found = new Map();
  const visit = (name, from) => {
    for (let folder = from; ; folder = path.dirname(folder)) {
      const manifest = path.join(folder, 'node_modules', name, 'package.json');
      if (existsSync(manifest)) {
        const home = path.dirname(manifest);
        if (found.has(home)) return;
        const { version, dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'));
        found.set(home, { name, version, folder: home });
        for (const next of Object.keys({ ...dependencies, ...optionalDependencies })) visit(next, home);
        return;
      }
      // An optional dependency not installed on this system.
      if (path.dirname(folder) === folder) return;
    }
  };
  const { dependencies = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const name of Object.keys(dependencies)) visit(name, root);
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
