/**
 * One browser for a whole export, relaunched when it crashes or hangs, and
 * always closed (killed if need be) at the end, so no Chromium process
 * outlives the command.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

/**
 * Decks a page serves before it is closed. Reusing a page saves opening one
 * (a fresh page's first deck costs about 0.8 s more here), but its renderer
 * keeps growing from deck to deck, about 30 MB a deck (one reached 1 GB over
 * 25 decks of a course); a fresh page every few decks keeps that bounded.
 */
const maxUses = 4;

export class BrowserSession {
  private current: Promise<LaunchedBrowser> | undefined;
  /** The browser whose blank first page has been handed out. */
  private blankTaken: Browser | undefined;
  /** Pages given back with `release`, ready for the next `page()`. */
  private idle: Page[] = [];
  /** How many times each page was given back. */
  private readonly uses = new WeakMap<Page, number>();
  /** Pages opened so far. */
  private opened = 0;
  /** The first page, attached by `start()` before anyone asked for it. */
  private warm: Promise<Page | undefined> | undefined;
  /** Closed for good: no browser is launched again (a command being stopped must not relaunch one). */
  private closed = false;

  constructor(private readonly executablePath?: string | undefined) {}

  /**
   * A session whose browser starts launching now, and whose first page is
   * attached as soon as it is up (half a second here): both are ready
   * sooner when first used, as the caller builds meanwhile.
   */
  static start(executablePath: string): BrowserSession {
    const session = new BrowserSession(executablePath);
    session.warm = session.open().catch(() => undefined);
    return session;
  }

  /** The running browser, launched on first use or after a crash. */
  async browser(): Promise<Browser> {
    if (this.closed) throw new Error('the browser was closed');
    this.current ??= launchBrowser({ executablePath: this.executablePath });
    const launched = await this.current;
    if (launched.browser.connected) return launched.browser;
    await this.restart();
    return this.browser();
  }

  /**
   * A page to work in: one given back with `release`, else the browser's
   * blank first page the first time, then new ones (opening a page costs
   * more than loading one).
   */
  async page(): Promise<Page> {
    const warm = this.warm;
    this.warm = undefined;
    const warmed = await warm;
    if (warmed) this.idle.push(warmed);
    return this.open();
  }

  /** A page given back, else the blank first page, else a new one. */
  private async open(): Promise<Page> {
    const browser = await this.browser();
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed() && page.browser() === browser) return page;
    const first = this.blankTaken !== browser;
    this.blankTaken = browser;
    const [blank] = first ? await browser.pages() : [];
    const page = blank ?? (await browser.newPage());
    // Every other page starts half used, so pages working side by side are replaced in turn:
    // their renderers do not all reach their largest at the same time.
    this.uses.set(page, this.opened % 2 === 1 ? maxUses / 2 : 0);
    this.opened++;
    return page;
  }

  /**
   * Run `work` in a page: given back for the next deck when the work
   * succeeds, closed when it fails (a page that failed or timed out may be
   * hung or broken, and must not serve another deck).
   */
  async using<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await this.page();
    let result: T;
    try {
      result = await work(page);
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
    this.release(page);
    return result;
  }

  /** Give back a page that is done with, for the next `page()` to reuse. */
  release(page: Page): void {
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    if (page.isClosed()) return;
    if (uses < maxUses) this.idle.push(page);
    else page.close().catch(() => undefined);
  }

  /** Drop the current browser (closing or killing it); the next `browser()` launches a new one. */
  async restart(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    this.idle = [];
    const launched = await previous?.catch(() => undefined);
    await launched?.close();
  }

  /** Close the browser for good. */
  async close(): Promise<void> {
    this.closed = true;
    await this.restart();
  }
}
