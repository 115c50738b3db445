/**
 * Which browser the tool starts: an explicit choice always, else a headless
 * shell (it starts in a quarter of the time), else an installed browser.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BrowserNotFoundError, findBrowser, headlessShells, isHeadlessShell } from '../../src/export/find-browser.js';

const debianShell = '/usr/lib/chromium/chromium-headless-shell';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(path.join(os.tmpdir(), 'lecture-browsers-'));
  folders.push(made);
  return made;
}

function executable(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('headless shells', () => {
  test('are told apart from browsers by name', () => {
    expect(isHeadlessShell(debianShell)).toBe(true);
    expect(isHeadlessShell('C:\\chrome\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/google/chrome/chrome')).toBe(false);
  });

  test("are looked for in Debian's package, on the command path, then in puppeteer's cache, newest first", () => {
    const bin = folder();
    const cache = folder();
    const build = (version: string) => path.join(cache, 'chrome-headless-shell', `linux-${version}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    for (const version of ['119.0.6045.105', '131.0.6778.85', '131.0.6778.9']) executable(build(version));
    expect(headlessShells({ PATH: bin, PUPPETEER_CACHE_DIR: cache })).toEqual([
      debianShell,
      path.join(bin, 'chrome-headless-shell'),
      path.join(bin, 'chromium-headless-shell'),
      build('131.0.6778.85'),
      build('131.0.6778.9'),
      build('119.0.6045.105'),
    ]);
  });

  test('one that is installed is chosen before any browser; an explicit choice wins over it', async () => {
    const cache = folder();
    const shell = executable(path.join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85', 'chrome-headless-shell-linux64', 'chrome-headless-shell'));
    const env = { PATH: '', PUPPETEER_CACHE_DIR: cache };
    expect(await findBrowser(undefined, env)).toBe(existsSync(debianShell) ? debianShell : shell);
    const chosen = executable(path.join(folder(), 'my-chrome'));
    expect(await findBrowser(chosen, env)).toBe(chosen);
    expect(await findBrowser(undefined, { ...env, CHROME_PATH: chosen })).toBe(chosen);
    await expect(findBrowser(undefined, { ...env, CHROME_PATH: '/nowhere/chrome' })).rejects.toThrow(BrowserNotFoundError);
  });
});
