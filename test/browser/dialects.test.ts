/**
 * A lecture of each kind (`fixtures/dialects/<kind>/input.md`) built into a
 * deck and opened in headless Chromium: reveal.js starts, no slide shows
 * markup as text, sub-items are nested, and reveal-md's stacks, notes,
 * fragments and slide attributes arrive in reveal.js.
 */
import { cpSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import '../helpers/reveal.js';

const kinds = ['notes', 'page', 'tutorial', 'outline', 'reveal-md'];

/** A course whose lectures are the dialect fixtures of each kind. */
function dialectCourse(): string {
  const course = copyCourse(path.join(fixturesRoot, 'course'));
  rmSync(path.join(course, 'lectures'), { recursive: true });
  for (const kind of kinds) {
    const folder = path.join(course, 'lectures', kind);
    mkdirSync(folder, { recursive: true });
    cpSync(path.join(fixturesRoot, 'dialects', kind), folder, { recursive: true, filter: (source) => !/\.(html|txt)$/.test(source) });
    renameSync(path.join(folder, 'input.md'), path.join(folder, `${kind}.md`));
  }
  return course;
}

async function open(page: Page, course: string, kind: string): Promise<void> {
  await page.goto(pathToFileURL(path.join(course, 'dist', kind, 'index.html')).href, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Reveal?.isReady());
}

describe('a deck of each kind in Chromium', () => {
  let course: string;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    course = dialectCourse();
    const result = await build({ root: course, cache: false });
    expect(result.failed).toBe(false);
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  });

  afterAll(async () => {
    await closeBrowser();
    removeCourse(course);
  });

  for (const kind of kinds) {
    test(`${kind}: no markup shown as text, nested sub-items`, async () => {
      await open(page, course, kind);
      const shown = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')).map((slide) => {
          const copy = slide.cloneNode(true) as HTMLElement;
          for (const hidden of Array.from(copy.querySelectorAll('pre, code, aside.notes, section'))) hidden.remove();
          return copy.textContent ?? '';
        }),
      );
      expect(shown.length).toBeGreaterThan(2);
      for (const text of shown) expect(text).not.toMatch(/:::|\{[^}]*\}|\[[ xX]\]|\{\{|\{%/);
      expect(await page.$$eval('.reveal li > ul > li, .reveal li > ol > li', (items) => items.length)).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  }

  test('reveal-md: stacks, speaker notes, fragments and slide attributes', async () => {
    await open(page, course, 'reveal-md');
    const layout = await page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section')).map((section) => section.querySelectorAll(':scope > section').length));
    expect(layout).toEqual([0, 3, 0]);
    expect(await page.evaluate(() => window.Reveal.getSlideNotes(document.querySelector('.reveal .slides > section')!))).toContain('show of hands');
    expect(await page.$$eval('#bridge-networks li.fragment', (items) => items.length)).toBe(2);
    const last = await page.$eval('.reveal .slides > section:last-child', (section) => ({ background: section.getAttribute('data-background-color'), classes: section.className }));
    expect(last.background).toBe('#fdf1dc');
    expect(last.classes).toContain('dense');
  });
});
