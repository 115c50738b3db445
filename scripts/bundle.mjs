/**
 * Bundle the command line and the library with esbuild: one file per entry
 * (plus shared chunks) starts far faster than hundreds of small ES modules.
 * Dependencies with files we copy at run time (reveal.js, KaTeX, fonts) are
 * resolved from node_modules, so they stay external where needed.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * unist-util-visit-parents names every visitor closure it creates after the
 * node it visits (`Object.defineProperty(visit, 'name', …)`), for stack
 * traces while debugging. Every transform walks the tree, so that naming
 * cost about a quarter of a lecture's parse (measured: 18 → 13 ms a lecture
 * warm, and more while the code is still cold in a check worker). The bundle
 * leaves the names out; nothing else changes.
 */
const unnamedVisitors = {
  name: 'unnamed-visitors',
  setup(build) {
    build.onLoad({ filter: /unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/Object\.defineProperty\(visit, 'name', \{[\s\S]*?\}\)/, '');
      const warnings = contents === source ? [{ text: 'unist-util-visit-parents changed: its visitors keep their names (slower parsing)' }] : [];
      return { contents, loader: 'js', warnings };
    });
  },
};

// Chunk names carry a content hash: without this, every compile would leave the last one's chunks behind.
rmSync(new URL('../lib/chunks', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { 'cli/bin': 'src/cli/bin.ts', index: 'src/index.ts', 'course/worker': 'src/course/worker.ts', 'check/worker': 'src/check/worker.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: { LECTURE_VERSION: JSON.stringify(version) },
  // fontverter loads wawoff2, whose WebAssembly builds find their files next to themselves.
  external: ['puppeteer-core', 'fontverter'],
  banner: { js: "import { createRequire as __lectureRequire } from 'node:module'; const require = __lectureRequire(import.meta.url);" },
  plugins: [unnamedVisitors],
  logLevel: 'warning',
});

// The quiz plugin runs in the browser: one classic script, no modules, so decks work from file://.
await build({
  entryPoints: { 'client/quiz': 'src/client/quiz.ts', 'client/serve': 'src/client/serve.ts', 'client/classroom': 'src/client/classroom.ts' },
  outdir: 'lib',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  logLevel: 'warning',
});
