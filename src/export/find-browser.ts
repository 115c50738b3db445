/**
 * Find an installed Chromium, Chrome or Edge: an explicit path first, then
 * `CHROME_PATH` / `PUPPETEER_EXECUTABLE_PATH`, then the usual install
 * locations (chrome-launcher's finder). Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/schema.js';

/** No browser could be found; the message says how to install one. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** One line on how to get a browser, for this platform. */
export function installHint(): string {
  if (process.platform === 'darwin') return 'install Google Chrome or Chromium (brew install --cask chromium), or set CHROME_PATH';
  if (process.platform === 'win32') return 'install Google Chrome or Microsoft Edge, or set CHROME_PATH';
  return 'install Chromium (sudo apt-get install -y chromium), or set CHROME_PATH to a Chrome or Chromium executable';
}

/** The config's `pdf.browser`, which is relative to the course root, as a path. */
export function configuredBrowser(config: Config, root: string): string | undefined {
  return config.pdf.browser && path.resolve(root, config.pdf.browser);
}

/** The browser executable to use. */
export async function findBrowser(explicit?: string): Promise<string> {
  for (const [label, candidate] of [
    ['--browser', explicit],
    ['CHROME_PATH', process.env.CHROME_PATH],
    ['PUPPETEER_EXECUTABLE_PATH', process.env.PUPPETEER_EXECUTABLE_PATH],
  ] as const) {
    if (!candidate) continue;
    if (existsSync(candidate)) return candidate;
    throw new BrowserNotFoundError(`No browser at \`${candidate}\` (from ${label}); ${installHint()}`);
  }
  const { Launcher } = await import('chrome-launcher');
  let installed: string[] = [];
  try {
    installed = Launcher.getInstallations();
  } catch {
    // chrome-launcher throws (rather than returning nothing) on Linux when no
    // browser is installed and CHROME_PATH is unset; that is our "not found".
  }
  const [first] = installed;
  if (first) return first;
  throw new BrowserNotFoundError(`No Chrome, Chromium or Edge found; ${installHint()}`);
}
