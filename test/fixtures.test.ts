/**
 * One test per fixture folder:
 * - `parse/<case>`: the tree our syntax extension produces (`tree.txt`,
 *   positions included) before any transform;
 * - `render/<case>`: the slides HTML (`output.html`) and the messages
 *   (`messages.txt`) of the whole pipeline, and for a deck with quizzes the
 *   answer key the build writes for them (`quizzes.json`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { inspectNoColor } from 'unist-util-inspect';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../src/config/schema.js';
import { remarkPandoc } from '../src/mdast/remark-pandoc.js';
import { remarkQuizTags } from '../src/mdast/quiz-tags.js';
import { createProcessor } from '../src/pipeline.js';
import { cases, expected, messageLines } from './helpers/fixtures.js';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMath).use(remarkPandoc).use(remarkQuizTags);

describe('parse', () => {
  for (const fixture of cases('parse')) {
    test(fixture.name, () => {
      const tree = inspectNoColor(parser.parse(fixture.input));
      expect(tree).toBe(expected(fixture.folder, 'tree.txt', `${tree}\n`).trimEnd());
    });
  }
});

describe('render', () => {
  const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'fixtures' });
  for (const fixture of cases('render')) {
    test(fixture.name, async () => {
      const file = new VFile({ path: 'input.md', value: fixture.input });
      await processor.process(file);
      const html = `${String(file.value)}\n`;
      expect(html).toBe(expected(fixture.folder, 'output.html', html));
      const messages = messageLines(file);
      expect(messages).toBe(expected(fixture.folder, 'messages.txt', messages));
      const quizzes = file.data.quizzes ?? [];
      if (quizzes.length > 0 || existsSync(path.join(fixture.folder, 'quizzes.json'))) {
        const keys = `${JSON.stringify(quizzes, null, 2)}\n`;
        expect(keys).toBe(expected(fixture.folder, 'quizzes.json', keys));
      }
    });
  }
});
