/**
 * The esbuild plugins of the bundle (`bundle.mjs`), shared with the fuzz
 * harness (`fuzz/run.ts`), so that what is fuzzed is what ships: changes
 * made to dependencies' source as it is bundled.
 */
import { readFile } from 'node:fs/promises';

/**
 * unist-util-visit-parents makes two objects for every node it visits: a
 * closure (`factory(node, index, parents)` returns `visit`, which is then
 * called once) and, before that, a name for the closure after the node
 * (`Object.defineProperty(visit, 'name', …)`, for stack traces while
 * debugging). Every transform walks the tree, so this was about a third of
 * all a lecture's allocation and a quarter of its parse. The bundle makes
 * `visit` a plain function of the node, index and ancestors, called
 * directly: the same steps in the same order, with nothing made per node
 * but the ancestors array of each parent, as before; a test by type is a
 * comparison of the type. A walk of unist-util-visit (whose visitors see
 * only the parent, never the array) does without those arrays too: it marks
 * its visitors, and the walk keeps one array of ancestors, pushed and
 * popped, for them. Measured on a benchmark lecture, warm: 75 → 49 MB
 * allocated per build with the compile context below.
 */
const visitorEdits = [
  // The first call: no closure made and called.
  [/factory\(tree, undefined, \[\]\)\(\)/, 'visit(tree, undefined, [])'],
  // `factory` and its naming give way to `visit` itself; the extra block keeps the braces balanced.
  [/function factory\(node, index, parents\) \{[\s\S]*?\n\s*return visit\n\s*(?:\/\*\*[\s\S]*?\*\/\s*)?function visit\(\) \{/, 'function visit(node, index, parents) {\n {'],
  // Each child: called directly.
  [/factory\(child, offset, grandparents\)\(\)/, 'visit(child, offset, grandparents)'],
  // Visitors that only read the parent share one array of ancestors.
  [/(\n(\s*)const is = convert\(check\)\n)/, '$1$2const shared = enter?.parentOnly === true && (!exit || exit.parentOnly === true)\n$2const byType = typeof check === \'string\'\n'],
  // A test by type (`'element'`, the usual one) compares the type, without unist-util-is's three calls a node.
  [/const matches =\s*!check \|\| is\(node, index, parents\[parents\.length - 1\] \|\| undefined\)/, 'const matches = !check || (byType ? node.type === check : is(node, index, parents[parents.length - 1] || undefined))'],
  [/const grandparents = \[\.\.\.parents, nodeAsParent\]\n/, 'const grandparents = shared ? parents : [...parents, nodeAsParent]\n          if (shared) parents.push(nodeAsParent)\n'],
  [/(offset =\s*typeof subresult\[1\] === 'number' \? subresult\[1\] : offset \+ step\n\s*\})\n/, '$1\n          if (shared) parents.pop()\n'],
];
const visitEdits = [[/(\n(\s*)return overload\n)/, '\n$2overload.parentOnly = true$1']];
const plainVisitors = {
  name: 'plain-visitors',
  setup(build) {
    build.onLoad({ filter: /unist-util-visit-parents[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { contents, patched } = edit(source, visitorEdits);
      const warnings = patched ? [] : [{ text: 'unist-util-visit-parents changed: it still makes a named closure for every node (slower builds)' }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
    build.onLoad({ filter: /unist-util-visit[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { contents, patched } = edit(source, visitEdits);
      const warnings = patched ? [] : [{ text: 'unist-util-visit changed: its walks make an array of ancestors for every parent (slower builds)' }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

/** `source` with each of `edits` made, and whether every one found its place. */
function edit(source, edits) {
  let contents = source;
  let patched = true;
  for (const [pattern, replacement] of edits) {
    const next = contents.replace(pattern, replacement);
    patched &&= next !== contents;
    contents = next;
  }
  return { contents, patched };
}

/**
 * Two of micromark's steps made linear, in the bundle (the package's
 * `exports` reach neither module at run time; `syntax/linear-edits.ts`
 * does the same for a class it can reach). Each patch is checked where it
 * applies, and a test compares the bundle's trees with the unpatched
 * parser's on the fixture corpus and on long paragraphs
 * (`test/bundle-patches.test.ts`).
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
      const { contents, patched } = edit(source, micromarkEdits[name]);
      const warnings = patched ? [] : [{ text: `micromark changed: initialize/${name}.js is not patched and stays quadratic` }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

/**
 * mdast-util-from-markdown calls each event's handler with `this` set to a
 * new object spread from the compile context (`{...context, sliceSerialize}`):
 * one object of nine fields for every event of the document, a tenth of a
 * lecture's parse and much of its garbage. The fields are the same for every
 * event of one tokenizer (only `sliceSerialize` differs between tokenizers),
 * and no handler writes to `this`, so the bundle makes the object once per
 * tokenizer. (Once per run of one tokenizer's events was not enough: a list
 * item's events alternate between three tokenizers, and a list of 10,000
 * items made 32 MB of them.)
 */
const sharedCompileContext = {
  name: 'shared-compile-context',
  setup(build) {
    build.onLoad({ filter: /mdast-util-from-markdown[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const spread = /\{\s*\.\.\.context,\s*sliceSerialize: events\[index\]\[2\]\.sliceSerialize\s*\}/g;
      const declared = source.replace(
        /(\n(\s*)events = prepared;\n)/,
        '$1$2const thisOf = new Map();\n$2let lastTokenizer;\n$2let lastThis;\n$2const contextOf = (tokenizer) => {\n$2  if (tokenizer !== lastTokenizer) {\n$2    lastTokenizer = tokenizer;\n$2    lastThis = thisOf.get(tokenizer);\n$2    if (lastThis === undefined) {\n$2      lastThis = {...context, sliceSerialize: tokenizer.sliceSerialize};\n$2      thisOf.set(tokenizer, lastThis);\n$2    }\n$2  }\n$2  return lastThis;\n$2};\n',
      );
      const contents = declared.replace(spread, 'contextOf(events[index][2])');
      const patched = declared !== source && (source.match(spread) ?? []).length === 3;
      const warnings = patched ? [] : [{ text: 'mdast-util-from-markdown changed: each event still gets a context object of its own (slower parsing)' }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

/**
 * GFM literal autolinks (micromark-extension-gfm-autolink-literal) decide
 * at each `.` or `_` of a domain, and at each punctuation mark of a path,
 * whether the marks from there on trail the link (`https://a.org/b).`):
 * the check reads ahead over every mark of the run. A run of n marks with
 * a letter after it (`https://a.org/b!!!…!c`, a fuzz input of 20 kB: 2 s)
 * cost n²/2. A check that fails stops at a character no trail can hold; a
 * check starting before that character, further into the same run, reads
 * the same marks to the same character and fails too (from `trail`, the
 * state every mark leaves the first check in, or one that accepts less,
 * and a character reference `&amp;` inside the run ends in `trail` as
 * well), so the bundle remembers where the last check failed and takes the
 * marks before it as the path's, as the failed checks would. Checked
 * against the unpatched package on random links of marks
 * (`test/bundle-patches.test.ts`).
 */
const autolinkEdits = [
  [/(\nfunction tokenizeTrail\(effects, ok, nok\) \{\n)/, '\nlet trailFailedAt = -1;\nfunction tokenizeTrail(effects, ok, nokTrail) {\n  const self = this;\n  const nok = (code) => {\n    trailFailedAt = self.now().offset;\n    return nokTrail(code);\n  };\n'],
  [/(\nfunction tokenizePath\(effects, ok\) \{\n)/, '$1  const self = this;\n  let failedUntil = -1;\n'],
  [
    /return effects\.check\(trail, ok, pathAtPunctuation\)\(code\);/,
    'if (self.now().offset < failedUntil) return pathAtPunctuation(code);\n      return effects.check(trail, ok, (next) => {\n        failedUntil = trailFailedAt;\n        return pathAtPunctuation(next);\n      })(code);',
  ],
  [/(\nfunction tokenizeDomain\(effects, ok, nok\) \{\n)/, '$1  const self = this;\n  let failedUntil = -1;\n'],
  [
    /return effects\.check\(trail, domainAfter, domainAtPunctuation\)\(code\);/,
    'if (self.now().offset < failedUntil) return domainAtPunctuation(code);\n      return effects.check(trail, domainAfter, (next) => {\n        failedUntil = trailFailedAt;\n        return domainAtPunctuation(next);\n      })(code);',
  ],
];
const linearAutolinks = {
  name: 'linear-autolinks',
  setup(build) {
    build.onLoad({ filter: /micromark-extension-gfm-autolink-literal[\\/]lib[\\/]syntax\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { contents, patched } = edit(source, autolinkEdits);
      const warnings = patched ? [] : [{ text: 'micromark-extension-gfm-autolink-literal changed: runs of punctuation in links are not patched and stay quadratic' }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

/**
 * Raw HTML in text (micromark-core-commonmark's `html-text.js`): a comment
 * `<!--`, a processing instruction `<?`, a declaration `<!X` or a CDATA
 * section `<![CDATA[` reads on to its closing (`-->`, `?>`, `>`, `]]>`), over
 * lines, to the end of the paragraph if there is none, and then is text. A
 * paragraph of n unclosed openings read the rest of the paragraph n times
 * (a 24 kB fuzz input of `<!--`: 0.7 s; 56 kB of `<![CDATA[`: 2 s). Such a
 * read fails only at the paragraph's end, so it shows that no closing of
 * its kind starts after its opening; an opening of the same kind further on
 * in the same paragraph fails as well, at once (even `<!-->`, which would
 * hold a `-->`). The bundle remembers, per paragraph (text tokenizer), the
 * first opening of each kind whose read failed. Checked against the
 * unpatched package on random paragraphs of openings and closings
 * (`test/bundle-patches.test.ts`).
 */
const htmlTextEdits = [
  [
    /\nfunction tokenizeHtmlText\(effects, ok, nok\) \{\n  const self = this;\n/,
    '\nconst unclosedHtml = new WeakMap();\nfunction tokenizeHtmlText(effects, ok, nok) {\n  const self = this;\n  let openedAt = -1;\n  let unclosed = unclosedHtml.get(self);\n  if (!unclosed) unclosedHtml.set(self, (unclosed = {}));\n  const closedNowhere = (kind) => unclosed[kind] !== undefined && openedAt > unclosed[kind];\n  const neverClosed = (kind) => {\n    if (!(unclosed[kind] <= openedAt)) unclosed[kind] = openedAt;\n  };\n',
  ],
  [/(function start\(code\) \{\n)(\s*)(effects\.enter\("htmlText"\);)/, '$1$2openedAt = self.now().offset;\n$2$3'],
  [/(\n(\s*)if \(code === 63\) \{\n)(\s*effects\.consume\(code\);\n\s*return instruction;)/, '\n$2if (code === 63 && closedNowhere("instruction")) return nok(code);$1$3'],
  [/(\n(\s*)if \(asciiAlpha\(code\)\) \{\n)(\s*effects\.consume\(code\);\n\s*return declaration;)/, '\n$2if (asciiAlpha(code) && closedNowhere("declaration")) return nok(code);$1$3'],
  [/(function commentOpenInside\(code\) \{\n)(\s*)/, '$1$2if (code === 45 && closedNowhere("comment")) return nok(code);\n$2'],
  [/return index === value\.length \? cdata : cdataOpenInside;/, 'return index === value.length ? (closedNowhere("cdata") ? nok : cdata) : cdataOpenInside;'],
  [/(function comment\(code\) \{\n\s*if \(code === null\) \{\n)(\s*)/, '$1$2neverClosed("comment");\n$2'],
  [/(function cdata\(code\) \{\n\s*if \(code === null\) \{\n)(\s*)/, '$1$2neverClosed("cdata");\n$2'],
  [/(function instruction\(code\) \{\n\s*if \(code === null\) \{\n)(\s*)/, '$1$2neverClosed("instruction");\n$2'],
  [/(function declaration\(code\) \{\n)(\s*)/, '$1$2if (code === null) neverClosed("declaration");\n$2'],
];
const linearHtmlText = {
  name: 'linear-html-text',
  setup(build) {
    build.onLoad({ filter: /micromark-core-commonmark[\\/]lib[\\/]html-text\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { contents, patched } = edit(source, htmlTextEdits);
      const warnings = patched ? [] : [{ text: 'micromark-core-commonmark changed: html-text.js is not patched, and unclosed comments in a paragraph stay quadratic' }];
      return { contents: patched ? contents : source, loader: 'js', warnings };
    });
  },
};

/** Every plugin, in order. */
export const bundlePlugins = [plainVisitors, linearMicromark, linearAutolinks, linearHtmlText, sharedCompileContext];
