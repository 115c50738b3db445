/**
 * Pandoc's constructs as a browser lays them out: a four-column grid table
 * and a captioned multiline table are tables (columns side by side at
 * Pandoc's relative widths, header over body, caption over the table, the
 * cells' lists rendered), columns align at the bottom as `align=bottom`
 * asks, a video written as an image is a player with its file copied, and
 * a formula KaTeX cannot read shows its source in a box.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { removeCourse } from '../helpers/course.js';
import '../helpers/reveal.js';
import { clipWebm } from '../helpers/webm.js';

const lecture = `---
title: Pandoc constructs
---

## Grid

+---------------+---------------+--------------------+------+
| Fruit         | Price         | Advantages         | Kind |
+===============+==============:+:==================:+======+
| Bananas       | $1.34         | - built-in wrapper | A    |
|               |               | - bright color     |      |
+---------------+---------------+--------------------+------+
| Oranges       | $2.10         | - cures scurvy     | B    |
+---------------+---------------+--------------------+------+

## Multiline

-------------------------------------------------------------
 Centered   Default           Right Left
  Header    Aligned         Aligned Aligned
----------- ------- --------------- -------------------------
   First    row                12.0 Example of a row that
                                    spans multiple lines.

  Second    row                 5.0 Here's another one.
-------------------------------------------------------------

Table: Here's the caption.

## Columns {#aligned}

:::::: {.columns align=bottom}
::: {.column width="40%"}
Short.
:::
::: {.column width="60%"}
A tall column.

With a second paragraph.

And a third one.
:::
::::::

## Media

![The clip](clip.webm){width=50%}

$$\\frac{1}{$$
`;

describe('Pandoc constructs in Chromium', () => {
  let course: string;
  let page: Page;

  beforeAll(async () => {
    course = mkdtempSync(path.join(os.tmpdir(), 'lecture-test-'));
    mkdirSync(path.join(course, 'lectures', 'pandoc'), { recursive: true });
    writeFileSync(path.join(course, 'lectures', 'pandoc', 'pandoc.md'), lecture);
    writeFileSync(path.join(course, 'lectures', 'pandoc', 'clip.webm'), clipWebm);
    const result = await build({ root: course, cache: false });
    expect(result.failed).toBe(false);
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(pathToFileURL(path.join(course, 'dist/pandoc/index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
  });

  afterAll(async () => {
    await closeBrowser();
    removeCourse(course);
  });

  /** The header cells of the table on slide `h`: their text and boxes, once the slide is shown. */
  async function headerCells(h: number) {
    await page.evaluate((index) => window.Reveal.slide(index), h);
    await page.waitForFunction((index) => window.Reveal.getIndices().h === index && !document.querySelector('.slides.transitioning'), {}, h);
    return page.evaluate(() =>
      Array.from(window.Reveal.getCurrentSlide().querySelectorAll('table thead th')).map((cell) => {
        const box = cell.getBoundingClientRect();
        return { text: cell.textContent?.replace(/\s+/g, ' ').trim(), left: box.left, right: box.right, top: box.top, width: box.width, align: getComputedStyle(cell).textAlign };
      }),
    );
  }

  test('a four-column grid table is a table: columns side by side at their relative widths, lists in its cells', async () => {
    const cells = await headerCells(1);
    expect(cells.map((cell) => cell.text)).toEqual(['Fruit', 'Price', 'Advantages', 'Kind']);
    for (let index = 1; index < cells.length; index++) {
      expect(cells[index]!.left).toBeGreaterThanOrEqual(cells[index - 1]!.right - 1);
      expect(Math.abs(cells[index]!.top - cells[0]!.top)).toBeLessThan(1);
    }
    // Pandoc's widths: 22%, 22%, 29%, 9% of the text width.
    expect(cells[2]!.width / cells[0]!.width).toBeCloseTo(29 / 22, 1);
    expect(cells[3]!.width).toBeLessThan(cells[0]!.width);
    expect(cells[1]!.align).toBe('right');
    expect(cells[2]!.align).toBe('center');
    const body = await page.evaluate(() => {
      const table = window.Reveal.getCurrentSlide().querySelector('table')!;
      return { rows: table.querySelectorAll('tbody tr').length, items: Array.from(table.querySelectorAll('tbody td li')).map((item) => item.textContent) };
    });
    expect(body).toEqual({ rows: 2, items: ['built-in wrapper', 'bright color', 'cures scurvy'] });
  });

  test('a captioned multiline table is a table with its caption above it', async () => {
    const cells = await headerCells(2);
    expect(cells.map((cell) => cell.text)).toEqual(['Centered Header', 'Default Aligned', 'Right Aligned', 'Left Aligned']);
    expect(cells.map((cell) => cell.align)).toEqual(['center', 'left', 'right', 'left']);
    const layout = await page.evaluate(() => {
      const table = window.Reveal.getCurrentSlide().querySelector('table')!;
      const caption = table.querySelector('caption')!.getBoundingClientRect();
      const head = table.querySelector('thead')!.getBoundingClientRect();
      const cell = table.querySelector('tbody tr td:last-child')!;
      return { caption: table.querySelector('caption')!.textContent, above: caption.bottom <= head.top + 1, rows: table.querySelectorAll('tbody tr').length, cell: cell.textContent?.replace(/\s+/g, ' ') };
    });
    expect(layout).toEqual({ caption: 'Here’s the caption.', above: true, rows: 2, cell: 'Example of a row that spans multiple lines.' });
  });

  test('columns with align=bottom end on one line', async () => {
    await page.evaluate(() => window.Reveal.slide(3));
    await page.waitForFunction(() => window.Reveal.getCurrentSlide().id === 'aligned' && !document.querySelector('.slides.transitioning'));
    const boxes = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#aligned .column')).map((column) => {
        const box = column.getBoundingClientRect();
        return { top: box.top, bottom: box.bottom, height: box.height };
      }),
    );
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.height).toBeLessThan(boxes[1]!.height / 2);
    expect(Math.abs(boxes[0]!.bottom - boxes[1]!.bottom)).toBeLessThan(1);
  });

  test('a video written as an image is a player for the copied file; a broken formula shows its source', async () => {
    const video = await page.evaluate(async () => {
      const element = document.querySelector('video')!;
      if (element.readyState < 1) await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
      return { src: element.getAttribute('src'), controls: element.controls, width: element.style.width, ready: element.readyState >= 1 };
    });
    expect(video).toEqual({ src: expect.stringMatching(/^\.\.\/_media\/[0-9a-f]{16}\.webm$/), controls: true, width: '50%', ready: true });
    const error = await page.$eval('.math-error', (element) => ({ text: element.textContent, visible: element.getBoundingClientRect().width > 0 }));
    expect(error).toEqual({ text: '\\frac{1}{', visible: true });
    expect(await page.$$('.katex-error')).toHaveLength(0);
  });
});
