/**
 * Which browser the tool starts: an explicit choice always, else a headless
 * shell (it starts in a quarter of the time), else an installed browser.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { BrowserNotFoundError, browserCandidates, findBrowser, headlessShells, installHint, isHeadlessShell } from '../../src/export/find-browser.js';

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

describe('installed browsers, per system', () => {
  test('Windows: Chrome per user and for all users, Chromium, then Edge (which every Windows has)', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files' };
    expect(browserCandidates({ env, home: 'C:\\Users\\ada', platform: 'win32' })).toEqual([
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\ada\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
  });

  test('macOS: Chrome, Chromium, Edge, Canary and Chrome for Testing, in /Applications and ~/Applications', () => {
    const found = browserCandidates({ env: {}, home: '/Users/ada', platform: 'darwin' });
    expect(found.slice(0, 6)).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
    expect(found).toContain('/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing');
    expect(headlessShells({ PATH: '/opt/homebrew/bin' }, '/Users/ada', 'darwin')).toEqual(['/opt/homebrew/bin/chrome-headless-shell', '/opt/homebrew/bin/chromium-headless-shell']);
  });

  test('Linux: Chrome, Chromium and Edge on the command path, then their usual folders', () => {
    const found = browserCandidates({ env: { PATH: '/home/ada/bin' }, home: '/home/ada', platform: 'linux' });
    expect(found.slice(0, 3)).toEqual(['/home/ada/bin/google-chrome-stable', '/home/ada/bin/google-chrome', '/home/ada/bin/chromium']);
    for (const expected of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/microsoft-edge-stable', '/opt/google/chrome/chrome', '/snap/bin/chromium']) expect(found).toContain(expected);
  });

  test("Chrome for Testing in puppeteer's cache is found on each system, newest first", () => {
    const cache = folder();
    for (const build of ['linux-120.0.6099.109', 'linux-131.0.6778.85', 'mac_arm-131.0.6778.85', 'win64-131.0.6778.85']) mkdirSync(path.join(cache, 'chrome', build), { recursive: true });
    const env = { PUPPETEER_CACHE_DIR: cache };
    const linux = browserCandidates({ env, platform: 'linux' }).filter((candidate) => candidate.startsWith(cache));
    expect(linux.slice(0, 2)).toEqual([path.join(cache, 'chrome/linux-131.0.6778.85/chrome-linux64/chrome'), path.join(cache, 'chrome/linux-120.0.6099.109/chrome-linux64/chrome')]);
    expect(browserCandidates({ env, platform: 'darwin' })).toContain(path.join(cache, 'chrome/mac_arm-131.0.6778.85/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'));
  });

  test('a browser found on the command path is used when no headless shell is installed', async () => {
    const bin = folder();
    const chrome = executable(path.join(bin, 'google-chrome-stable'));
    const found = await findBrowser(undefined, { PATH: bin, PUPPETEER_CACHE_DIR: folder() });
    // This machine has Debian's headless shell, which comes first; elsewhere the one on the path is chosen.
    expect(found).toBe(existsSync(debianShell) ? debianShell : chrome);
  });

  test('the hint for a missing browser needs no administrator rights, on every system', () => {
    for (const platform of ['linux', 'darwin'] as const) expect(installHint(platform)).toContain('npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer');
    expect(installHint('linux')).not.toContain('sudo');
    expect(installHint('win32')).toContain('Microsoft Edge');
    expect(installHint('darwin')).toContain('Microsoft Edge');
  });
});
