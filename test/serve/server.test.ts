/**
 * The serve server hands out the built course and nothing else: no path
 * escapes the served folder (`..`, `%2e%2e`, `%2f`, backslashes, symbolic
 * links), no listing, no bookkeeping dotfiles, no CORS headers; a `Host`
 * that is not this machine's and an event stream asked for by another origin
 * are refused.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type LiveServer } from '../../src/serve/server.js';
import { resolvePath, safeSegments } from '../../src/serve/static.js';

let base: string;
let folder: string;
let live: LiveServer;

/** A raw GET (no URL normalisation on the way), with extra headers. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request({ host: '127.0.0.1', port: live.port, path: pathname, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
        // Event streams stay open: the first event is enough.
        if (response.headers['content-type'] === 'text/event-stream' && body.includes('\n\n', body.indexOf('data:'))) response.destroy();
      });
      response.on('close', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

beforeAll(async () => {
  base = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'lecture-serve-http-')));
  folder = path.join(base, 'site');
  mkdirSync(path.join(folder, 'deck'), { recursive: true });
  writeFileSync(path.join(folder, 'index.html'), '<html><body>course</body></html>');
  writeFileSync(path.join(folder, 'deck/index.html'), '<html><body><div class="reveal">deck</div></body></html>');
  writeFileSync(path.join(folder, '.lecture-decks.json'), '[]');
  mkdirSync(path.join(folder, '_media'));
  writeFileSync(path.join(folder, '_media/a.png'), 'png');
  writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  symlinkSync(path.join(base, 'secret.txt'), path.join(folder, '_media/link.png'));
  live = await startServer({ folder, initial: () => ({ event: 'state', data: { version: 7 } }), version: () => 7 }, '127.0.0.1', 0);
});
afterAll(async () => {
  await live.close();
  rmSync(base, { recursive: true, force: true });
});

describe('paths', () => {
  test('only plain names make a path', () => {
    expect(safeSegments('/deck/index.html')).toEqual(['deck', 'index.html']);
    expect(safeSegments('/My%20Deck/')).toEqual(['My Deck']);
    for (const bad of ['/../x', '/%2e%2e/x', '/a/..%2fb', '/a%5c..%5cb', '/a/%00', '/.lecture-decks.json', '/%E0%A4%A']) expect(safeSegments(bad), bad).toBeUndefined();
  });

  test('a symbolic link out of the folder is not found', async () => {
    expect(await resolvePath(folder, '/_media/link.png')).toEqual({ kind: 'missing' });
    expect(await resolvePath(folder, '/_media/a.png')).toEqual({ kind: 'file', file: path.join(folder, '_media/a.png') });
    expect(await resolvePath(folder, '/deck')).toEqual({ kind: 'redirect', location: '/deck/' });
  });
});

describe('over HTTP', () => {
  test.each(['/../secret.txt', '/%2e%2e/secret.txt', '/deck/..%2f..%2fsecret.txt', '/deck/..\\..\\secret.txt', '/_media/link.png', '/.lecture-decks.json', '/_media/'])('%s is not served', async (pathname) => {
    const response = await get(pathname);
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('SECRET');
  });

  test('pages get the live-reload script with their version; no CORS headers', async () => {
    const page = await get('/deck/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script src="/_lecture/serve.js" data-version="7"></script></body>');
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get('/_media/a.png')).body).toBe('png');
    expect((await get('/deck')).status).toBe(302);
  });

  test('a foreign Host (DNS rebinding) is refused; IP addresses and localhost are not', async () => {
    expect((await get('/', { host: 'attacker.example' })).status).toBe(403);
    expect((await get('/', { host: `localhost:${live.port}` })).status).toBe(200);
    expect((await get('/', { host: `127.0.0.1:${live.port}` })).status).toBe(200);
  });

  test('the reload channel answers its own pages only', async () => {
    expect((await get('/_lecture/events?page=deck', { origin: 'http://attacker.example' })).status).toBe(403);
    expect((await get('/_lecture/events?page=deck', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const own = await get('/_lecture/events?page=deck', { 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(own.body).toContain('event: state\ndata: {"version":7}');
  });

  test('without classroom mode there is no classroom: no join page, no client, no channel', async () => {
    expect((await get('/join')).status).toBe(404);
    expect((await get('/_lecture/classroom.js')).status).toBe(404);
    expect((await get('/_lecture/present/anything')).status).toBe(404);
    const upgrade = await get('/_lecture/classroom', { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' }).catch(() => ({ status: 0 }));
    expect(upgrade.status).not.toBe(101);
  });

  test('only GET and HEAD', async () => {
    const status = await new Promise<number>((resolve) => {
      const call = request({ host: '127.0.0.1', port: live.port, path: '/', method: 'POST' }, (response) => resolve(response.statusCode ?? 0));
      call.end();
    });
    expect(status).toBe(405);
  });
});
