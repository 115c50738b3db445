/**
 * Quarto lectures and the reveal.js-markdown fixes, one fixture folder per
 * feature (`fixtures/quarto/<case>/input.md`): the slides HTML
 * (`output.html`), the messages (`messages.txt`) and the dialect with its
 * reasons (`dialect.txt`). Cases named `qmd-…` are read as a `.qmd` file.
 * Then the test course's two decks: no markup left as text on any slide.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../src/config/schema.js';
import { createProcessor } from '../src/pipeline.js';
import { cases, expected, fixturesRoot, messageLines } from './helpers/fixtures.js';

async function render(folder: string, name: string, input: string) {
  const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture', 'black']), standalone: false, quizSecret: 'fixtures', courseRoot: folder, diagrams: false });
  const file = new VFile({ path: path.join(folder, name), cwd: folder, value: input });
  await processor.process(file);
  return file;
}

describe('quarto fixtures', () => {
  for (const fixture of cases('quarto')) {
    test(fixture.name, async () => {
      const file = await render(fixture.folder, fixture.name.startsWith('qmd-') ? 'input.qmd' : 'input.md', fixture.input);
      const html = `${String(file.value)}\n`;
      expect(html).toBe(expected(fixture.folder, 'output.html', html));
      const messages = messageLines(file);
      expect(messages).toBe(expected(fixture.folder, 'messages.txt', messages));
      const dialect = [file.data.dialect, ...(file.data.dialectReasons ?? []).map((reason) => `- ${reason}`)].join('\n') + '\n';
      expect(dialect).toBe(expected(fixture.folder, 'dialect.txt', dialect));
    });
  }
});

/** The text each slide shows: everything but code, diagrams and speaker notes. */
function shownTexts(html: string): string[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const leaves = selectAll('section', tree).filter((section) => !section.children.some((child) => child.type === 'element' && child.tagName === 'section'));
  return leaves.map((slide: Element) => {
    const copy = structuredClone(slide);
    for (const hidden of selectAll('pre, code, aside.notes', copy)) hidden.children = [];
    return toText(copy);
  });
}

describe('the test course decks', () => {
  const course = path.join(fixturesRoot, 'quarto-course', 'lectures');
  for (const [name, source] of [['quarto', 'quarto/quarto.qmd'], ['reveal.js markdown', 'reveal/reveal.md']] as const) {
    test(`${name}: no markup left as text and no warning but the unknown shortcode`, async () => {
      const full = path.join(course, source);
      const file = await render(path.dirname(full), path.basename(full), readFileSync(full, 'utf8'));
      for (const text of shownTexts(String(file.value))) {
        expect(text).not.toMatch(/#\||\{\{<|:::|\{[.#][^}]*\}|\{\w+=|^\s*notes?:|\$[^$\n]+\$/im);
      }
      const warnings = file.messages.filter((message) => message.fatal !== undefined).map((message) => message.ruleId);
      expect(warnings).toEqual(name === 'quarto' ? ['shortcode'] : []);
    });
  }
});

describe('deck options in the page', () => {
  test('options under `format: revealjs:` reach Reveal.initialize and win over the course config', async () => {
    const folder = path.join(fixturesRoot, 'quarto', 'qmd-deck-options');
    const processor = createProcessor({ config: resolveConfig({ reveal: { transition: 'slide' } }), themes: new Set(['lecture']), quizSecret: 'x', diagrams: false, courseRoot: folder });
    const file = new VFile({ path: path.join(folder, 'input.qmd'), cwd: folder, value: readFileSync(path.join(folder, 'input.md'), 'utf8') });
    await processor.process(file);
    const script = /Reveal\.initialize\(Object\.assign\((\{.*?\}), \{ plugins/.exec(String(file.value))?.[1];
    expect(JSON.parse(script!)).toMatchObject({
      transition: 'fade',
      backgroundTransition: 'zoom',
      slideNumber: 'c/t',
      width: 1280,
      height: 720,
      margin: 0.1,
      center: true,
      controls: false,
      progress: false,
      autoAnimate: true,
      hashOneBasedIndex: true,
      pdfSeparateFragments: true,
    });
    expect(file.data.deck?.pdfFragments).toBe(true);
  });

  test('a title with knitr inline code has plain text in the page title', async () => {
    const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'x', diagrams: false });
    const file = new VFile({ path: 'report.qmd', value: '---\ntitle: "Report for `r Sys.Date()`"\n---\n\n## A\n\nb\n' });
    await processor.process(file);
    expect(String(file.value)).toContain('<title>Report for Sys.Date()</title>');
  });
});

describe('fitting a slide with a footer', () => {
  test('each continuation slide keeps the footer and the logo, and no cut falls at them', async () => {
    const { applyFits } = await import('../src/fit/apply.js');
    const tree = fromHtml(
      '<div class="reveal"><div class="slides"><section id="s"><h2>Long</h2><p>one</p><p>two</p><p>three</p><div class="footer footer-default"><p>Course</p></div><p class="slide-logo"><img src="logo.svg" alt="Logo"></p></section></div></div>',
    );
    const counts = applyFits(tree, [{ slide: 1, cuts: [{ path: [3] }] } as never]);
    expect(counts).toEqual([2]);
    const pieces = selectAll('section', tree);
    expect(pieces.map((piece) => toText(piece).replace(/\s+/g, ' ').trim())).toEqual(['Long (1/2) one two Course', 'Long (2/2) three Course']);
    for (const piece of pieces) expect(selectAll('.slide-logo img', piece)).toHaveLength(1);
  });
});
