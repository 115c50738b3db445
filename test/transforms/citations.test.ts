/**
 * Citations (`transforms/citations.ts`) are shown as written, with one hint
 * per lecture at the first; text that merely holds an `@` (an address, a
 * handle) is no citation.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'cite', standalone: false });

async function build(text: string) {
  const file = new VFile({ path: 'lecture.md', value: text });
  const html = String(processor.stringify(await processor.run(processor.parse(file), file), file));
  return { html, hints: file.messages.filter((message) => message.ruleId === 'citations').map(({ reason, line, column }) => ({ reason, line, column })) };
}

describe('citations', () => {
  test('are shown as written, with one hint at the first, naming the bibliography it does not read', async () => {
    const { html, hints } = await build('---\ntitle: T\nbibliography: refs.bib\n---\n\n## Evidence\n\nFew papers share code [@Leek2017a, @Considine2017a].\n\nSee also [see @Plesser2018a, p. 3].\n');
    expect(html).toContain('[@Leek2017a, @Considine2017a]');
    expect(hints).toEqual([{ reason: 'Citations (`[@key]`) are shown as written (its `bibliography` is not read): formatting them needs Quarto or `pandoc --citeproc`', line: 8, column: 1 }]);
  });

  test('a citation after an unclosed bracket is found, and a paragraph of brackets read in one pass', async () => {
    expect((await build('## A\n\nAs in [the [see @Knuth1984] paper.\n')).hints).toHaveLength(1);
    // 30,000 `[` with no `]` took the pattern before the square of the paragraph.
    expect((await build(`## B\n\n${'[a '.repeat(30_000)}\n`)).hints).toEqual([]);
  });

  test('an address or a handle is no citation', async () => {
    expect((await build('## Contact\n\nWrite to someone@example.org or [me](mailto:me@example.org), @handle.\n')).hints).toEqual([]);
  });
});
