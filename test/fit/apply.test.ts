/**
 * Applying a fit plan, one fixture folder per case: `fit/<case>/input.md`
 * is rendered to slides, the plan in `fits.json` (as the browser measured it,
 * or as it might) is applied, and the slides must read as `output.html`, the
 * number each slide became as `counts.json`. What is measured is tested in
 * `test/browser/fit.test.ts`; this is what is written for a given plan.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'hast';
import { select } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { applyFits } from '../../src/fit/apply.js';
import type { SlideFit } from '../../src/fit/measure.js';
import { createProcessor } from '../../src/pipeline.js';
import { parsePage } from '../../src/render/parse-page.js';
import { cases, expected } from '../helpers/fixtures.js';

describe('fit plans applied', () => {
  const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'fixtures' });
  for (const fixture of cases('fit')) {
    test(fixture.name, async () => {
      const file = new VFile({ path: 'input.md', value: fixture.input });
      await processor.process(file);
      const tree = parsePage(`<div class="reveal"><div class="slides">${String(file.value)}</div></div>`);
      const fits = JSON.parse(readFileSync(path.join(fixture.folder, 'fits.json'), 'utf8')) as SlideFit[];
      const counts = `${JSON.stringify(applyFits(tree, fits))}\n`;
      const slides = select('.slides', tree) as Element;
      const html = `${toHtml(slides.children).trim()}\n`;
      expect(html).toBe(expected(fixture.folder, 'output.html', html));
      expect(counts).toBe(expected(fixture.folder, 'counts.json', counts));
    });
  }
});
