/**
 * One browser for a whole export, relaunched when it crashes or hangs, and
 * always closed (killed if need be) at the end, so no Chromium process
 * outlives the command.
 */
import type { Browser } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from './launch.js';

export class BrowserSession {
  private current: Promise<LaunchedBrowser> | undefined;

  constructor(private readonly executablePath?: string | undefined) {}

  /** The running browser, launched on first use or after a crash. */
  async browser(): Promise<Browser> {
    this.current ??= launchBrowser({ executablePath: this.executablePath });
    const launched = await this.current;
    if (launched.browser.connected) return launched.browser;
    await this.restart();
    return this.browser();
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
