/**
 * The Quarto and reveal.js-markdown test course (`fixtures/quarto-course`)
 * built and opened in headless Chromium: the footer sits at the slide's
 * bottom, an `.absolute` image where it was asked to be, a stretched image
 * fills the height left, each callout kind has its colour, text on a dark
 * background has a contrast ratio of at least 4.5:1, and code highlight
 * steps advance with the fragments. Then the PDFs (code steps as pages, no
 * hidden slide), `lecture check --layout` (no overflow, nothing from a
 * hidden slide), and a mermaid diagram drawn, or its error reported at its
 * line.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { resolveConfig } from '../../src/config/schema.js';
import { build } from '../../src/course/build.js';
import { exportPdf } from '../../src/export/pdf.js';
import { createProcessor } from '../../src/pipeline.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { messageLines } from '../helpers/fixtures.js';
import { readPdf } from '../helpers/pdf.js';
import '../helpers/reveal.js';

let course: string;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  course = copyCourse('quarto-course');
  const result = await build({ root: course, cache: false });
  expect(result.failed).toBe(false);
  page = await (await browser()).newPage();
  await page.setViewport({ width: 960, height: 700 });
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
}, 120_000);

afterAll(async () => {
  await closeBrowser();
  removeCourse(course);
});

/** Open `deck` at the slide with the id `slide`, fragments not yet shown. */
async function show(deck: string, slide: string): Promise<void> {
  const url = pathToFileURL(path.join(course, 'dist', deck, 'index.html')).href;
  if (!page.url().startsWith(url)) {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready);
    // Positions are measured: no slide may still be moving in when they are.
    await page.evaluate(() => (window.Reveal as unknown as { configure(options: object): void }).configure({ transition: 'none', backgroundTransition: 'none' }));
  }
  await page.evaluate((id) => {
    const section = document.getElementById(id)!;
    const indices = (window.Reveal as unknown as { getIndices(slide: Element): { h: number; v?: number } }).getIndices(section);
    window.Reveal.slide(indices.h, indices.v ?? 0, -1);
  }, slide);
  await page.waitForFunction((id) => window.Reveal.getCurrentSlide().id === id && getComputedStyle(window.Reveal.getCurrentSlide()).opacity === '1', {}, slide);
}

/** The box of `selector` on the current slide, relative to the slide canvas and in its pixels. */
function box(selector: string) {
  return page.evaluate((selector) => {
    const slides = document.querySelector('.reveal .slides')!.getBoundingClientRect();
    const scale = slides.width / 960;
    const element = window.Reveal.getCurrentSlide().querySelector(selector)!.getBoundingClientRect();
    return { top: (element.top - slides.top) / scale, left: (element.left - slides.left) / scale, right: (slides.right - element.right) / scale, bottom: (slides.bottom - element.bottom) / scale, height: element.height / scale, width: element.width / scale };
  }, selector);
}

