/**
 * The folder of this package (where `themes/` lives), found from the running
 * module whether it runs from `src/` under the tests or from the bundle in
 * `lib/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The absolute path of the `lecture` package. */
export function packageRoot(): string {
  if (root) return root;
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'lecture-cli') return (root = folder);
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error('Cannot find the lecture package folder');
    folder = parent;
  }
}
