/**
 * Remote links and the hosts behind them: IPv6 literals are checked (and
 * built) as written, private, loopback and link-local addresses are left
 * alone with `check.skipPrivate`, and one host that does not answer, or
 * answers slowly, costs the run a bounded number of requests. Servers listen
 * on loopback addresses with ephemeral ports; names resolve without DNS.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isPrivateAddress, isPrivateHost } from '../../src/check/remote/private.js';
import type { UserConfig } from '../../src/config/schema.js';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';
import { checkCourse, messageLines, removeCourseOf } from './helpers.js';
import { loopbackLookup } from './server.js';

const lookup = loopbackLookup((hostname) => hostname.endsWith('.test'));

async function check(markdown: string, settings: NonNullable<UserConfig['check']>): Promise<string[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-hosts-'));
  const root = path.join(work, 'course');
  mkdirSync(path.join(root, 'lectures'), { recursive: true });
  writeFileSync(path.join(root, 'lectures', 'links.md'), markdown);
  try {
    return messageLines(await checkCourse(root, { overrides: { check: { offline: false, retries: 0, ...settings } }, lookup }));
  } finally {
    removeCourseOf(root);
  }
}

/** An HTTP server on `host` answering 404 on `/gone`, after `delay` ms; counts requests. */
async function serve(host: string, delay = 0) {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    setTimeout(() => {
      res.writeHead(req.url === '/gone' ? 404 : 200, { 'content-type': 'text/html' });
      res.end('<p>page</p>');
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  server.unref();
  return { hits, port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('IPv6 literals', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    server = await serve('::1');
  });
  afterAll(() => server.close());

  test('are checked as written, and a dead one is reported with its address', async () => {
    const base = `http://[::1]:${server.port}`;
    const line = `[ok](${base}/) and [gone](${base}/gone) and <${base}/auto>`;
    const lines = await check(`## Links\n\n${line}\n`, { skipPrivate: false });
    expect(lines).toEqual([`links.md:3:${line.indexOf('[gone]') + 1} error dead-link Link \`${base}/gone\` is broken: 404 Not Found; fix or remove it`]);
    expect(server.hits.sort()).toEqual(['GET /gone', 'HEAD /', 'HEAD /auto', 'HEAD /gone']);
  });

  test('keep their brackets in the deck', async () => {
    const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), standalone: false, quizSecret: 'x' });
    const file = new VFile({ value: '## L\n\n[a](http://[::1]:8080/x) ![b](http://[2001:db8::1]/i.png) <http://[fe80::1]:80/>\n' });
    const html = String(await processor.process(file));
    expect(html).toContain('href="http://[::1]:8080/x"');
    expect(html).toContain('src="http://[2001:db8::1]/i.png"');
    expect(html).toContain('href="http://[fe80::1]:80/"');
  });
});

describe('private, loopback and link-local addresses', () => {
  test('are recognised', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(address)).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'example.org']) expect(isPrivateAddress(address)).toBe(false);
    expect(isPrivateHost('http://localhost:8080/')).toBe(true);
    expect(isPrivateHost('http://app.localhost/')).toBe(true);
    expect(isPrivateHost('http://[::1]:8080/')).toBe(true);
    expect(isPrivateHost('https://example.org/')).toBe(false);
  });

  test('with `check.skipPrivate` they are neither asked nor reported, literal or by name', async () => {
    const server = await serve('127.0.0.1');
    try {
      const port = server.port;
      const markdown = `## L\n\n[a](http://127.0.0.1:${port}/gone) [b](http://localhost:${port}/gone) [c](http://[::1]:${port}/gone) [d](http://intranet.test:${port}/gone)\n`;
      expect(await check(markdown, { skipPrivate: true })).toEqual([]);
      expect(server.hits).toEqual([]);
      // Without it, the same links are asked about.
      expect((await check(markdown, { skipPrivate: false })).filter((line) => line.includes('dead-link'))).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

describe('a host that does not answer', () => {
  test('is given up after two of its links got no answer: its other links are not asked about', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const links = Array.from({ length: 8 }, (_, index) => `[${index}](http://silent.test:${port}/${index})`).join('\n');
      const lines = await check(`## L\n\n${links}\n`, { skipPrivate: false, timeout: 0.3, retries: 2, perHost: 2 });
      expect(lines).toHaveLength(8);
      for (const line of lines) expect(line).toMatch(/unverified-link Could not verify link `http:\/\/silent\.test:\d+\/\d`: (no answer within 0\.3 s|not asked: `silent\.test:\d+` gave no answer to two links earlier in this run)/);
      expect(lines.filter((line) => line.includes('not asked')).length).toBeGreaterThanOrEqual(6);
      expect(sockets.length).toBeLessThanOrEqual(4);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  test('costs the run at most `check.hostBudget` of waiting, then its other links are not asked about', async () => {
    const server = await serve('127.0.0.1', 300);
    try {
      const links = Array.from({ length: 10 }, (_, index) => `[${index}](http://slow.test:${server.port}/${index})`).join('\n');
      const lines = await check(`## L\n\n${links}\n`, { skipPrivate: false, timeout: 5, perHost: 1, hostBudget: 0.5 });
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line).toMatch(/not asked: `slow\.test:\d+` already took more than 0\.5 s of this run \(config `check\.hostBudget`\)/);
      expect(server.hits.length).toBeLessThan(10);
    } finally {
      await server.close();
    }
  });
});