describe('the Quarto deck in Chromium', () => {
  test('the slide footer and the deck footer sit at the bottom of the slide, the logo beside them', async () => {
    await show('quarto', 'folds');
    const own = await box('.footer');
    expect(own.bottom).toBeGreaterThanOrEqual(0);
    expect(own.bottom).toBeLessThan(20);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().querySelector('.footer')!.textContent)).toContain('Course reader, chapter 4');
    await show('quarto', 'callouts');
    const deckFooter = await box('.footer-default');
    expect(deckFooter.bottom).toBeLessThan(20);
    expect(await box('.slide-logo img')).toMatchObject({ bottom: expect.any(Number) });
    expect((await box('.slide-logo img')).bottom).toBeLessThan(20);
    // The title slide is centred, and its footer is still at the bottom.
    await show('quarto', 'title-slide');
    expect((await box('.footer-default')).bottom).toBeLessThan(20);
  });

  test('an absolute image is where it was asked to be', async () => {
    await show('quarto', 'folds');
    const logo = await box('img.absolute');
    expect(logo.top).toBeCloseTo(120, 0);
    expect(logo.right).toBeCloseTo(40, 0);
    expect(logo.width).toBeCloseTo(80, 0);
  });

  test('a lone image is stretched to the height left on its slide', async () => {
    await show('quarto', 'one-picture');
    const layout = await page.evaluate(() => {
      const slide = window.Reveal.getCurrentSlide() as HTMLElement;
      const image = slide.querySelector<HTMLImageElement>(':scope > img.r-stretch')!;
      const caption = slide.querySelector<HTMLElement>(':scope > p.caption')!;
      return { image: image.getBoundingClientRect().height, bottom: caption.getBoundingClientRect().bottom, slide: slide.getBoundingClientRect().height, slideBottom: slide.getBoundingClientRect().bottom };
    });
    // More than half the canvas, and the caption under it still on the slide.
    expect(layout.image).toBeGreaterThan(layout.slide * 0.5);
    expect(layout.bottom).toBeLessThanOrEqual(layout.slideBottom + 1);
  });

  test('each callout kind has its colour', async () => {
    await show('quarto', 'callouts');
    const colours = await page.evaluate(() =>
      ['note', 'warning', 'important', 'caution'].map((kind) => getComputedStyle(window.Reveal.getCurrentSlide().querySelector(`.callout-${kind}`)!).borderLeftColor),
    );
    expect(colours).toEqual(['rgb(13, 110, 253)', 'rgb(224, 168, 0)', 'rgb(220, 53, 69)', 'rgb(253, 126, 20)']);
    await show('quarto', 'folds');
    expect(await page.evaluate(() => getComputedStyle(window.Reveal.getCurrentSlide().querySelector('.callout-tip')!).borderLeftColor)).toBe('rgb(25, 135, 84)');
  });

  test('code highlight steps advance with the fragments', async () => {
    await show('quarto', 'live-code');
    const step = () =>
      page.evaluate(() => {
        const pre = window.Reveal.getCurrentSlide().querySelector('pre.code-steps')!;
        const line = pre.querySelector('code .code-line[data-line-number="3"]')!.getBoundingClientRect();
        const top = document.elementFromPoint(line.left + 60, line.top + line.height / 2)?.closest('code');
        const codes = Array.from(pre.querySelectorAll('code'));
        return { shown: codes.indexOf(top!), highlighted: Array.from(top!.querySelectorAll('.highlight-line')).map((span) => span.getAttribute('data-line-number')) };
      });
    await page.waitForFunction(() => { const style = getComputedStyle(window.Reveal.getCurrentSlide().querySelector('pre.code-steps code.fragment')!); return style.opacity === '0' && style.visibility === 'hidden'; });
    expect(await step()).toEqual({ shown: 0, highlighted: ['1'] });
    await page.evaluate(() => (window.Reveal as unknown as { nextFragment(): boolean }).nextFragment());
    await page.waitForFunction(() => { const style = getComputedStyle(window.Reveal.getCurrentSlide().querySelector('pre.code-steps code.fragment')!); return style.opacity === '1' && style.visibility === 'visible'; });
    expect(await step()).toEqual({ shown: 1, highlighted: ['3', '4'] });
    await page.evaluate(() => (window.Reveal as unknown as { prevFragment(): boolean }).prevFragment());
    await page.waitForFunction(() => { const style = getComputedStyle(window.Reveal.getCurrentSlide().querySelector('pre.code-steps code.fragment')!); return style.opacity === '0' && style.visibility === 'hidden'; });
    expect(await step()).toEqual({ shown: 0, highlighted: ['1'] });
  });

  test('the mermaid diagram is an SVG in the page, with no diagram script', async () => {
    await show('quarto', 'diagram');
    const found = await page.evaluate(() => ({
      svg: window.Reveal.getCurrentSlide().querySelectorAll('.mermaid-diagram svg').length,
      labels: window.Reveal.getCurrentSlide().querySelector('.mermaid-diagram')!.textContent,
      scripts: Array.from(document.scripts).map((script) => script.src).filter((src) => /mermaid/i.test(src)),
    }));
    expect(found.svg).toBe(1);
    expect(found.labels).toContain('Folds');
    expect(found.scripts).toEqual([]);
  });
});

