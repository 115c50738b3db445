/**
 * The bundle changes six dependencies as it inlines them
 * (`scripts/bundle-plugins.mjs`): micromark merges adjacent data events in
 * one pass and decides lazy lines without walking the whole paragraph, and
 * raw HTML in text remembers which of its kinds is closed nowhere further
 * on; GFM's literal autolinks remember where a trail check failed;
 * mdast-util-from-markdown makes one handler context per tokenizer, not per
 * event; unist-util-visit-parents calls a plain function per node (no named
 * closure) and shares one ancestors array with unist-util-visit's walks.
 * These tests check that the patches are in `lib/`, and that what ships
 * behaves as the unpatched packages do (the tests' own imports run them from
 * `node_modules`): the parser's trees and messages and the whole page on the
 * fixture corpus and the sample course, long paragraphs and lazy lines, and
 * both walkers on random trees with visitors that skip, stop, jump and
 * remove nodes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../src/config/schema.js';
import { createParser, createProcessor } from '../src/pipeline.js';
import { bundlePlugins } from '../scripts/bundle-plugins.mjs';

type Parser = ReturnType<typeof createParser>;
const library = (await import(path.resolve('lib/index.js'))) as { createParser: typeof createParser; createProcessor: typeof createProcessor };
const bundled = library.createParser(structuredClone(defaultConfig), { chunkSize: Infinity }) as Parser;
const unpatched = createParser(structuredClone(defaultConfig), { chunkSize: Infinity });

function read(parser: Parser, text: string) {
  const file = new VFile({ path: 'lectures/lecture.md', value: text });
  const tree = parser.parse(file);
  return { tree, messages: file.messages.map(({ reason, line, column, ruleId }) => ({ reason, line, column, ruleId })) };
}

const corpus = [path.resolve('test/fixtures'), path.resolve('lectures')].flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name)),
);

describe('the bundle', () => {
  test('holds every patch', () => {
    const chunks = path.resolve('lib/chunks');
    const code = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8')).join('\n');
    expect(code).toContain('lazyOpenFlow = childFlow;');
    // esbuild may rename the patch's variables (`write2`).
    expect(code).toMatch(/function resolveAllText\(events, context\) \{\s+let write\d* = 0;/);
    expect(code).toMatch(/\.call\(contextOf\(events\d*\[index\d*\]\[2\]\)/);
    expect(code).toContain('overload.parentOnly = true;');
    expect(code).toMatch(/if \(shared\) parents\d*\.push\(/);
    expect(code).not.toContain("Object.defineProperty(visit");
    expect(code).toContain('trailFailedAt = self.now().offset;');
    expect(code.match(/&& closedNowhere\("(comment|cdata|instruction|declaration)"\)|closedNowhere\("cdata"\) \?/g)).toHaveLength(4);
    expect(code.match(/if \(self\d*\.now\(\)\.offset < failedUntil\d*\)/g)).toHaveLength(2);
  });

  test('gives the trees and messages of the unpatched parser on the corpus', () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      expect(read(bundled, text), file).toEqual(read(unpatched, text));
    }
  }, 300_000);

  test('builds the pages of the unpatched pipeline on the corpus', async () => {
    const options = { config: structuredClone(defaultConfig), themes: new Set(['white', 'black']), diagrams: false, quizSecret: 'fixed' };
    const shipped = library.createProcessor(options);
    const plain = createProcessor(options);
    const page = async (processor: ReturnType<typeof createProcessor>, text: string) => {
      const file = new VFile({ path: 'lectures/lecture.md', value: text });
      const html = processor.stringify(await processor.run(processor.parse(file), file), file);
      return { html, messages: file.messages.map(({ reason, line, column, ruleId }) => ({ reason, line, column, ruleId })) };
    };
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      expect(await page(shipped, text), file).toEqual(await page(plain, text));
    }
  }, 300_000);

  test('and on long paragraphs, lazy lines and random lectures of them', () => {
    const lines = (count: number, make: (index: number) => string) => Array.from({ length: count }, (_, index) => make(index)).join('\n');
    for (const text of [
      lines(3000, (index) => `word *${index}* and \`code\` and more`),
      `> start\n${lines(3000, (index) => `lazy ${index} **strong**`)}`,
      `- item\n${lines(2000, (index) => `lazy ${index}`)}\n\n- next`,
      `> > deep\n${lines(1000, (index) => (index % 7 === 0 ? `> back ${index}` : `lazy ${index}`))}`,
    ]) {
      expect(read(bundled, text)).toEqual(read(unpatched, text));
    }
    const line = fc.constantFrom('text', 'more *em* text', '> quote', '> > two', '- item', '  - nested', '1. one', '', '    code', '```', '$$', ':::', '::: notes', 'a\\', '**', '`x`', '[a]', '[a]: /u', '# h', '---', '| a | b |');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (parts) => {
        const text = parts.join('\n');
        expect(read(bundled, text)).toEqual(read(unpatched, text));
      }),
      { numRuns: 1500, seed: 31 },
    );
  }, 300_000);

  test('and on literal links followed by runs of punctuation, where the patch skips checks', () => {
    // Square time before the patch: each mark of a run read the rest of the run.
    for (const text of [`x https://a.org/b${'!'.repeat(3000)}c`, `x www.a${'.'.repeat(3000)}b`, `x https://a.org/b${'&amp;'.repeat(600)}c`]) {
      expect(read(bundled, text)).toEqual(read(unpatched, text));
    }
    const start = fc.constantFrom('https://a.org', 'https://a.org/b', 'www.a', 'www.a.org/', 'x@a.org', 'http://a_b.c', '(https://a.org/');
    const piece = fc.constantFrom('!', '.', '_', ')', '(', ']', '[', '&', '&amp;', '&a', ';', '<', '>', '*', '~', '?', ',', ':', '"', "'", 'a', '1', '-', '/', ' ', '\n');
    fc.assert(
      fc.property(start, fc.array(piece, { maxLength: 40 }), fc.constantFrom('', ' x', '.', ')'), (link, pieces, end) => {
        const text = `see ${link}${pieces.join('')}${end}`;
        expect(read(bundled, text)).toEqual(read(unpatched, text));
      }),
      { numRuns: 5000, seed: 32 },
    );
  });

  test('and on raw HTML in text left open, where the patch gives up at once', () => {
    // Square time before the patch: each unclosed opening read the rest of the paragraph.
    for (const unit of ['a <!-- b ', 'a <? b ', 'a <![CDATA[ b ', 'a <!X b ']) {
      const text = `x ${unit.repeat(1500)}\n\n${unit.repeat(3)} -->?>]]>> end`;
      expect(read(bundled, text)).toEqual(read(unpatched, text));
    }
    const piece = fc.constantFrom('<!--', '-->', '<!-->', '<!--->', '--', '<?', '?>', '<!X', '<!', '>', '<![CDATA[', ']]>', ']', '-', '?', 'a', ' ', '\n', '\n\n', '\n> ', '\n- ', '`', '<a>', '*', '[', '](u)');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = `x ${pieces.join('')}`;
        expect(read(bundled, text)).toEqual(read(unpatched, text));
      }),
      { numRuns: 5000, seed: 33 },
    );
  });

  test('walks trees as unist-util-visit and unist-util-visit-parents do', async () => {
    const shipped = await bundledWalkers();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(...walkKinds), (seed, kind) => {
        expect(walk(shipped, kind, seed)).toEqual(walk({ visit, visitParents }, kind, seed));
      }),
      { numRuns: 3000, seed: 5 },
    );
  }, 120_000);
});

type Walkers = { visit: typeof visit; visitParents: typeof visitParents };
interface TestNode {
  type: string;
  id: number;
  children?: TestNode[];
}
const walkKinds = ['visit', 'visit element', 'visit test', 'visit reverse', 'visit enter exit', 'parents', 'parents element', 'parents reverse', 'parents enter exit'] as const;

/** The two walkers as the bundle ships them: bundled from `node_modules` with the bundle's own plugins. */
async function bundledWalkers(): Promise<Walkers> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lecture-walkers-'));
  try {
    const outfile = path.join(folder, 'walkers.mjs');
    await build({
      stdin: { contents: "export { visit } from 'unist-util-visit'; export { visitParents } from 'unist-util-visit-parents';", resolveDir: process.cwd() },
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      plugins: bundlePlugins,
      logLevel: 'error',
    });
    const code = readFileSync(outfile, 'utf8');
    expect(code).toContain('overload.parentOnly = true;');
    return (await import(pathToFileURL(outfile).href)) as Walkers;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Walk a random tree drawn from `seed` with visitors whose answers are drawn from it too; what they saw, in order. */
function walk(walkers: Walkers, kind: (typeof walkKinds)[number], seed: number): unknown[] {
  let state = seed;
  const random = (n: number) => {
    state = (Math.imul(state, 48271) + 11) % 2147483647;
    return Math.abs(state) % n;
  };
  let id = 0;
  const make = (depth: number): TestNode => {
    const node: TestNode = { type: ['a', 'element', 'text'][random(3)]!, id: id++ };
    if (depth < 5 && random(3) > 0) node.children = Array.from({ length: random(5) }, () => make(depth + 1));
    return node;
  };
  const tree = make(0);
  const reverse = kind.includes('reverse');
  const log: unknown[] = [];
  const kept: Array<[TestNode[], number[]]> = [];
  // An answer a transform could give: nothing, continue, skip, stop, move on to a later index, or remove the node and stay.
  const answer = (node: TestNode, index: number | undefined, parent: TestNode | undefined): unknown => {
    const pick = random(12);
    if (pick === 0) return 'skip';
    if (pick === 1 && random(4) === 0) return false;
    if (pick === 2 && parent && index !== undefined) return reverse ? index - 1 : index + 2;
    if (pick === 3 && parent && index !== undefined && node.type === 'a') {
      parent.children!.splice(index, 1);
      return reverse ? index - 1 : index;
    }
    return pick === 4 ? true : undefined;
  };
  const test = kind.includes('element') ? 'element' : kind.includes('test') ? (node: TestNode) => node.id % 3 !== 0 : undefined;
  try {
    if (kind.startsWith('visit')) {
      const visitor = (node: TestNode, index: number | undefined, parent: TestNode | undefined) => {
        log.push([node.id, index, parent?.id]);
        return answer(node, index, parent);
      };
      const exit = (node: TestNode, index: number | undefined, parent: TestNode | undefined) => {
        log.push(['exit', node.id, index, parent?.id]);
        return random(5) === 0 ? false : undefined;
      };
      const visitors = kind.includes('exit') ? { enter: visitor, exit } : visitor;
      (walkers.visit as (...args: unknown[]) => void)(tree, ...(test ? [test] : []), visitors, reverse);
    } else {
      const visitor = (node: TestNode, parents: TestNode[], index?: number) => {
        log.push([node.id, index, parents.map((parent) => parent.id)]);
        // A visitor may keep its ancestors: they must stay what they were.
        if (random(4) === 0) kept.push([parents, parents.map((parent) => parent.id)]);
        return answer(node, index, parents.at(-1));
      };
      const exit = (node: TestNode, parents: TestNode[]) => {
        log.push(['exit', node.id, parents.map((parent) => parent.id)]);
      };
      const visitors = kind.includes('exit') ? { enter: visitor, exit } : visitor;
      (walkers.visitParents as (...args: unknown[]) => void)(tree, ...(test ? [test] : []), visitors, reverse);
    }
  } catch (error) {
    log.push(['threw', String(error)]);
  }
  log.push(['kept', kept.map(([parents]) => parents.map((parent) => parent.id)), kept.map(([, ids]) => ids)]);
  return log;
}
