/**
 * Pandoc as the reference: one folder per construct under
 * `test/fixtures/pandoc/<case>/`, with
 *
 * - `input.md`, written for this repository;
 * - `output.html` and `messages.txt`: our slides and messages, as in the
 *   render fixtures;
 * - `pandoc.html`: what `pandoc -t revealjs` makes of the same input (its
 *   slides). Checked against the installed pandoc when there is one, and
 *   rewritten by `UPDATE_FIXTURES=1`;
 * - `differences.txt`: where the structure of our slides (`helpers/outline.ts`:
 *   slides, sections, notes, fragments, columns, tables, media, footnotes,
 *   text) differs from Pandoc's, line by line (`+` ours only, `-` Pandoc's
 *   only), after `#` comments that say why. No file means no difference.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../src/config/schema.js';
import { createProcessor } from '../src/pipeline.js';
import { cases, expected, messageLines, updating } from './helpers/fixtures.js';
import { lineDiff, outline } from './helpers/outline.js';

const pandocVersion = (() => {
  const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
})();

/** Pandoc's slides for `input`: the content of its `.slides` element. */
function runPandoc(input: string): string {
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'revealjs', '-s', '--mathjax', '--wrap=none'], { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
  const html = result.stdout;
  const start = html.indexOf('<div class="slides">') + '<div class="slides">'.length;
  const end = html.lastIndexOf('</div>', html.lastIndexOf('</div>', html.indexOf('<script')) - 1);
  return `${html.slice(start, end).trim()}\n`;
}

/** The `#` comment lines at the top of a differences file, kept when it is rewritten. */
function comments(file: string): string {
  if (!existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').split('\n');
  const kept = lines.slice(0, lines.findIndex((line) => !line.startsWith('#')));
  return kept.length > 0 ? `${kept.join('\n')}\n` : '';
}

function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
}

describe('Pandoc reference', () => {
  const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'fixtures' });

  for (const fixture of cases('pandoc')) {
    const ours = path.join(fixture.folder, 'output.html');
    const theirs = path.join(fixture.folder, 'pandoc.html');

    test(`${fixture.name}: our slides and messages`, async () => {
      const file = new VFile({ path: 'input.md', value: fixture.input });
      await processor.process(file);
      const html = `${String(file.value)}\n`;
      expect(html).toBe(expected(fixture.folder, 'output.html', html));
      const messages = messageLines(file);
      expect(messages).toBe(expected(fixture.folder, 'messages.txt', messages));
    });

    test.skipIf(pandocVersion === undefined)(`${fixture.name}: pandoc.html is what ${pandocVersion ?? 'pandoc'} makes of it`, () => {
      const html = runPandoc(fixture.input);
      expect(html).toBe(expected(fixture.folder, 'pandoc.html', html));
    });

    test(`${fixture.name}: the structure is Pandoc's but for the differences written down`, () => {
      const target = path.join(fixture.folder, 'differences.txt');
      const diff = lineDiff(outline(readFileSync(ours, 'utf8')), outline(readFileSync(theirs, 'utf8')));
      if (updating) {
        if (diff === '' && comments(target) === '') {
          rmSync(target, { force: true });
        } else writeFileSync(target, `${comments(target)}${diff}`);
      }
      const written = existsSync(target) ? withoutComments(readFileSync(target, 'utf8')) : '';
      expect(diff).toBe(written);
    });
  }
});