describe('the reveal.js-markdown deck in Chromium', () => {
  test('text on a dark background has a contrast ratio of at least 4.5:1', async () => {
    await show('reveal', 'normal-forms');
    const ratios = await page.evaluate(() => {
      const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (value: string) => {
        const [r, g, b] = rgb(value).map((channel) => {
          const c = channel / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      // The colour reveal.js paints behind the slide: the innermost present background that has one.
      const painted = Array.from(document.querySelectorAll<HTMLElement>('.backgrounds .slide-background.present'))
        .flatMap((element) => [element, ...Array.from(element.querySelectorAll<HTMLElement>(':scope > .slide-background-content'))])
        .map((element) => getComputedStyle(element).backgroundColor)
        .filter((colour) => colour !== 'rgba(0, 0, 0, 0)');
      const background = painted.at(-1) ?? 'none';
      const slide = window.Reveal.getCurrentSlide();
      return Array.from(slide.querySelectorAll('h2, p')).map((element) => {
        const [light, dark] = [luminance(getComputedStyle(element).color), luminance(background)].sort((a, b) => b - a);
        return { text: element.textContent, background, ratio: (light! + 0.05) / (dark! + 0.05) };
      });
    });
    expect(ratios.length).toBeGreaterThanOrEqual(2);
    for (const { ratio, background } of ratios) {
      expect(background).toBe('rgb(27, 42, 73)');
      expect(ratio).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('the hidden slide is gone, the notes are notes, and $ a_1 $ is math', async () => {
    await show('reveal', 'first-normal-form');
    const state = await page.evaluate(() => ({
      hidden: document.getElementById('hidden'),
      math: window.Reveal.getCurrentSlide().querySelectorAll('.katex').length,
      notes: window.Reveal.getSlideNotes(),
    }));
    expect(state.hidden).toBeNull();
    expect(state.math).toBe(1);
    expect(state.notes).toContain('ask who has seen a non-atomic column');
    expect(errors).toEqual([]);
  });
});

describe('PDFs and the check of the test course', () => {
  test('code steps print as pages with --fragments; the hidden slide is not printed', async () => {
    const result = await exportPdf({ root: course, progress: false, pdf: { fragments: true } });
    expect(result.failed).toBe(false);
    const reveal = await readPdf(path.join(course, 'dist', 'reveal', 'reveal.pdf'));
    expect(reveal.pages.map((entry) => entry.text).join(' ')).not.toContain('Hidden');
    const steps = reveal.pages.filter((entry) => entry.text.includes('Code steps'));
    expect(steps).toHaveLength(2);
    const quarto = await readPdf(path.join(course, 'dist', 'quarto', 'quarto.pdf'));
    expect(quarto.pages.filter((entry) => entry.text.includes('Live code'))).toHaveLength(2);
  }, 180_000);

  test('lecture check --layout finds no overflow, and nothing on the hidden slide', async () => {
    const result = await check({ root: course, cache: false, overrides: { check: { offline: true, layout: true } } });
    const rules = result.files.flatMap((file) => [...file.messages].map((message) => message.ruleId));
    expect(rules).not.toContain('slide-overflow');
    expect(rules).not.toContain('todo-text');
    expect(rules).not.toContain('missing-alt');
  }, 180_000);
});

describe('mermaid diagrams at build time', () => {
  test('a broken diagram is reported at its line and the slide still builds', async () => {
    const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'x' });
    const file = new VFile({ path: 'deck.md', value: '## Good\n\n```mermaid\nflowchart LR\n  A --> B\n```\n\n## Bad\n\n```{mermaid}\nflowchart LR\n  A --> B\n  B -->\n```\n' });
    await processor.process(file);
    const html = String(file.value);
    expect(html).toContain('<svg');
    expect(html).toContain('<pre><code class="language-mermaid">flowchart LR');
    const lines = messageLines(file).trim().split('\n');
    expect(lines).toHaveLength(1);
    // The error is on the diagram's third line, `B -->` (line 13 of the lecture).
    expect(lines[0]).toMatch(/^13:1-13:1 warning Mermaid diagram error: .* diagram-error$/);
  }, 60_000);
});
