/**
 * Open a built deck from file:// in headless Chromium: reveal.js starts, the
 * slides are laid out as the lecture says, columns sit side by side, the
 * speaker notes plugin is there, and the page asks for nothing outside
 * file://.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import '../helpers/reveal.js';



/** A request that would leave the machine (not a file or inline data). */
function isNetwork(url: string): boolean {
  return !url.startsWith('file://') && !url.startsWith('data:');
}

describe('a built deck in Chromium', () => {
  let course: string;
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    course = copyCourse('course');
    const themed = '---\ntitle: Themed\ntheme: league\n---\n\n## A slide\n\nText in a reveal.js theme that imports Google Fonts.\n';
    writeFileSync(path.join(course, 'lectures/02-themed.md'), themed);
    const result = await build({ root: course });
    expect(result.failed).toBe(false);
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    const deck = pathToFileURL(path.join(course, 'dist/01-deck/index.html')).href;
    await page.goto(deck, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready);
  });

  afterAll(async () => {
    await closeBrowser();
    removeCourse(course);
  });

  test('reveal.js is ready with no script errors', () => {
    expect(errors).toEqual([]);
  });

  test('horizontal and vertical slides follow the sections', async () => {
    const layout = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.reveal .slides > section')).map((section) => section.querySelectorAll(':scope > section').length),
    );
    // the title slide, then two sections: each a title slide and two slides, stacked vertically
    expect(layout).toEqual([0, 3, 3]);
    expect(await page.evaluate(() => window.Reveal.getTotalSlides())).toBe(7);
  });

  test('two columns sit side by side at their widths', async () => {
    await page.evaluate(() => window.Reveal.slide(1, 1));
    await new Promise((resolve) => setTimeout(resolve, 900));
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#columns .column')).map((column) => {
        const box = column.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top, width: box.width };
      }),
    );
    expect(boxes).toHaveLength(2);
    const [left, right] = boxes as [(typeof boxes)[number], (typeof boxes)[number]];
    expect(left.right).toBeLessThanOrEqual(right.left);
    expect(Math.abs(left.top - right.top)).toBeLessThan(1);
    expect(left.width / right.width).toBeCloseTo(40 / 60, 1);
    const image = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('#columns img');
      return img ? { loaded: img.complete && img.naturalWidth > 0, src: img.getAttribute('src') } : undefined;
    });
    expect(image?.loaded).toBe(true);
    expect(image?.src).toMatch(/^\.\.\/_media\/[0-9a-f]{16}\.svg$/);
  });

  test('speaker notes are there for the speaker view', async () => {
    const notes = await page.evaluate(() => ({
      plugin: window.Reveal.hasPlugin('notes'),
      text: window.Reveal.getSlideNotes(document.querySelector('#columns') ?? undefined),
    }));
    expect(notes.plugin).toBe(true);
    expect(notes.text).toContain('Notes for the columns slide.');
  });

  test('pressing S opens the speaker view with notes, the next slide and a timer', async () => {
    await page.evaluate(() => window.Reveal.slide(1, 1));
    const opened = new Promise<import('puppeteer-core').Target>((resolve) => page.browser().once('targetcreated', resolve));
    await page.keyboard.press('s');
    const speaker = await (await opened).page();
    expect(speaker).not.toBeNull();
    await speaker!.waitForFunction(() => document.body.innerText.includes('Notes for the columns slide.'), { timeout: 10_000 });
    const text = await speaker!.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Upcoming/i);
    expect(text).toMatch(/\d\d:\d\d:\d\d/);
    await speaker!.close();
  });

  test('Esc opens the overview and slide numbers show the position', async () => {
    await page.evaluate(() => window.Reveal.slide(1, 1));
    expect(await page.$eval('.slide-number', (element) => element.textContent?.replace(/\s+/g, ''))).toBe('3/7');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => window.Reveal.isOverview())).toBe(false);
  });

  test('the URL hash follows the slide, so a reload keeps the place', async () => {
    await page.evaluate(() => window.Reveal.slide(2, 2));
    await page.waitForFunction(() => location.hash === '#/last');
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe('last');
  });

  test('fragments, code colours and math are in the page', async () => {
    expect(await page.$$eval('#fragments li.fragment', (items) => items.length)).toBe(3);
    expect(await page.$$eval('.katex', (items) => items.length)).toBeGreaterThan(0);
    expect(await page.$$eval('code.hljs span[class^="hljs-"]', (spans) => spans.length)).toBeGreaterThan(0);
  });

  test('no request leaves file://', () => {
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.filter(isNetwork)).toEqual([]);
  });

  test('a reveal.js theme that imports web fonts makes no request either', async () => {
    const themedRequests: string[] = [];
    const themed = await (await browser()).newPage();
    themed.on('request', (request) => themedRequests.push(request.url()));
    await themed.goto(pathToFileURL(path.join(course, 'dist/02-themed/index.html')).href, { waitUntil: 'load' });
    await themed.waitForFunction(() => window.Reveal?.isReady());
    expect(themedRequests.some((url) => url.endsWith('/themes/league.css'))).toBe(true);
    expect(themedRequests.filter(isNetwork)).toEqual([]);
    await themed.close();
  });
});
