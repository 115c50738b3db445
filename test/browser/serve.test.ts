/**
 * `lecture serve` used as an instructor uses it, in headless Chromium: an
 * edit shows on the open slide without a reload, a broken lecture shows the
 * overlay and fixing it removes it, an image added after the start is
 * served, lectures added or deleted appear on or leave the course page, a
 * broken config keeps the last good decks under the overlay, and the speaker
 * view follows an edit of the notes.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { serve, type ServeHandle } from '../../src/serve/serve.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import '../helpers/reveal.js';

let root: string;
let handle: ServeHandle;
let page: Page;
const source = () => path.join(root, 'lectures/01-deck/deck.md');

function edit(change: (text: string) => string, file = source()): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

/** Wait until the open deck's slides contain `text` (no reload needed). */
function slidesContain(text: string, target: Page = page) {
  return target.waitForFunction((wanted) => document.querySelector('.reveal .slides')?.textContent?.includes(wanted), { polling: 'mutation', timeout: 20_000 }, text);
}

function overlayText(): Promise<string | null> {
  return page.evaluate(() => document.getElementById('lecture-overlay')?.innerText ?? null);
}

beforeAll(async () => {
  await browser();
});
afterAll(() => closeBrowser());

beforeEach(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-serve-'));
  cpSync(path.join(fixturesRoot, 'course'), root, { recursive: true });
  handle = await serve({ root, port: 0, fit: false, cache: false });
  page = await (await browser()).newPage();
  await page.goto(`${handle.url}01-deck/#/last`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Reveal?.isReady());
});
afterEach(async () => {
  await page.close();
  await handle.close();
  rmSync(root, { recursive: true, force: true });
});

