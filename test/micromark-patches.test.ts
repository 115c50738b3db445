/**
 * The bundle's two patches to micromark (`scripts/bundle.mjs`: adjacent data
 * events merged in one pass, lazy lines decided without walking the whole
 * paragraph) are in `lib/`, and the bundle's parser gives the trees and
 * messages of the unpatched one (the tests run micromark from
 * `node_modules`): on the fixture corpus and the sample course, and on
 * long paragraphs, lazy lines in quotes and list items, and random
 * lectures of such lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../src/config/schema.js';
import { createParser } from '../src/pipeline.js';

type Parser = ReturnType<typeof createParser>;
const library = (await import(path.resolve('lib/index.js'))) as { createParser: typeof createParser };
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

describe('micromark in the bundle', () => {
  test('holds both patches', () => {
    const chunks = path.resolve('lib/chunks');
    const code = readdirSync(chunks).map((name) => readFileSync(path.join(chunks, name), 'utf8')).join('\n');
    expect(code).toContain('lazyOpenFlow = childFlow;');
    // esbuild may rename the patch's variables (`write2`).
    expect(code).toMatch(/function resolveAllText\(events, context\) \{\s+let write\d* = 0;/);
  });

  test('gives the trees and messages of the unpatched parser on the corpus', () => {
    expect(corpus.length).toBeGreaterThan(100);
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      expect(read(bundled, text), file).toEqual(read(unpatched, text));
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
});
