/**
 * A real headless Chromium for the browser tests, launched once per test
 * file with the same launcher the tool uses.
 */
import type { Browser } from 'puppeteer-core';
import { launchBrowser, type LaunchedBrowser } from '../../src/export/launch.js';

let launched: LaunchedBrowser | undefined;

/** The shared browser of this test file. */
export async function browser(): Promise<Browser> {
  launched ??= await launchBrowser();
  return launched.browser;
}

/** Close the shared browser (call from `afterAll`). */
export async function closeBrowser(): Promise<void> {
  await launched?.close();
  launched = undefined;
}
