/**
 * A script bundled as the tool ships (one file, with the bundle's own
 * changes to its dependencies, `scripts/bundle-plugins.mjs`), so what a fuzz
 * run, a fuzz fixture or the bench's floor runs is the patched parser that
 * ships, and it starts without a TypeScript loader.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundlePlugins } from '../scripts/bundle-plugins.mjs';

/** Bundle `entry` into `folder` (as `<name>.mjs`); the bundle's URL. */
export async function bundleWorker(entry: string, folder: string): Promise<URL> {
  const outfile = path.join(folder, `${path.basename(entry).replace(/\.[cm]?[jt]s$/, '')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['puppeteer-core'],
    plugins: bundlePlugins,
    banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return pathToFileURL(outfile);
}