describe('lecture serve', () => {
  test('an edit shows on the same slide, without reloading the page', async () => {
    await page.evaluate(() => Object.assign(window, { stayed: true }));
    const before = await page.evaluate(() => window.Reveal.getIndices());
    edit((text) => text.replace('The end.', 'The very end, edited.'));
    await slidesContain('The very end, edited.');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(before);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe('last');
  });

  test('an edit swaps only the slides it changed; a new slide swaps them all', async () => {
    const kept = () => page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section')).map((section) => ({ kept: (section as unknown as { kept?: boolean }).kept === true, last: section.textContent?.includes('The end') ?? false })));
    // The first change reads the page as it was written; from the second on, untouched slides stay as they are.
    edit((text) => text.replace('The end.', 'The end, once.'));
    await slidesContain('The end, once.');
    await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').forEach((section) => Object.assign(section, { kept: true })));
    edit((text) => text.replace('The end, once.', 'The end, twice.'));
    await slidesContain('The end, twice.');
    const slides = await kept();
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.filter((slide) => !slide.kept)).toEqual([{ kept: false, last: true }]);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe('last');
    edit((text) => `${text}\n\n# Added\n\n## More\n\nA slide more.\n`);
    await slidesContain('A slide more.');
    const after = await kept();
    expect(after).toHaveLength(slides.length + 1);
    expect(after.every((slide) => !slide.kept)).toBe(true);
    expect(await page.evaluate(() => window.Reveal.getCurrentSlide().id)).toBe('last');
  });

  test('a deck with a quiz gets all new slides (the quiz plugin sets up every quiz of the page again)', async () => {
    const quiz = '\n\n# Quiz\n\n## Question\n\n::: quiz\nWhich one?\n\n- [x] Right\n- [ ] Wrong\n:::\n';
    edit((text) => `${text}${quiz}`);
    await slidesContain('Which one?');
    await page.evaluate(() => document.querySelectorAll('.reveal .slides > section').forEach((section) => Object.assign(section, { kept: true })));
    edit((text) => text.replace('The end.', 'The end, with a quiz.'));
    await slidesContain('The end, with a quiz.');
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('.reveal .slides > section')).some((section) => (section as unknown as { kept?: boolean }).kept))).toBe(false);
  });

  test('a broken lecture shows the overlay at its line, and fixing it removes it', async () => {
    expect(await overlayText()).toBeNull();
    edit((text) => text.replace('## Last {#last}', ':::\n\n## Last {#last}'));
    await page.waitForFunction(() => document.getElementById('lecture-overlay') !== null, { timeout: 20_000 });
    const shown = await overlayText();
    expect(shown).toMatch(/01-deck\/deck\.md:\d+:1/);
    expect(shown).toContain('stray-fence');
    edit((text) => text.replace(':::\n\n## Last {#last}', '## Last {#last}'));
    await page.waitForFunction(() => document.getElementById('lecture-overlay') === null, { timeout: 20_000 });
  });

  test('an image referenced, then added after the start, is served', async () => {
    edit((text) => text.replace('The end.', 'The end.\n\n![A new picture](img/new.svg)'));
    await page.waitForFunction(() => document.getElementById('lecture-overlay')?.innerText.includes('missing-file'), { timeout: 20_000 });
    const svg = readFileSync(path.join(root, 'lectures/01-deck/img/square.svg'), 'utf8');
    writeFileSync(path.join(root, 'lectures/01-deck/img/new.svg'), svg);
    await page.waitForFunction(() => document.getElementById('lecture-overlay') === null, { timeout: 20_000 });
    const loaded = await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('img[alt="A new picture"]');
      return image?.complete && image.naturalWidth > 0 ? image.getAttribute('src') : false;
    }, { timeout: 20_000 });
    expect(await loaded.jsonValue()).toMatch(/^\.\.\/_media\/[0-9a-f]+\.svg$/);
  });

  test('a new lecture appears on the course page, a deleted one leaves it', async () => {
    const course = await (await browser()).newPage();
    await course.goto(handle.url, { waitUntil: 'load' });
    writeFileSync(path.join(root, 'lectures/02-new.md'), '---\ntitle: A brand new lecture\n---\n\n## Hello\n\nNew.\n');
    await course.waitForFunction(() => document.body.innerText.includes('A brand new lecture'), { timeout: 20_000 });
    rmSync(path.join(root, 'lectures/02-new.md'));
    await course.waitForFunction(() => !document.body.innerText.includes('A brand new lecture'), { timeout: 20_000 });
    expect(handle.decks()).toEqual(['01-deck']);
    await course.close();
  });

  test('a broken config keeps the last good deck on screen under the overlay', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), '{ "theme": ');
    await page.waitForFunction(() => document.getElementById('lecture-overlay')?.innerText.includes('lecture.config.json'), { timeout: 20_000 });
    expect(await page.evaluate(() => document.querySelector('.reveal .slides')?.textContent)).toContain('The end.');
    writeFileSync(path.join(root, 'lecture.config.json'), '{}');
    await page.waitForFunction(() => document.getElementById('lecture-overlay') === null, { timeout: 20_000 });
  });

  test('the speaker view follows an edit of the notes', async () => {
    await page.evaluate(() => window.Reveal.slide(1, 1));
    const opened = new Promise<import('puppeteer-core').Target>((resolve) => page.browser().once('targetcreated', resolve));
    await page.keyboard.press('s');
    const speaker = (await (await opened).page())!;
    await speaker.waitForFunction(() => document.body.innerText.includes('Notes for the columns slide.'), { timeout: 20_000 });
    edit((text) => text.replace('Notes for the columns slide.', 'Notes rewritten while presenting.'));
    await speaker.waitForFunction(() => document.body.innerText.includes('Notes rewritten while presenting.'), { timeout: 20_000 });
    await speaker.close();
  });

  test('a second serve of the same course runs on another port, with its own folder', async () => {
    const second = await serve({ root, port: handle.port, fit: false });
    try {
      expect(second.port).not.toBe(handle.port);
      expect(second.folder).not.toBe(handle.folder);
      edit((text) => text.replace('The end.', 'Seen by both.'));
      await slidesContain('Seen by both.');
      const other = await (await browser()).newPage();
      await other.goto(`${second.url}01-deck/`, { waitUntil: 'load' });
      await second.settled();
      await slidesContain('Seen by both.', other);
      await other.close();
    } finally {
      await second.close();
    }
  });
});

describe('lecture serve with fitting', () => {
  test('a slide that still overflows after fitting is outlined with its overflow in pixels', async () => {
    const code = Array.from({ length: 70 }, (_, index) => `line_${index} = ${index}`).join('\n');
    writeFileSync(path.join(root, 'lectures/02-long.md'), `## Too long\n\n\`\`\`python\n${code}\n\`\`\`\n`);
    const fitted = await serve({ root, port: 0, fit: true, cache: false });
    try {
      const deck = await (await browser()).newPage();
      await deck.goto(`${fitted.url}02-long/`, { waitUntil: 'load' });
      const label = await deck.waitForFunction(() => document.querySelector('section.lecture-overflow')?.getAttribute('data-lecture-overflow'), { timeout: 20_000 });
      expect(await label.jsonValue()).toMatch(/^overflows by \d+ px$/);
      expect(await deck.$eval('section.lecture-overflow', (section) => getComputedStyle(section).outlineStyle)).toBe('dashed');
      await deck.close();
    } finally {
      await fitted.close();
    }
  });
});
