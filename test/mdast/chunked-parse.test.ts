/**
 * A lecture read in pieces (`mdast/chunked-parse.ts`) gives the tree and the
 * messages of one parse: on every lecture of the fixture corpus and the
 * sample course, cut at every heading where a cut is allowed, and on random
 * lectures made of the lines where a cut could go wrong (fences, comments,
 * front matter, definitions after their use, footnotes, lists, quotes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { createParser } from '../../src/pipeline.js';

const root = path.resolve(import.meta.dirname, '../..');
const whole = createParser(structuredClone(defaultConfig), { chunkSize: Infinity });
const pieces = createParser(structuredClone(defaultConfig), { chunkSize: 0 });

/** The tree and the messages of `text`, read by `parser`. */
function read(parser: typeof whole, text: string) {
  const file = new VFile({ path: 'lectures/lecture.md', value: text });
  const tree = parser.parse(file);
  const messages = file.messages.map(({ reason, line, column, place, ruleId }) => ({ reason, line, column, place, ruleId }));
  return { tree, messages };
}

/** Every markdown file under `folder`. */
function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(folder, name));
}

const corpus = [...markdownFiles(path.join(root, 'test/fixtures')), ...markdownFiles(path.join(root, 'lectures'))];

describe('chunked parse', () => {
  test('the corpus is large enough to mean something', () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  test('gives the tree and messages of one parse on every lecture of the corpus', () => {
    for (const file of corpus) {
      const text = readFileSync(file, 'utf8');
      expect(read(pieces, text), file).toEqual(read(whole, text));
    }
  }, 300_000);

  test('gives the tree and messages of one parse on random lectures', () => {
    const lines = ['', '', '', '# Slide', '## Part *two*', '## About [a] and [^1]', '###### six', '#hashtag', 'Text with [a] and [b][] and [^1].', 'more text', '[a]: /a "A"', '[b]: /b',
      '[^1]: A note', '    indented', '- item', '  - nested', '1. first', '> quote', '> > deeper', '```', '```python', '~~~', '# comment in code?', '<!-- comment', '-->',
      '<!-- closed -->', '<div>', '</div>', '::: {.notes}', ':::', '$$', 'x^2', '$$ y $$', '---', 'title: T', '...', '| a | b |', '|---|---|', '  ---  ---', '\tcode',
      'Setext', '===', 'lazy continuation', '* * *', '{{< include x.md >}}', '[link](http://x.org)', '**strong', 'end**', '\\', '<script>', '</script>', 'a\r',
      '| x |', '$$ x', 'y $$', '<pre>', '</pre>', '<?php', '?>', '<style>', '<![CDATA[', ']]>', '-----  -----', 'Table: caption'];
    const lecture = fc.array(fc.constantFrom(...lines), { maxLength: 60 }).map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(lecture, (text) => {
        expect(read(pieces, text)).toEqual(read(whole, text));
      }),
      { numRuns: 1500, seed: 5 },
    );
  }, 300_000);

  test('gives the tree and messages of one parse on random lectures of blocks that hold blank lines and headings', () => {
    const blocks = ['# Slide', '## Next', '## About [a], [b][] and [^1]', 'See [a], [b][] and [^1].', '[a]: /a', '[b]:\n/b', '[^1]: A note\n\n    more of it', '```sh\necho\n\n# comment\n```', '```\nunclosed\n\n# comment',
      '~~~~\n\n# x\n~~~', '<!--\n\n# hidden\n-->', '<!-- a --> text', '<script>\n\n# x\n</script>', '<pre>\n\n# y', '<div>\n\n# z\n</div>', '- item\n\n  ```\n\n# w',
      '> quote\n\n# v', '::: notes\n\n# u\n:::', '$$\nx\n\n# t\n$$', '  ---  ---\n  a    b\n\n# s\n  ---  ---', '    code\n\n# r', 'lazy\n# q', 'Setext\n---',
      '| a | b |\n|---|---|\n| 1 | 2 |', '$$\nx\n$$', '$$\nx\n\n# o', '<pre>\n\n# p\n</pre>', '<?php\n\n# n', '<img src="x.png">', '---  ---\n a    b\n---  ---'];
    const front = fc.constantFrom('', '---\ntitle: T\n\n# comment\n---\n\n', '---\nunclosed\n\n');
    const lecture = fc.tuple(front, fc.array(fc.tuple(fc.constantFrom(...blocks), fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 25 }))
      .map(([head, parts]) => head + parts.map(([block, gap]) => block + gap).join(''));
    fc.assert(
      fc.property(lecture, (text) => {
        expect(read(pieces, text)).toEqual(read(whole, text));
      }),
      { numRuns: 1500, seed: 6 },
    );
  }, 300_000);

  test('a piece of a heading and a code block (a slide serve reads alone) knows the labels defined elsewhere', () => {
    const text = '# One\n\n[docs]: /docs\n\n## See [the docs][docs] and [^n]\n\n```\ncode\n```\n\n## Last [docs][]\n\n[^n]: A note.\n';
    const { tree } = read(pieces, text);
    expect(tree).toEqual(read(whole, text).tree);
    expect(JSON.stringify(tree).match(/"type":"linkReference"/g)).toHaveLength(2);
    expect(JSON.stringify(tree)).toContain('"type":"footnoteReference"');
    // The last heading, at the end of the text with nothing after it.
    const end = text.replace(/\n\n\[\^n\]: A note\.\n$/, '').replace('## Last [docs][]', '[^n]: A note.\n\n## Last [docs][]');
    expect(read(pieces, end).tree).toEqual(read(whole, end).tree);
  });

  test('cuts a long lecture: the pieces are read with the labels of the whole lecture', () => {
    const slide = (index: number) => `# Slide ${index}\n\nSee [ref] and [^n].\n\n\`\`\`sh\necho\n\n# not a heading\n\`\`\`\n\n`;
    const text = `${Array.from({ length: 40 }, (_, index) => slide(index)).join('')}[ref]: /r\n\n[^n]: A note.\n`;
    const chunked = createParser(structuredClone(defaultConfig), { chunkSize: 200 });
    const { tree } = read(chunked, text);
    expect(tree).toEqual(read(whole, text).tree);
    const types = tree.children.map((node) => node.type);
    expect(types.filter((type) => type === 'heading')).toHaveLength(40);
    expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
    expect(JSON.stringify(tree)).toContain('"type":"footnoteReference"');
  });
});
