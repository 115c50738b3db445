/**
 * Single-file decks (`output.singleFile`) of the sample course: each well
 * under 1.5 MB; copied alone into an empty folder and opened from file://
 * with the network switched off, a deck asks for nothing but itself, its
 * fonts and math fonts load from inside it, a quiz is answered, and the
 * speaker view opens with the notes.
 */
import { cpSync, copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import '../helpers/reveal.js';

describe('single-file decks of the sample course', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lecture-single-'));
  const alone = mkdtempSync(path.join(os.tmpdir(), 'lecture-alone-'));
  let page: Page;
  const requests: string[] = [];
  const errors: string[] = [];
  let sizes: Record<string, number> = {};

  beforeAll(async () => {
    cpSync(path.resolve('lectures'), path.join(root, 'lectures'), { recursive: true });
    const result = await build({ root, overrides: { output: { singleFile: true } } });
    expect(result.failed).toBe(false);
    sizes = Object.fromEntries(result.decks.map((deck) => [deck.slug, statSync(path.join(root, 'dist', deck.slug, `${deck.slug}.html`)).size]));
    copyFileSync(path.join(root, 'dist', '02-images', '02-images.html'), path.join(alone, 'deck.html'));
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setOfflineMode(true);
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(pathToFileURL(path.join(alone, 'deck.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready);
  }, 180_000);

  afterAll(async () => {
    await closeBrowser();
    rmSync(root, { recursive: true, force: true });
    rmSync(alone, { recursive: true, force: true });
  });

  test('a single file is made again only when its deck changed', async () => {
    const file = path.join(root, 'dist', '02-images', '02-images.html');
    const before = statSync(file).mtimeMs;
    await build({ root, overrides: { output: { singleFile: true } } });
    expect(statSync(file).mtimeMs).toBe(before);
  }, 120_000);

  test('every deck is under 1.5 MB, and the course page links them', () => {
    expect(Object.keys(sizes)).toEqual(['01-containers', '02-images', '03-volumes-networks']);
    expect(Math.max(...Object.values(sizes))).toBeLessThan(1.5 * 1024 * 1024);
    expect(readdirSync(path.join(root, 'dist', '02-images')).sort()).toEqual(['02-images.html', 'index.html']);
  });

  test('alone and offline, it asks for nothing but itself and loads its fonts from inside', async () => {
    expect(errors).toEqual([]);
    const outside = requests.filter((url) => !url.startsWith('data:') && url !== pathToFileURL(path.join(alone, 'deck.html')).href);
    expect(outside).toEqual([]);
    const fonts = await page.evaluate(() => {
      const loaded: string[] = [];
      document.fonts.forEach((face) => {
        if (face.status === 'loaded') loaded.push(face.family.replace(/"/g, ''));
      });
      return loaded;
    });
    expect(fonts).toContain('Source Sans 3');
    // Every face the deck's stylesheets declare is inside it: none is still to be fetched from a file.
    const sources = await page.evaluate(() => Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules)).filter((rule) => rule instanceof CSSFontFaceRule).map((rule) => (rule as CSSFontFaceRule).style.getPropertyValue('src')));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(source).toMatch(/^url\("data:font\/woff2;base64,/);
    const images = await page.$$eval('img', (list) => list.map((image) => ({ loaded: image.complete && image.naturalWidth > 0, inline: image.src.startsWith('data:') })));
    expect(images.length).toBeGreaterThan(0);
    expect(images.every((image) => image.loaded && image.inline)).toBe(true);
  });

  test('math is typeset, with its fonts', async () => {
    await page.evaluate(() => {
      const { h, v } = window.Reveal.getIndices(document.querySelector('.katex-display')!.closest('section')!);
      window.Reveal.slide(h, v);
    });
    await page.evaluate(() => document.fonts.ready);
    const math = await page.evaluate(() => {
      const formula = document.querySelector('.katex-display .katex-html');
      return formula ? { text: formula.textContent, font: getComputedStyle(formula.querySelector('.mord') ?? formula).fontFamily, check: document.fonts.check('20px KaTeX_Main', 'S') } : undefined;
    });
    expect(math?.text).toContain('S');
    expect(math?.font).toContain('KaTeX');
    expect(math?.check).toBe(true);
  });

  test('a quiz is answered: wrong, then right', async () => {
    await page.evaluate(() => {
      const { h, v } = window.Reveal.getIndices(document.querySelector('#quiz-layers')!);
      window.Reveal.slide(h, v);
    });
    const form = await page.$eval('#quiz-layers form.quiz', (element) => element.id);
    const option = async (text: string) => {
      const labels = await page.$$(`#${form} .quiz-option label`);
      for (const label of labels) if ((await label.evaluate((element) => element.textContent)).includes(text)) return label;
      throw new Error(`no option ${text}`);
    };
    const result = () => page.$eval(`#${form} .quiz-result`, (element) => element.textContent);
    await (await option('RUN')).click();
    await page.click(`#${form} .quiz-check`);
    expect(await result()).toMatch(/^Not quite/);
    await (await option('COPY')).click();
    await page.click(`#${form} .quiz-check`);
    expect(await result()).toBe('Correct!');
    expect(await page.$eval(`#${form} .quiz-explanation`, (element) => element.textContent?.trim())).toContain('Instructions that change the file system add a layer');
  });

  test('S opens the speaker view, with the notes', async () => {
    const notes = await page.evaluate(() => {
      // Notes of the slide itself (notes inside a fragment are shown only with that fragment).
      const slide = document.querySelector('section > aside.notes')!.closest('section')!;
      const { h, v } = window.Reveal.getIndices(slide);
      window.Reveal.slide(h, v);
      return window.Reveal.getSlideNotes(slide);
    });
    const opened = new Promise<Target>((resolve) => page.browser().once('targetcreated', resolve));
    await page.keyboard.press('s');
    const speaker = await (await opened).page();
    expect(speaker).not.toBeNull();
    await speaker!.waitForFunction(() => /Upcoming/i.test(document.body.innerText), { timeout: 10_000 });
    const expected = notes.replace(/<[^>]+>/g, ' ').trim().split(/\s+/).slice(0, 4).join(' ');
    expect(expected.length).toBeGreaterThan(10);
    await speaker!.waitForFunction((text) => document.body.innerText.includes(text), { timeout: 10_000 }, expected);
    await speaker!.close();
  });
});
