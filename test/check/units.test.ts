/**
 * Small pieces of the checker: placeholders, exclude patterns, the link
 * cache's expiry, the look-ahead URL scan.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkCache } from '../../src/check/remote/cache.js';
import { isExcluded } from '../../src/check/remote/links.js';
import { scanUrls } from '../../src/check/remote/scan.js';
import { isPlaceholder } from '../../src/check/rules/placeholders.js';

describe('isPlaceholder', () => {
  it.each(['', '#', 'link', 'TODO', ' todo ', 'about:blank', 'https://example.com', 'http://www.example.org/answers', '//example.net/x'])('`%s` is a placeholder', (url) => {
    expect(isPlaceholder(url)).toBe(true);
  });
  it.each(['#intro', 'img/link.png', 'https://example.edu/', 'https://myexample.com/', 'https://docs.docker.com/', 'links.md'])('`%s` is not', (url) => {
    expect(isPlaceholder(url)).toBe(false);
  });
});

describe('isExcluded', () => {
  it('matches prefixes and * wildcards', () => {
    expect(isExcluded('https://intranet.example.edu/a', ['https://intranet.example.edu'])).toBe(true);
    expect(isExcluded('https://x.edu/private/a.pdf', ['https://*.edu/private/*'])).toBe(true);
    expect(isExcluded('https://x.edu/public/a.pdf', ['https://*.edu/private/*'])).toBe(false);
    expect(isExcluded('https://a.b/c?d=(e)', ['https://a.b/c?d=(*)'])).toBe(true);
  });
});

describe('scanUrls', () => {
  it('finds the URLs of links, autolinks, bare URLs and HTML attributes, once each', () => {
    const text = [
      'See [the docs](https://a.edu/docs#intro "Docs"), <https://b.edu/x> and https://c.edu/y.',
      '[wiki](https://en.wikipedia.org/wiki/Tree_(graph)) and again [docs](https://a.edu/docs#intro).',
      '<img src="https://d.edu/i.png" alt="i"> <a href=\'https://e.edu/\'>e</a>',
      '<!-- .slide: data-background-image="https://f.edu/bg.jpg" -->',
    ].join('\n');
    expect(scanUrls(text)).toEqual([
      'https://a.edu/docs#intro',
      'https://b.edu/x',
      'https://c.edu/y',
      'https://en.wikipedia.org/wiki/Tree_(graph)',
      'https://d.edu/i.png',
      'https://e.edu/',
      'https://f.edu/bg.jpg',
    ]);
  });

  it('skips fenced code (until its own closing fence) and inline code', () => {
    const text = ['```sh', 'curl http://localhost:8080/api', '~~~', 'http://still.code/', '```', 'Run `curl http://localhost/x` or read http://docs.edu/.', '~~~~', 'http://code.again/', '~~~~'].join('\n');
    expect(scanUrls(text)).toEqual(['http://docs.edu/']);
  });

  it('reads code spans as CommonMark does: a run of backticks closes at the next run as long', () => {
    const text = 'See ``a `http://in.code/` b`` and `` http://also.code/ `` but ```http://open.run/ `http://x.code/` then http://out.edu/.';
    expect(scanUrls(text)).toEqual(['http://open.run/', 'http://out.edu/']);
    // A line of backticks alone (the pattern this replaced took the cube of its length).
    expect(scanUrls(`x ${'`'.repeat(20_000)} http://after.edu/`)).toEqual(['http://after.edu/']);
  });
});

describe('LinkCache', () => {
  it('keeps settled answers for cacheAge, never unverified ones', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'lecture-links-'));
    try {
      const cache = new LinkCache(folder, 60_000);
      cache.set('https://a/', { status: 'ok', detail: '200 OK' });
      cache.set('https://b/', { status: 'unverified', detail: '429' });
      await cache.save();
      const again = new LinkCache(folder, 60_000);
      await again.load();
      expect(again.get('https://a/', false)).toEqual({ status: 'ok', detail: '200 OK' });
      expect(again.get('https://b/', false)).toBeUndefined();
      // Asked for the page's anchors, an answer without them does not do.
      expect(again.get('https://a/', true)).toBeUndefined();
      const expired = new LinkCache(folder, 0);
      await expired.load();
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(expired.get('https://a/', false)).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
