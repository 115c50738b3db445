/**
 * One browser for a whole export, relaunched when it crashes or hangs, and
 * always closed (killed if need be) at the end, so no Chromium process
 * outlives the command.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

/**
 * Decks a page serves before it is closed. Reusing a page saves opening one
 * (about half a second here), but its renderer keeps growing from deck to
 * deck (one reached 1 GB over 25 decks of a course); a fresh page every few
 * decks keeps that bounded.
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

  constructor(private readonly executablePath?: string | undefined) {}

  /** A session whose browser starts launching now, so it is ready sooner when first used. */
  static start(executablePath: string): BrowserSession {
    const session = new BrowserSession(executablePath);
    session.browser().catch(() => undefined);
    return session;
  }

  /** The running browser, launched on first use or after a crash. */
  async browser(): Promise<Browser> {
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
    const browser = await this.browser();
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed() && page.browser() === browser) return page;
    if (this.blankTaken !== browser) {
      this.blankTaken = browser;
      const [blank] = await browser.pages();
      if (blank) return blank;
    }
    return browser.newPage();
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
    await this.restart();
  }
}
