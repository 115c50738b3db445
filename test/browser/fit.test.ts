/**
 * Slides that fit: a lecture of deliberately long slides is built with
 * fitting on, then opened in headless Chromium. Long lists, numbered steps
 * and prose end up split into continuation slides, a long code block scaled
 * (never below 70%), an unsized picture kept inside its slide; a slide that
 * cannot fit even at 70% is reported at its source line instead; opted-out
 * slides are left alone. A long list of questions in a callout is split
 * inside the callout, and a numbered step with paragraphs and a long code
 * block between its blocks, the numbers counting on. No element of a fitted
 * slide lies outside its box.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type BuildResult } from '../../src/course/build.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import '../helpers/reveal.js';

interface SlideState {
  title: string;
  scale: number;
  /** Elements whose box reaches outside the slide's box, by more than a pixel. */
  outside: string[];
}

describe('fitting long slides', () => {
  let course: string;
  let result: BuildResult;
  let page: Page;
  let slides: SlideState[];

  beforeAll(async () => {
    course = copyCourse('fit-course');
    result = await build({ root: course, fit: true });
    page = await (await browser()).newPage();
    await page.setViewport({ width: 960, height: 700 });
    await page.goto(pathToFileURL(path.join(course, 'dist/long/index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction('window.Reveal && Reveal.isReady()');
    await page.evaluate("Reveal.configure({ transition: 'none', backgroundTransition: 'none' })");
    slides = [];
    const count = (await page.evaluate('Reveal.getSlides().length')) as number;
    for (let index = 0; index < count; index++) {
      slides.push(
        (await page.evaluate((index) => {
          const reveal = (window as unknown as { Reveal: { getSlides(): HTMLElement[]; getIndices(slide: HTMLElement): { h: number; v: number }; slide(h: number, v: number, f: number): void } }).Reveal;
          const section = reveal.getSlides()[index]!;
          const { h, v } = reveal.getIndices(section);
          reveal.slide(h, v, 99);
          const box = section.getBoundingClientRect();
          const outside = Array.from(section.querySelectorAll<HTMLElement>('*'))
            .filter((element) => !element.closest('aside.notes'))
            .filter((element) => {
              const rect = element.getBoundingClientRect();
              return rect.height > 0 && (rect.bottom > box.bottom + 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.left < box.left - 1);
            })
            .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 30) ?? ''}`);
          const base = parseFloat(getComputedStyle(section.parentElement!).fontSize);
          return { title: section.querySelector('h1, h2')?.textContent ?? '', scale: parseFloat(getComputedStyle(section).fontSize) / base, outside };
        }, index)) as SlideState,
      );
    }
  }, 90_000);

  afterAll(async () => {
    await page?.close();
    await closeBrowser();
    removeCourse(course);
  });

  const titled = (title: string) => slides.filter((slide) => slide.title.startsWith(title));

  test('a long list, numbered steps and prose are split into evenly filled continuation slides', () => {
    expect(titled('A long list').map((slide) => slide.title)).toEqual(['A long list (1/3)', 'A long list (2/3)', 'A long list (3/3)']);
    expect(titled('Numbered steps').map((slide) => slide.title)).toEqual(['Numbered steps (1/2)', 'Numbered steps (2/2)']);
    expect(titled('Long prose')).toHaveLength(3);
    const html = readFileSync(path.join(course, 'dist/long/index.html'), 'utf8');
    // Every item is still there, once, and the second part of the numbered list counts on.
    for (let point = 1; point <= 24; point++) expect(html.match(new RegExp(`Point ${point}:`, 'g'))?.length).toBe(3);
    expect(html).toMatch(/<ol start="10">\s*<li>Step 10:/);
    for (const slide of [...titled('A long list'), ...titled('Numbered steps'), ...titled('Long prose')]) {
      expect(slide.scale).toBe(1);
      expect(slide.outside).toEqual([]);
    }
  });

  /** Each list item of the slides titled `title`: the number it shows (none when its marker is hidden), its text, and the callouts around it. */
  const items = (title: string) =>
    page.evaluate((title) => {
      const sections = Array.from(document.querySelectorAll('section')).filter((section) => section.querySelector('h2')?.textContent?.startsWith(title));
      return sections.map((section) => ({
        callouts: Array.from(section.querySelectorAll('.callout')).map((callout) => ({
          classes: callout.className,
          id: callout.id,
          title: callout.querySelector(':scope > .callout-title')?.textContent,
          topic: callout.getAttribute('data-topic'),
        })),
        items: Array.from(section.querySelectorAll<HTMLLIElement>(':scope ol > li, :scope .callout-body > ol > li')).map((item) => {
          const list = item.parentElement as HTMLOListElement;
          const shown = getComputedStyle(item).listStyleType !== 'none';
          return { number: shown ? list.start + Array.from(list.children).indexOf(item) : undefined, text: item.textContent?.trim().slice(0, 12) ?? '' };
        }),
      }));
    }, title);

  test('a long list of questions in a callout is split inside the callout, which wraps each part, and counts on', async () => {
    const parts = titled('Check yourself');
    expect(parts.length).toBeGreaterThan(1);
    for (const slide of parts) {
      expect(slide.scale).toBe(1);
      expect(slide.outside).toEqual([]);
    }
    const read = await items('Check yourself');
    for (const [index, part] of read.entries()) {
      // The callout wraps each part, its title on every one, its id on the first only.
      expect(part.callouts).toEqual([{ classes: 'callout callout-tip', id: index === 0 ? 'check-questions' : '', title: 'Questions you will be able to answer', topic: 'containers' }]);
    }
    const numbered = read.flatMap((part) => part.items);
    expect(numbered.map((item) => item.number)).toEqual(Array.from({ length: 14 }, (_, index) => index + 1));
    for (const item of numbered) expect(item.text).toMatch(new RegExp(`^Question ${item.number}:`));
  });

  test('a numbered step with paragraphs and a long code block is split between its blocks, keeping its number', async () => {
    const parts = titled('Build the image');
    expect(parts.length).toBeGreaterThan(1);
    for (const slide of parts) {
      expect(slide.scale).toBeGreaterThanOrEqual(0.85 - 1e-6);
      expect(slide.outside).toEqual([]);
    }
    const numbered = (await items('Build the image')).flatMap((part) => part.items);
    // Step 2 goes on over one or more slides without a number of its own; step 3 is still 3.
    expect(numbered[0]).toEqual({ number: 1, text: 'Step 1: crea' });
    expect(numbered[1]).toEqual({ number: 2, text: 'Step 2: writ' });
    expect(numbered.at(-1)).toEqual({ number: 3, text: 'Step 3: run ' });
    const continued = numbered.slice(2, -1);
    expect(continued.length).toBeGreaterThan(0);
    for (const item of continued) expect(item.number).toBeUndefined();
    // The code block is whole, once, and never cut inside.
    const code = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section'))
        .filter((section) => section.querySelector('h2')?.textContent?.startsWith('Build the image'))
        .flatMap((section) => Array.from(section.querySelectorAll('pre')).map((pre) => pre.textContent?.trim().split('\n').length)),
    );
    expect(code).toEqual([13]);
    // The paragraph that introduces the code ("Save this as `Dockerfile` …:") is on the code's slide, not left last on the one before.
    const leadIn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section'))
        .filter((section) => section.querySelector('h2')?.textContent?.startsWith('Build the image'))
        .map((section) => ({ code: section.querySelector('pre') !== null, text: section.textContent ?? '' })),
    );
    expect(leadIn.filter((slide) => slide.text.includes('Save this as')).map((slide) => slide.code)).toEqual([true]);
  });

  test('a long code block is scaled down, not below 70%, and fits; an unsized picture stays inside its slide', () => {
    const [code] = titled('Long code');
    expect(code!.scale).toBeLessThan(1);
    expect(code!.scale).toBeGreaterThanOrEqual(0.7 - 1e-6);
    expect(code!.outside).toEqual([]);
    expect(titled('A big picture')[0]!.outside).toEqual([]);
  });

  test('a long section with a table and code is split before a sub-heading; slightly long code is shrunk a little, not split', async () => {
    expect(titled('A long section').map((slide) => slide.title)).toEqual(['A long section (1/2)', 'A long section (2/2)']);
    const firstBlock = await page.evaluate(() =>
      Array.from(document.querySelectorAll('section'))
        .filter((section) => section.querySelector('h2')?.textContent === 'A long section (2/2)')
        .map((section) => section.querySelector('h2')?.nextElementSibling?.tagName)[0],
    );
    expect(firstBlock).toBe('H3');
    for (const slide of titled('A long section')) expect(slide.outside).toEqual([]);
    const [code] = titled('Slightly long code');
    expect(code!.scale).toBeGreaterThanOrEqual(0.85 - 1e-6);
    expect(code!.scale).toBeLessThan(1);
    expect(code!.outside).toEqual([]);
  });

  test('a slide that cannot fit even at 70% is kept at 70% and reported at its source line', () => {
    const [giant] = titled('Far too long');
    expect(giant!.scale).toBeCloseTo(0.7, 2);
    const messages = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'slide-overflow'));
    expect(messages).toHaveLength(1);
    const source = readFileSync(path.join(course, 'lectures/long/long.md'), 'utf8').split('\n');
    expect(source[messages[0]!.line! - 1]).toBe('## Far too long');
    expect(messages[0]!.reason).toMatch(/overflows its canvas by \d+ px even at 70%/);
  });

  test('opted-out slides are left as written and not reported', async () => {
    expect(titled('Opted out')).toHaveLength(1);
    expect(titled('Opted out')[0]!.scale).toBe(1);
    expect(titled('Scrolls')[0]!.scale).toBe(1);
    const scrolls = await page.evaluate(() => {
      const section = Array.from(document.querySelectorAll<HTMLElement>('section.scrollable'))[0]!;
      return getComputedStyle(section).overflowY;
    });
    expect(scrolls).toBe('auto');
  });

  test('the course page counts the slides as fitted, and a rebuild replays the measurements without changing the deck', async () => {
    expect(result.decks[0]!.slides).toBe(slides.length);
    expect(readFileSync(path.join(course, 'dist/index.html'), 'utf8')).toContain(`${slides.length} slides`);
    const before = readFileSync(path.join(course, 'dist/long/index.html'), 'utf8');
    expect(readdirSync(path.join(course, '.lecture-cache/fit')).length).toBeGreaterThan(0);
    // No browser this time: the cached measurements must be enough.
    const saved = process.env.CHROME_PATH;
    process.env.CHROME_PATH = path.join(course, 'no-browser-here');
    const again = await build({ root: course, fit: true }).finally(() => {
      if (saved === undefined) delete process.env.CHROME_PATH;
      else process.env.CHROME_PATH = saved;
    });
    const rules = again.files.flatMap((file) => file.messages.map((message) => message.ruleId));
    expect(rules).not.toContain('fit-failed');
    // What fitting reported is reported again from the cache.
    expect(rules.filter((rule) => rule === 'slide-overflow')).toHaveLength(1);
    expect(again.decks[0]!.slides).toBe(slides.length);
    expect(readFileSync(path.join(course, 'dist/long/index.html'), 'utf8')).toBe(before);
  });
});

describe('fitting several decks at once', () => {
  let course: string;
  let result: BuildResult;
  const deckHtml = (slug: string) => readFileSync(path.join(course, 'dist', slug, 'index.html'), 'utf8');
  const titles = (slug: string) => [...deckHtml(slug).matchAll(/<h2[^>]*>([^<]*)</g)].map((match) => match[1]!);

  beforeAll(async () => {
    // Two copies of the long lecture share one layout document; a lecture with a stylesheet in its slides is laid out alone.
    course = copyCourse('fit-course');
    cpSync(path.join(course, 'lectures/long'), path.join(course, 'lectures/again'), { recursive: true });
    renameSync(path.join(course, 'lectures/again/long.md'), path.join(course, 'lectures/again/again.md'));
    mkdirSync(path.join(course, 'lectures/styled'));
    writeFileSync(path.join(course, 'lectures/styled/styled.md'), '---\ntitle: Styled\n---\n\n## Big titles\n\n<style>.reveal h2 { font-size: 160px; }</style>\n\nShort.\n');
    result = await build({ root: course, fit: true });
  }, 90_000);

  afterAll(() => removeCourse(course));

  test('each deck gets its own fit, reported on its own file', () => {
    expect(titles('again')).toEqual(titles('long'));
    expect(titles('long')).toEqual(expect.arrayContaining(['A long list (3/3)', 'Numbered steps (2/2)', 'A long section (2/2)']));
    expect(titles('long').filter((title) => title.startsWith('A long list'))).toHaveLength(3);
    const overflows = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'slide-overflow').map((message) => `${path.basename(file.path)}:${message.line}`));
    const line = readFileSync(path.join(course, 'lectures/long/long.md'), 'utf8').split('\n').indexOf('## Far too long') + 1;
    expect(overflows.sort()).toEqual([`again.md:${line}`, `long.md:${line}`]);
    // The other decks' short slide was not restyled by the styled deck's stylesheet.
    expect(deckHtml('long')).not.toMatch(/<section[^>]*data-fit-scale[^>]*>\s*<h2[^>]*>Short slide/);
  });
});
