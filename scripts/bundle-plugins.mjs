/**
 * The esbuild plugins of the bundle (`bundle.mjs`), shared with the fuzz
 * harness (`fuzz/run.ts`), so that what is fuzzed is what ships: changes
 * made to dependencies' source as it is bundled.
 */
import { readFile } from 'node:fs/promises';

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

/** Every plugin, in order. */
export const bundlePlugins = [unnamedVisitors, linearMicromark];
