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
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { version } = manifest;

// Our dependencies are installed, so never inlined (test/package.test.ts checks that no other installed package is either).
const external = Object.keys(manifest.dependencies).flatMap((name) => [name, `${name}/*`]);

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

/**
 * Two of micromark's steps made linear, in the bundle (the package's
 * `exports` reach neither module at run time; `syntax/linear-edits.ts`
 * does the same for a class it can reach). Each patch is checked where it
 * applies, and a test compares the bundle's trees with the unpatched
 * parser's on the fixture corpus and on long paragraphs
 * (`test/micromark-patches.test.ts`).
 *
 * - `initialize/text.js` merged adjacent `data` events with one `splice`
 *   per run, each moving every event after it: a paragraph of n lines cost
 *   n² (40,000 lines, 10 s). Merged in one pass instead.
 * - `initialize/document.js` decided whether a lazy line (continuing a
 *   paragraph inside a block quote or list item without its marker) still
 *   continues something by walking the flow's events backwards to a token
 *   still open, the paragraph's, at its start: n lazy lines, n²/2 steps.
 *   The walk only asks whether such a token exists: the one found last time
 *   is tried first, and when it is still open the answer is the same.
 */
const open = (index) =>
  `childFlow.events[${index}][1].start.offset < lineStartOffset && (!childFlow.events[${index}][1].end || childFlow.events[${index}][1].end.offset > lineStartOffset)`;
const micromarkEdits = {
  document: [
    [/(\n\s*let childToken;?\n)/, '$1  let lazyOpen = 0;\n  let lazyOpenFlow;\n'],
    [/(if \(self\.parser\.lazy\[token\.start\.line\]\) \{\n)(\s*let index = childFlow\.events\.length;)/, `$1      if (lazyOpenFlow === childFlow && lazyOpen < childFlow.events.length && ${open('lazyOpen')}) return;\n$2`],
    [/(part of something\.\n)(\s*)return;/, '$1$2lazyOpenFlow = childFlow;\n$2lazyOpen = index;\n$2return;'],
  ],
  text: [
    [
      /function resolveAllText\(events, context\) \{[\s\S]*?return extraResolver \? extraResolver\(events, context\) : events;/,
      `function resolveAllText(events, context) {
    let write = 0;
    let index = 0;
    while (index < events.length) {
      const event = events[index];
      if (event[1].type === "data" && index + 1 < events.length) {
        let end = index + 2;
        while (end < events.length && events[end][1].type === "data") end++;
        if (end !== index + 2) event[1].end = events[end - 1][1].end;
        events[write++] = event;
        events[write++] = events[index + 1];
        index = end;
      } else {
        events[write++] = event;
        index++;
      }
    }
    events.length = write;
    return extraResolver ? extraResolver(events, context) : events;`,
    ],
  ],
};
const linearMicromark = {
  name: 'linear-micromark',
  setup(build) {
    build.onLoad({ filter: /micromark[\\/]lib[\\/]initialize[\\/](document|text)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const name = /(document|text)\.js$/.exec(args.path)[1];
      let contents = source;
      let patched = true;
      for (const [pattern, replacement] of micromarkEdits[name]) {
        const next = contents.replace(pattern, replacement);
        patched &&= next !== contents;
        contents = next;
      }
      const warnings = patched ? [] : [{ text: `micromark changed: initialize/${name}.js is not patched and stays quadratic` }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

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
  plugins: [unnamedVisitors, linearMicromark],
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
