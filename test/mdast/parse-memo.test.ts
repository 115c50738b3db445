/**
 * Parses remembered across builds (`mdast/parse-memo.ts`, used by `lecture
 * serve`): a lecture read with a memo gives the tree and messages of one
 * parse, on its first build and after an edit, and reuses every piece the
 * edit did not touch; what a build does to its tree never reaches the next.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { copyPlain, ParseMemo } from '../../src/mdast/parse-memo.js';
import { createParser } from '../../src/pipeline.js';

const root = path.resolve(import.meta.dirname, '../..');
const whole = createParser(structuredClone(defaultConfig), { chunkSize: Infinity });

/** A memo that counts the trees it gives back. */
class CountingMemo extends ParseMemo {
  hits = 0;
  override get(key: string): Root | undefined {
    const tree = super.get(key);
    if (tree) this.hits++;
    return tree;
  }
}

function read(parser: typeof whole, text: string) {
  const file = new VFile({ path: 'lectures/lecture.md', value: text });
  const tree = parser.parse(file);
  const messages = file.messages.map(({ reason, line, column, place, ruleId }) => ({ reason, line, column, place, ruleId }));
  return { tree, messages };
}

const corpus = [path.join(root, 'test/fixtures'), path.join(root, 'lectures')].flatMap((folder) =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name)),
);

const slide = (index: number, word = 'layers') => `## Slide ${index}\n\nEach instruction adds a **${word}** [see][ref].\n\n| a | b |\n|---|---|\n| ${index} | *x* |\n\n`;
const lecture = (word?: string) => `---\ntitle: T\n---\n\n${Array.from({ length: 12 }, (_, index) => slide(index, index === 6 ? word : undefined)).join('')}[ref]: /r\n`;

