/**
 * A lecture saved with Windows (CRLF) or old Mac (CR) line endings builds
 * to the deck and messages of the same lecture with LF, as Pandoc reads it.
 * These lectures differed before: Quarto chunk options (`#|`) stayed in the
 * code and their slides went missing, a Liquid tag at a line's start split
 * its paragraph, a shell session's prompts moved.
 */
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'line-endings' });

async function render(path: string, value: string) {
  const file = new VFile({ path, value });
  const html = String(processor.stringify(await processor.run(processor.parse(file), file), file));
  return { html, messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`) };
}

const lectures = [
  'lectures/01-containers/containers.md',
  'lectures/03-volumes-networks/volumes-networks.md',
  'test/fixtures/quarto/qmd-code-lines/input.md',
  'test/fixtures/quarto/qmd-chunks/input.md',
  'test/fixtures/quarto-course/lectures/quarto/quarto.qmd',
  'test/fixtures/dialects/page-liquid-placement/input.md',
  'test/fixtures/dialects/reveal-md-comments/input.md',
];

describe('line endings', () => {
  for (const path of lectures) {
    test(`${path} builds the same with CRLF and CR`, async () => {
      const text = readFileSync(path, 'utf8');
      expect(text).not.toContain('\r');
      const lf = await render(path, text);
      expect(await render(path, text.replaceAll('\n', '\r\n'))).toEqual(lf);
      expect(await render(path, text.replaceAll('\n', '\r'))).toEqual(lf);
    });
  }
});
