/**
 * Remote links against a local server (127.0.0.1, ephemeral port); no test
 * touches the internet: host names other than the test ones fail to resolve
 * through an injected lookup.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UserConfig } from '../../src/config/schema.js';
import { checkCourse, messageLines, removeCourseOf } from './helpers.js';
import { loopbackLookup, useServer } from './server.js';

/** Resolves `*.test` (and example.com) to 127.0.0.1, and nothing else, without DNS. */
const lookup = loopbackLookup((hostname) => hostname.endsWith('.test') || hostname === 'example.com');
const server = useServer();

/** A course whose one lecture is `markdown`. */
function course(markdown: string): string {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-check-'));
  const root = path.join(work, 'course');
  mkdirSync(path.join(root, 'lectures'), { recursive: true });
  writeFileSync(path.join(root, 'lectures', 'links.md'), markdown);
  return root;
}

const online = (check: NonNullable<UserConfig['check']> = {}): UserConfig => ({ check: { offline: false, timeout: 0.5, retries: 1, ...check } });

async function run(markdown: string, check?: NonNullable<UserConfig['check']>, cache = false): Promise<string[]> {
  const root = course(markdown);
  try {
    return messageLines(await checkCourse(root, { overrides: online(check), lookup, cache }));
  } finally {
    removeCourseOf(root);
  }
}

describe('remote links', () => {
  it('tells dead links from live ones and from links it could not verify', async () => {
    const o = server.origin;
    const routes = ['ok', 'moved', 'found', 'moved-to-dead', 'missing', 'gone', 'forbidden', 'denied', 'limited-long', 'limited-once', 'slow', 'no-head', 'head-drops'];
    const lines = await run(`## Links\n\n${routes.map((route) => `- [${route}](${o}/${route})`).join('\n')}\n- [nowhere](http://nowhere.invalid/page)\n`);
    expect(lines).toEqual([
      `links.md:4:3 info redirected-link Link \`${o}/moved\` moved permanently to \`${o}/ok\`; use the new address`,
      `links.md:6:3 error dead-link Link \`${o}/moved-to-dead\` is broken: 404 Not Found after a redirect to \`${o}/missing\`; fix or remove it`,
      `links.md:7:3 error dead-link Link \`${o}/missing\` is broken: 404 Not Found; fix or remove it`,
      `links.md:8:3 error dead-link Link \`${o}/gone\` is broken: 410 Gone; fix or remove it`,
      `links.md:9:3 warning unverified-link Could not verify link \`${o}/forbidden\`: 403 Forbidden; open it in a browser to check`,
      `links.md:10:3 warning unverified-link Could not verify link \`${o}/denied\`: 999 Request Denied; open it in a browser to check`,
      `links.md:11:3 warning unverified-link Could not verify link \`${o}/limited-long\`: 429 Too Many Requests; open it in a browser to check`,
      `links.md:13:3 warning unverified-link Could not verify link \`${o}/slow\`: no answer within 0.5 s; open it in a browser to check`,
      'links.md:16:3 error dead-link Link `http://nowhere.invalid/page` is broken: the host `nowhere.invalid` does not exist (DNS); fix or remove it',
    ]);
    // HEAD first; GET only where HEAD was refused or failed.
    expect(server.hits).toContain('HEAD /ok');
    expect(server.hits).not.toContain('GET /ok');
    expect(server.hits).toContain('GET /no-head');
    expect(server.hits).toContain('GET /head-drops');
    // Retry-After: 1 was waited for, then the link answered.
    expect(server.hits.filter((hit) => hit.endsWith('/limited-once')).length).toBe(2);
  });

  it('says "could not verify" instead of "dead" when no host resolves at all (offline machine)', async () => {
    const offlineLookup = loopbackLookup(() => false);
    const root = course('## Links\n\n[docs](https://docs.nowhere.invalid/)\n');
    try {
      const lines = messageLines(await checkCourse(root, { overrides: online(), lookup: offlineLookup }));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('warning unverified-link');
    } finally {
      removeCourseOf(root);
    }
  });

  it('reports only links of the parsed lecture, though it asks about URLs of the raw text ahead', async () => {
    const o = server.origin;
    const before = server.hits.length;
    const markdown = `## Ahead\n\n<!-- old: ${o}/missing?guess=1 -->\n\n[ok](${o}/ok?guess=1)\n\n\`\`\`sh\ncurl ${o}/gone?code=1\n\`\`\`\n`;
    expect(await run(markdown)).toEqual([]);
    const hits = server.hits.slice(before);
    // The commented-out URL was guessed and asked about, but it is no link: not reported.
    expect(hits).toContain('HEAD /missing');
    expect(hits).toContain('HEAD /ok');
    // Code is never fetched.
    expect(hits.filter((hit) => hit.endsWith('/gone'))).toEqual([]);
  });

  it('keeps to the per-host limit', async () => {
    const links = Array.from({ length: 20 }, (_, index) => `- [l${index}](${server.origin}/many/${index}?delay=30)`).join('\n');
    const before = server.hits.length;
    server.resetMaxInFlight();
    expect(await run(`## Many\n\n${links}\n`, { perHost: 3 })).toEqual([]);
    expect(server.hits.length - before).toBe(20);
    expect(server.maxInFlight()).toBe(3);
  });

  it('reuses settled results from the disk cache, and asks again with --no-cache', async () => {
    const root = course(`## Links\n\n[ok](${server.origin}/ok?cache=1) [missing](${server.origin}/missing?cache=1) [forbidden](${server.origin}/forbidden?cache=1)\n`);
    try {
      const first = messageLines(await checkCourse(root, { overrides: online(), lookup, cache: true }));
      const before = server.hits.length;
      const second = messageLines(await checkCourse(root, { overrides: online(), lookup, cache: true }));
      expect(second).toEqual(first);
      // Only the link that could not be verified is asked about again.
      expect(server.hits.slice(before).every((hit) => hit.endsWith('/forbidden'))).toBe(true);
      const third = server.hits.length;
      await checkCourse(root, { overrides: online(), lookup, cache: false });
      expect(server.hits.length - third).toBeGreaterThanOrEqual(3);
    } finally {
      removeCourseOf(root);
    }
  });

  it('skips excluded and offline links', async () => {
    const markdown = `## Links\n\n[missing](${server.origin}/missing?exclude=1)\n`;
    expect(await run(markdown, { exclude: [`${server.origin}/missing*`] })).toEqual([]);
    expect(await run(markdown, { offline: true })).toEqual([]);
  });

  it('checks remote anchors only when asked, reading the page', async () => {
    const o = server.origin;
    const markdown = `## Links\n\n[a](${o}/page#install) [b](${o}/page#legacy)\n\n[c](${o}/page#instal) [d](${o}/page#L10-L20)\n`;
    expect(await run(markdown)).toEqual([]);
    expect(await run(markdown, { remoteAnchors: true })).toEqual([
      `links.md:5:1 warning missing-remote-anchor The page \`${o}/page\` has no anchor \`#instal\`; did you mean \`#install\`?`,
    ]);
  });
});
