/**
 * Superscript and subscript (`transforms/super-sub.ts`) where the fixture
 * (`test/fixtures/pandoc/superscript-subscript`, checked against Pandoc)
 * does not reach: turned off by the lecture's format, absent from the
 * dialects whose tools lack them, and positions that point at the source.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

let inspected: import('mdast').Root | undefined;
const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'sup', standalone: false, inspect: (tree) => (inspected = tree) });

async function html(text: string): Promise<string> {
  const file = new VFile({ path: 'lecture.md', value: text });
  return String(processor.stringify(await processor.run(processor.parse(file), file), file));
}

describe('superscript and subscript', () => {
  test('are read in Pandoc lectures', async () => {
    expect(await html('## T\n\nH~2~O and 2^10^.\n')).toContain('H<sub>2</sub>O and 2<sup>10</sup>.');
  });

  test('are off with `format: markdown-superscript-subscript`, and a single-tilde pair is then strikeout, as GFM reads it', async () => {
    const page = await html('---\nformat: markdown-superscript-subscript\n---\n\n## T\n\nH~2~O and 2^10^.\n');
    expect(page).toContain('H<del>2</del>O and 2^10^.');
  });

  test('are off with the same extensions in `from:`, as Quarto decks write them', async () => {
    expect(await html('---\nfrom: markdown-subscript\n---\n\n## T\n\nH~2~O and 2^10^.\n')).toContain('H<del>2</del>O and 2<sup>10</sup>.');
  });

  test('are not read in a GitHub tutorial, whose renderer has neither', async () => {
    const page = await html('# Setting up\n\nSome text.\n\n## Step 1\n\nRun `npm i` and see 2^10^ and ~old~.\n\n## Step 2\n\nMore.\n');
    expect(page).toContain('2^10^ and <del>old</del>');
  });

  test('point at their marks in the source', async () => {
    await html('## T\n\nWater: H~2~O.\n');
    const paragraph = inspected!.children.flatMap((node) => ('children' in node ? node.children : [])).find((node) => node.type === 'paragraph');
    const sub = paragraph && 'children' in paragraph ? paragraph.children.find((node) => node.type === 'subscript') : undefined;
    expect(sub?.position?.start).toMatchObject({ line: 3, column: 9, offset: 14 });
    expect(sub?.position?.end).toMatchObject({ line: 3, column: 12, offset: 17 });
  });
});