describe('parse memo', () => {
  test('gives the tree and messages of one parse, on the first build and the next, on every lecture of the corpus', () => {
    const memo = new ParseMemo();
    const remembering = createParser(structuredClone(defaultConfig), { memo });
    expect(corpus.length).toBeGreaterThan(100);
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      const expected = read(whole, text);
      expect(read(remembering, text), file).toEqual(expected);
      expect(read(remembering, text), `${file}, read again`).toEqual(expected);
    }
  }, 300_000);

  test('an edit to one slide reads that slide again and reuses the others', () => {
    const memo = new CountingMemo();
    const remembering = createParser(structuredClone(defaultConfig), { memo });
    read(remembering, lecture());
    memo.hits = 0;
    const edited = lecture('cached');
    const result = read(remembering, edited);
    expect(result).toEqual(read(whole, edited));
    expect(JSON.stringify(result.tree)).toContain('cached');
    // Front matter, the 11 untouched slides (the last with the definition): all but the edited slide.
    expect(memo.hits).toBe(12);
  });

  test('an edit anywhere in a random lecture gives the tree and messages of one parse of the edited lecture', () => {
    const blocks = ['Text with [a] and [^1].', '[a]: /a', '[^1]: A note', '```sh\necho\n\n# comment\n```', '```\nunclosed', '<!--\n\n# hidden\n-->', '- item\n- *two*',
      '> quote', '::: notes\nSay this.\n:::', '$$\nx^2\n$$', '| a | b |\n|---|---|\n| 1 | *2* |', '  ---  ---\n  a    b\n  ---  ---', 'Setext\n---', '<div>\n\n# z\n</div>', '{{< include x.md >}}'];
    const slide = fc.tuple(fc.constantFrom('# ', '## ', '### '), fc.array(fc.constantFrom(...blocks), { maxLength: 4 })).map(([level, body]) => `${level}Slide\n\n${body.join('\n\n')}\n\n`);
    const edit = fc.record({ slides: fc.array(slide, { minLength: 1, maxLength: 8 }), at: fc.nat(), replacement: slide });
    fc.assert(
      fc.property(edit, ({ slides, at, replacement }) => {
        const remembering = createParser(structuredClone(defaultConfig), { memo: new ParseMemo() });
        const before = slides.join('');
        const after = slides.map((text, index) => (index === at % slides.length ? replacement : text)).join('');
        expect(read(remembering, before)).toEqual(read(whole, before));
        expect(read(remembering, after)).toEqual(read(whole, after));
      }),
      { numRuns: 400, seed: 8 },
    );
  }, 120_000);

  test('what a build does to its tree does not reach the next build', () => {
    const remembering = createParser(structuredClone(defaultConfig), { memo: new ParseMemo() });
    const first = read(remembering, lecture()).tree;
    const heading = first.children.find((node) => node.type === 'heading')!;
    heading.children = [{ type: 'text', value: 'changed by a transform' }];
    first.children.push({ type: 'thematicBreak' });
    expect(read(remembering, lecture()).tree).toEqual(read(whole, lecture()).tree);
  });

  test('a parse that reported a message is read again, and reports it again', () => {
    const remembering = createParser(structuredClone(defaultConfig), { memo: new ParseMemo() });
    const deep = `# Deep\n\n${'>'.repeat(300)} quoted\n`;
    const expected = read(whole, deep).messages;
    expect(expected.map((message) => message.ruleId)).toContain('too-deep');
    expect(read(remembering, deep).messages).toEqual(expected);
    expect(read(remembering, deep).messages).toEqual(expected);
  });

  test('what a long lecture flattened in its second piece is still reported', () => {
    // Read in pieces by default (over 64 kB): the report used to look for the whole lecture's tree and find none.
    const filler = Array.from({ length: 700 }, (_, index) => slide(index)).join('');
    const text = `${filler}## Deep\n\n${'- '.repeat(150)}item\n`;
    const chunked = createParser(structuredClone(defaultConfig));
    const found = read(chunked, text).messages.filter((message) => message.ruleId === 'too-deep');
    expect(found).toHaveLength(1);
    expect(found).toEqual(read(whole, text).messages.filter((message) => message.ruleId === 'too-deep'));
  });

  test("keeps a lecture's pieces for its last two reads: edits to one slide do not pile up, and an undo finds its pieces", () => {
    const memo = new CountingMemo();
    const remembering = createParser(structuredClone(defaultConfig), { memo });
    read(remembering, lecture('first'));
    read(remembering, lecture('second'));
    const two = memo.size;
    for (let edit = 0; edit < 30; edit++) read(remembering, lecture(`word${edit}`));
    // The slide read with `first` and with `second` gave way to its last two versions; nothing else changed.
    expect(memo.size).toBe(two - 'first'.length - 'second'.length + 2 * 'word29'.length);
    // Undo: the read before last is still there, every piece of it.
    memo.hits = 0;
    expect(read(remembering, lecture('word28'))).toEqual(read(whole, lecture('word28')));
    expect(memo.hits).toBe(13);
    // Another lecture's reads leave this one's pieces alone.
    const other = new VFile({ path: 'lectures/other.md', value: lecture('other') });
    remembering.parse(other);
    remembering.parse(new VFile({ path: 'lectures/other.md', value: lecture('other2') }));
    remembering.parse(new VFile({ path: 'lectures/other.md', value: lecture('other3') }));
    memo.hits = 0;
    read(remembering, lecture('word28'));
    expect(memo.hits).toBe(13);
  });

  test('forgets the oldest parses beyond its limit', () => {
    const memo = new CountingMemo(1000);
    const remembering = createParser(structuredClone(defaultConfig), { memo });
    const texts = Array.from({ length: 4 }, (_, index) => `Paragraph ${index} ${'word '.repeat(80)}`);
    for (const text of texts) read(remembering, text);
    memo.hits = 0;
    read(remembering, texts[3]!);
    read(remembering, texts[0]!);
    expect(memo.hits).toBe(1);
  });
});

describe('copyPlain', () => {
  test('copies plain data deeply, keeping what the original shares', () => {
    const point = { line: 1, column: 1, offset: 0 };
    const value = { a: [1, 'two', null, { point }], b: { point }, c: undefined };
    const copy = copyPlain(value) as typeof value;
    expect(copy).toEqual(value);
    expect(copy.b).not.toBe(value.b);
    expect(copy.b.point).toBe((copy.a[3] as { point: object }).point);
  });

  test('refuses anything that is not plain data', () => {
    expect(copyPlain({ a: [new Map()] })).toBeUndefined();
    expect(copyPlain({ a: { f: () => 1 } })).toBeUndefined();
    expect(copyPlain({ a: new Date() })).toBeUndefined();
  });

  test('copies a tree as deep as any input, without recursion', () => {
    let deep: { child?: unknown } = {};
    const top = deep;
    for (let level = 0; level < 200_000; level++) deep = deep.child = {};
    expect(() => copyPlain(top)).not.toThrow();
  });
});
