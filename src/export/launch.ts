/**
 * Launch a headless browser with puppeteer-core the way a CI machine needs
 * it: no sandbox only when running as root, no background networking, and a
 * fresh temporary profile that is removed when the browser closes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from './find-browser.js';

/** Flags that keep Chromium quiet and offline apart from what a page asks for. */
export const quietFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
];

/** A launched browser; `close()` also removes its profile. */
export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launch a headless browser (found with `findBrowser`). */
export async function launchBrowser(options: { executablePath?: string | undefined } = {}): Promise<LaunchedBrowser> {
  const executablePath = await findBrowser(options.executablePath);
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lecture-chromium-'));
  const { default: puppeteer } = await import('puppeteer-core');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir: profile,
      args: [...quietFlags, ...(asRoot ? ['--no-sandbox'] : [])],
    });
    return {
      browser,
      close: async () => {
        await closeOrKill(browser);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Close `browser`; a browser that does not close within five seconds (hung) is killed. */
async function closeOrKill(browser: Browser): Promise<void> {
  const child = browser.process();
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    browser.close().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 5000))),
  ]);
  clearTimeout(timer);
  if (!closed && child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}
