/**
 * Metadata is markdown (Pandoc): the title slide shows its markup, while the
 * page title, the author meta tags and `file.data.meta` (the course page, PDF
 * properties) get plain text; problems in a field are reported where the
 * field is written.
 */
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import { resolveConfig } from '../src/config/schema.js';
import { createProcessor } from '../src/pipeline.js';
import { messageLines } from './helpers/fixtures.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'metadata' });

test('the page and the course see plain text; the title slide sees markup', async () => {
  const value = '---\ntitle: "Why *how* matters: `docker build`"\nauthor: [A. *Teacher*, "[B. Assistant](mailto:b@example.org)"]\ndate: 2024-03-04\n---\n\n## First\n\nText.\n';
  const file = new VFile({ path: 'deck.md', value });
  await processor.process(file);
  const html = String(file.value);
  expect(html).toContain('<title>Why how matters: docker build</title>');
  expect(html).toContain('<meta name="author" content="A. Teacher">');
  expect(html).toContain('<meta name="author" content="B. Assistant">');
  expect(html).toContain('<h1 class="title">Why <em>how</em> matters: <code>docker build</code></h1>');
  expect(html).toContain('<p class="author">A. <em>Teacher</em></p>');
  expect(file.data.meta?.title).toBe('Why how matters: docker build');
  expect(file.data.meta?.author).toEqual(['A. Teacher', 'B. Assistant']);
});

test('a problem in a field is reported in the front matter, where it is written', async () => {
  const value = '---\ntitle: Broken\nsubtitle: "Costs $$ nothing"\n---\n\n## First\n\nText.\n';
  const file = new VFile({ path: 'deck.md', value });
  await processor.process(file);
  expect(messageLines(file)).toMatch(/^3:18-3:20 warning Display math `\$\$` is never closed/);
});
