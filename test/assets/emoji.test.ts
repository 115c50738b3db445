/**
 * The emoji font: which characters go to it, how themes fall back to it,
 * and the subset itself — Noto Color Emoji cut down to a few characters with
 * its colour glyphs (COLRv1, subset by colr.ts) kept, drawn in colour by a
 * real Chromium from nothing but that font.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { emojiOf, emojiSubset, withEmojiFallback } from '../../src/assets/fonts/emoji.js';
import { readTables, toTrueType } from '../../src/assets/fonts/subset.js';
import { browser, closeBrowser } from '../helpers/browser.js';

const codes = (text: string) => [...text].map((character) => character.codePointAt(0)!);

afterAll(async () => {
  await closeBrowser();
});

describe('which characters the emoji font draws', () => {
  test('emoji (presentation, VS16, modifiers, flags, keycaps, ZWJ sequences) first; text-style pictographs only as a fallback', () => {
    const found = { emoji: new Set<number>(), symbols: new Set<number>() };
    emojiOf('Done ✅, ship 🚀 👍🏽 🇫🇷 1️⃣ 👩‍💻 ♥ ❤️ → © ™ plain', found);
    expect([...found.emoji].sort((a, b) => a - b)).toEqual(codes('\u200D\u20E3✅❤\uFE0F🇫🇷👍👩💻🚀🏽').sort((a, b) => a - b));
    expect([...found.symbols]).toEqual(codes('♥'));
  });

  test('every font list of a theme gets the emoji font first and the symbols last; @font-face and var() are left alone', () => {
    const css = [
      "@font-face { font-family: 'Source Sans 3'; src: url(a.woff2); }",
      ':root { --r-main-font: "Source Sans 3", sans-serif; --r-main-font-size: 34px; }',
      '.reveal { font-family: var(--r-main-font); }',
      'code { font-family: Menlo, monospace !important; }',
      'p { font-family: inherit; }',
    ].join('\n');
    expect(withEmojiFallback(css).split('\n')).toEqual([
      "@font-face { font-family: 'Source Sans 3'; src: url(a.woff2); }",
      ":root { --r-main-font: 'Lecture Emoji', \"Source Sans 3\", sans-serif, 'Lecture Symbols'; --r-main-font-size: 34px; }",
      '.reveal { font-family: var(--r-main-font); }',
      "code { font-family: 'Lecture Emoji', Menlo, monospace, 'Lecture Symbols' !important; }",
      'p { font-family: inherit; }',
    ]);
    expect(withEmojiFallback(withEmojiFallback(css))).toBe(withEmojiFallback(css));
  });
});

describe('the subset', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lecture-emoji-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  test('a few kilobytes, with the colour glyphs of what was asked for and nothing else, drawn in colour', async () => {
    const font = await emojiSubset(codes('✅🚀👍🏽').filter((code, index, all) => all.indexOf(code) === index));
    expect(font.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.length).toBeLessThan(40_000);
    const tables = readTables(await toTrueType(font));
    expect([...tables.keys()]).toEqual(expect.arrayContaining(['COLR', 'CPAL', 'cmap', 'glyf', 'GSUB']));
    const colr = tables.get('COLR')!;
    expect(colr.readUInt16BE(0)).toBe(1);
    const bases = colr.readUInt32BE(colr.readUInt32BE(14));
    // ✅, 🚀, 👍, 🏽 and the ligature 👍🏽 (and the few other skin tones GSUB reaches from them).
    expect(bases).toBeGreaterThanOrEqual(5);
    expect(bases).toBeLessThan(20);

    writeFileSync(path.join(folder, 'emoji.woff2'), font);
    writeFileSync(path.join(folder, 'index.html'), "<!doctype html><meta charset=utf-8><style>@font-face { font-family: Only; src: url(emoji.woff2); }</style><p style=\"font: 40px Only\">✅🚀👍🏽</p>");
    const page = await (await browser()).newPage();
    try {
      await page.goto(pathToFileURL(path.join(folder, 'index.html')).href);
      const colourful = await page.evaluate(async () => {
        await document.fonts.ready;
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const context = canvas.getContext('2d')!;
        const count = (text: string) => {
          context.clearRect(0, 0, 64, 64);
          context.font = '48px Only';
          context.fillText(text, 4, 52);
          const data = context.getImageData(0, 0, 64, 64).data;
          let coloured = 0;
          for (let index = 0; index < data.length; index += 4) if (data[index + 3]! > 0 && Math.max(data[index]!, data[index + 1]!, data[index + 2]!) - Math.min(data[index]!, data[index + 1]!, data[index + 2]!) > 60) coloured++;
          return coloured;
        };
        return { check: count('✅'), rocket: count('🚀'), thumb: count('👍🏽'), absent: count('😀') };
      });
      expect(colourful.check).toBeGreaterThan(200);
      expect(colourful.rocket).toBeGreaterThan(200);
      expect(colourful.thumb).toBeGreaterThan(200);
      // Not in the subset: the font does not draw it (the box the browser draws instead is not coloured).
      expect(colourful.absent).toBe(0);
    } finally {
      await page.close();
    }
  }, 60_000);
});
