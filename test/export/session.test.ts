/**
 * The browser session's pages in a real headless Chromium: a page given back
 * serves the next deck, up to four decks, then is closed so its renderer's
 * memory cannot keep growing; every other page opened is replaced after two,
 * so pages working side by side are replaced in turn; a closed page is never
 * handed out again. And the full browser starts with nothing but its blank page.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, test } from 'vitest';
import { findBrowser } from '../../src/export/find-browser.js';
import { BrowserSession } from '../../src/export/session.js';

const fullChromium = '/usr/bin/chromium';

describe('BrowserSession pages', () => {
  const session = new BrowserSession();
  afterAll(() => session.close());

  test('a released page is reused for four decks, then replaced', async () => {
    const first = await session.page();
    const seen: Page[] = [first];
    for (let deck = 1; deck < 4; deck++) {
      session.release(seen.at(-1)!);
      seen.push(await session.page());
    }
    expect(seen.every((page) => page === first)).toBe(true);
    session.release(first);
    const fresh = await session.page();
    expect(fresh).not.toBe(first);
    await expect.poll(() => first.isClosed()).toBe(true);
    session.release(fresh);
  }, 60_000);

  test('pages working side by side are replaced in turn, not together', async () => {
    const session = new BrowserSession();
    try {
      const served = new Map<Page, number>();
      let pages = [await session.page(), await session.page()];
      const [first, second] = pages as [Page, Page];
      // Two decks at a time, as a pool of two pages exports them.
      for (let round = 0; round < 4; round++) {
        for (const page of pages) {
          served.set(page, (served.get(page) ?? 0) + 1);
          session.release(page);
        }
        pages = [await session.page(), await session.page()];
      }
      expect([served.get(first), served.get(second)]).toEqual([4, 2]);
      await expect.poll(() => first.isClosed() && second.isClosed()).toBe(true);
    } finally {
      await session.close();
    }
  }, 60_000);

  // A headless shell (what the other tests get where one is installed) has no address bar to preload.
  test.skipIf(!existsSync(fullChromium))('the full browser starts with its blank page alone, no preloaded address-bar popup', async () => {
    const full = new BrowserSession(fullChromium);
    try {
      const browser = await full.browser();
      // Recent Chromium preloads `chrome://omnibox-popup.top-chrome/` pages, a renderer of 40–65 MB and time at start.
      const urls = (await browser.targets()).filter((target) => target.type() !== 'browser').map((target) => target.url());
      expect(urls.filter((url) => url.startsWith('chrome://'))).toEqual([]);
      expect(urls.filter((url) => url === 'about:blank').length).toBeGreaterThanOrEqual(1);
    } finally {
      await full.close();
    }
  }, 60_000);

  test('a started session hands out the page it attached early, once, and opens no other tab for it', async () => {
    const started = BrowserSession.start(await findBrowser());
    try {
      const [one, two] = await Promise.all([started.page(), started.page()]);
      expect(one).not.toBe(two);
      const browser = await started.browser();
      expect((await browser.pages()).length).toBe(2);
      started.release(one);
      expect(await started.page()).toBe(one);
    } finally {
      await started.close();
    }
  }, 60_000);

  test('work that fails closes its page; work that succeeds gives it back', async () => {
    let failed: Page | undefined;
    await expect(
      session.using(async (page) => {
        failed = page;
        throw new Error('the deck hung');
      }),
    ).rejects.toThrow('the deck hung');
    expect(failed!.isClosed()).toBe(true);
    let kept: Page | undefined;
    expect(await session.using(async (page) => ((kept = page), 42))).toBe(42);
    expect(kept!.isClosed()).toBe(false);
    expect(await session.page()).toBe(kept);
  }, 60_000);

  test('a page closed by a failed deck is not handed out again', async () => {
    const page = await session.page();
    await page.close();
    session.release(page);
    const next = await session.page();
    expect(next).not.toBe(page);
    expect(next.isClosed()).toBe(false);
  }, 60_000);
});
