// The floor of reveal.js's own print method: launch the browser once, open
// the deck's `?print-pdf` view, wait for reveal.js to lay it out, page.pdf.
// Usage: node bench/reveal-print.mjs <deck index.html> <out.pdf>
import puppeteer from 'puppeteer-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [deck, out] = process.argv.slice(2);
const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-reveal-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  userDataDir: profile,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${pathToFileURL(path.resolve(deck)).href}?print-pdf`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0 && window.Reveal?.isReady(), { timeout: 120000 });
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true, timeout: 0 });
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
