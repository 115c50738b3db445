/**
 * Launch a headless browser with puppeteer-core the way a CI machine needs
 * it: no sandbox only when running as root, no background networking, and a
 * fresh temporary profile that is removed when the browser closes.
 *
 * The browser never outlives us: it talks to us over a pipe (puppeteer's
 * `pipe: true`), and Chromium quits when that pipe closes, which happens
 * however we end, SIGKILL included. Its process group and its profile are
 * guarded (`lifetime.ts`) until closed, and puppeteer's own signal handlers
 * are off: the command line handles signals (puppeteer closed the browser on
 * SIGTERM and let the export relaunch it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { guardProcessGroup, temporaryFolder } from '../lifetime.js';
import { findBrowser, isHeadlessShell } from './find-browser.js';

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
  // Recent headless Chromium preloads the address bar's popup (two WebUI
  // pages in a renderer of their own, 40–65 MB) at start; a PDF never shows it.
  // Turning it off starts the browser about 0.2 s sooner here. Nor do we need a
  // spare renderer kept warm (about 20 MB) for pages opened every few decks,
  // or the network service in a process of its own (about 40 MB, 15 MB in the
  // browser's): together 555–576 MB at the course export's peak against
  // 566–602 MB. Versions that do not know these features ignore them.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
  '--enable-features=NetworkServiceInProcess2',
];

/** A launched browser; `close()` also removes its profile. */
export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launch a headless browser (found with `findBrowser`). */
export async function launchBrowser(options: { executablePath?: string | undefined } = {}): Promise<LaunchedBrowser> {
  const executablePath = await findBrowser(options.executablePath);
  const folder = await temporaryFolder('lecture-chromium-');
  const profile = folder.path;
  const { default: puppeteer } = await import('puppeteer-core');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      userDataDir: profile,
      pipe: true,
      // Chromium's own temporary files go into the profile, so they go with it (a killed Chromium leaves them behind).
      env: { ...process.env, TMPDIR: profile },
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: [...quietFlags, ...(asRoot ? ['--no-sandbox'] : [])],
    });
    const pid = browser.process()?.pid;
    const group = pid === undefined ? undefined : guardProcessGroup(pid);
    return {
      browser,
      close: async () => {
        if (!(await endProcessGroup(browser, profile))) await closeOrKill(browser);
        group?.release();
        await folder.remove();
      },
    };
  } catch (error) {
    await folder.remove();
    throw error;
  }
}

/**
 * On Linux, end the browser at once: its profile is thrown away, so
 * Chromium's orderly shutdown (about 0.3 s here) saves nothing. Puppeteer
 * starts Chromium as the leader of its own process group; the whole group
 * is killed, and this waits until no process running on `profile` is left.
 * Returns `false` where that cannot be done, for an orderly close instead.
 */
async function endProcessGroup(browser: Browser, profile: string): Promise<boolean> {
  const child = browser.process();
  if (process.platform !== 'linux' || !child?.pid || child.exitCode !== null) return false;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    return false;
  }
  await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(undefined)));
  for (const deadline = Date.now() + 5000; Date.now() < deadline && runningOn(profile); ) await new Promise((resolve) => setTimeout(resolve, 10));
  return true;
}

/** Whether any process (not a zombie) runs with `profile` on its command line. */
function runningOn(profile: string): boolean {
  return readdirSync('/proc').some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      return readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(profile);
    } catch {
      return false;
    }
  });
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
