/**
 * One browser for a whole export, relaunched when it crashes or hangs, and
 * always closed (killed if need be) at the end, so no Chromium process
 * outlives the command.
 */
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

export class BrowserSession {
  private current: Promise<LaunchedBrowser> | undefined;
  /** The browser whose blank first page has been handed out. */
  private blankTaken: Browser | undefined;

  constructor(private readonly executablePath?: string | undefined) {}

  /** The running browser, launched on first use or after a crash. */
  async browser(): Promise<Browser> {
    this.current ??= launchBrowser({ executablePath: this.executablePath });
    const launched = await this.current;
    if (launched.browser.connected) return launched.browser;
    await this.restart();
    return this.browser();
  }

  /** A page to work in: the browser's blank first page the first time (opening a page costs more than loading one), then new ones. */
  async page(): Promise<Page> {
    const browser = await this.browser();
    if (this.blankTaken !== browser) {
      this.blankTaken = browser;
      const [blank] = await browser.pages();
      if (blank) return blank;
    }
    return browser.newPage();
  }

  /** Drop the current browser (closing or killing it); the next `browser()` launches a new one. */
  async restart(): Promise<void> {
    const previous = this.current;
    this.current = undefined;
    const launched = await previous?.catch(() => undefined);
    await launched?.close();
  }

  /** Close the browser for good. */
  async close(): Promise<void> {
    await this.restart();
  }
}
