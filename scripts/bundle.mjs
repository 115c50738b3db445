/**
 * Bundle the command line and the library with esbuild: one file per entry
 * (plus shared chunks) starts far faster than hundreds of small ES modules.
 *
 * What the bundle inlines is a devDependency; what is installed with the
 * package is never inlined too. The `dependencies` in package.json are only
 * what must stay files of their own: puppeteer-core, fontverter and
 * harfbuzzjs (their WebAssembly builds are files read at run time), packages whose files are
 * copied or read at run time (reveal.js, KaTeX's stylesheet and fonts, the
 * fonts), and the packages our type declarations name (vfile, unified, the
 * @types), with the packages of theirs our code imports too (ws comes with
 * puppeteer-core, devlop with unified, pako with fontverter): no code is both in lib/ and in
 * node_modules/. (A package of which puppeteer-core installs another major
 * version than ours, such as zod 3, is inlined at ours.)
 * mermaid's browser script, the one file of mermaid we use, is copied into
 * lib/vendor/ rather than installing mermaid and its hundred megabytes of
 * dependencies; so is the one face of Noto Color Emoji we use. No source maps are published.
 */
import { build } from 'esbuild';
import { bundlePlugins } from './bundle-plugins.mjs';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { version } = manifest;

// Our dependencies are installed, so never inlined (test/package.test.ts checks that no other installed package is either).
const external = Object.keys(manifest.dependencies).flatMap((name) => [name, `${name}/*`]);

// Chunk names carry a content hash: without this, every compile would leave the last one's chunks behind.
rmSync(new URL('../lib/chunks', import.meta.url), { recursive: true, force: true });
// Source maps of earlier compiles (the bundle writes none now).
for (const name of readdirSync(path.join(root, 'lib'), { recursive: true })) if (String(name).endsWith('.map')) rmSync(path.join(root, 'lib', String(name)));

await build({
  entryPoints: { 'cli/bin': 'src/cli/bin.ts', index: 'src/index.ts', 'course/worker': 'src/course/worker.ts', 'check/worker': 'src/check/worker.ts' },
  outdir: 'lib',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { LECTURE_VERSION: JSON.stringify(version) },
  external,
  banner: { js: "import { createRequire as __lectureRequire } from 'node:module'; const require = __lectureRequire(import.meta.url);" },
  plugins: bundlePlugins,
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

// mermaid's browser bundle, with its licence: drawn diagrams load it into the headless browser.
mkdirSync(path.join(root, 'lib/vendor'), { recursive: true });
copyFileSync(path.join(root, 'node_modules/mermaid/dist/mermaid.min.js'), path.join(root, 'lib/vendor/mermaid.min.js'));
copyFileSync(path.join(root, 'node_modules/mermaid/LICENSE'), path.join(root, 'lib/vendor/mermaid.LICENSE'));

// The emoji face of Noto Color Emoji (5.8 MB of the package's 25 MB), its ranges, version and licence: emoji in PDFs and single files.
const emoji = path.join(root, 'node_modules/@fontsource/noto-color-emoji');
mkdirSync(path.join(root, 'lib/vendor/noto-color-emoji'), { recursive: true });
for (const [from, to] of [['files/noto-color-emoji-emoji-400-normal.woff2', 'font.woff2'], ['unicode.json', 'unicode.json'], ['package.json', 'package.json'], ['LICENSE', 'LICENSE']]) {
  copyFileSync(path.join(emoji, from), path.join(root, 'lib/vendor/noto-color-emoji', to));
}
