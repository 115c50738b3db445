/**
 * A local HTTP server for remote-link tests, on 127.0.0.1 and an ephemeral
 * port: every answer a link checker meets in the wild, and counters to see
 * how it was asked. It never outlives the test file (unref'd, closed in
 * `afterAll`, and closes itself after a minute).
 */
import http from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests seen, as `METHOD /path`. */
  hits: string[];
  /** Most requests in flight at once since the last reset. */
  maxInFlight: () => number;
  resetMaxInFlight: () => void;
  close: () => Promise<void>;
}

const page = '<!doctype html><title>Page</title><h2 id="install">Install</h2><a name="legacy"></a><p>' + 'x'.repeat(200_000) + '</p>';

/**
 * The test file's server: started before its tests, closed after them. The
 * object forwards to the running server, so it can be used in test bodies.
 */
export function useServer(): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startServer();
  });
  afterAll(() => started?.close());
  const running = (): TestServer => {
    if (!started) throw new Error('the test server starts in beforeAll');
    return started;
  };
  return {
    get origin() {
      return running().origin;
    },
    get port() {
      return running().port;
    },
    get hits() {
      return running().hits;
    },
    maxInFlight: () => running().maxInFlight(),
    resetMaxInFlight: () => running().resetMaxInFlight(),
    close: () => running().close(),
  };
}

/** Host names resolved without DNS: those `resolves` accepts answer 127.0.0.1, the others fail with ENOTFOUND. */
export function loopbackLookup(resolves: (hostname: string) => boolean = () => true): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void) => {
    if (!resolves(hostname)) process.nextTick(callback, Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
    else if (options.all) process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }]);
    else process.nextTick(callback, null, '127.0.0.1', 4);
  }) as unknown as LookupFunction;
}

/** Start the server. */
export async function startServer(): Promise<TestServer> {
  const hits: string[] = [];
  let inFlight = 0;
  let most = 0;
  const once = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(`${req.method} ${url.pathname}`);
    inFlight++;
    most = Math.max(most, inFlight);
    const done = () => inFlight--;
    res.on('close', done);
    const send = (status: number, headers: http.OutgoingHttpHeaders = {}, body = '') => {
      res.writeHead(status, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const route = url.pathname;
    if (route === '/ok' || route.startsWith('/many/')) setTimeout(() => send(200, {}, 'ok'), Number(url.searchParams.get('delay') ?? 0));
    else if (route === '/page') send(200, {}, page);
    else if (route === '/moved') send(301, { location: '/ok' });
    else if (route === '/moved-308') send(308, { location: '/ok' });
    else if (route === '/found') send(302, { location: '/ok' });
    else if (route === '/moved-to-dead') send(301, { location: '/missing' });
    else if (route === '/missing') send(404);
    else if (route === '/gone') send(410);
    else if (route === '/forbidden') send(403);
    else if (route === '/denied') send(999);
    else if (route === '/limited') send(429, { 'retry-after': '1' });
    else if (route === '/limited-long') send(429, { 'retry-after': '3600' });
    else if (route === '/limited-once') {
      if (once.has(route)) send(200, {}, 'ok');
      else {
        once.add(route);
        send(429, { 'retry-after': '1' });
      }
    } else if (route === '/slow') setTimeout(() => send(200, {}, 'late'), 3000);
    else if (route === '/no-head') send(req.method === 'HEAD' ? 405 : 200, {}, 'ok');
    else if (route === '/head-drops') {
      if (req.method === 'HEAD') req.socket.destroy();
      else send(200, {}, 'ok');
    } else send(404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const timer = setTimeout(() => server.close(), 60_000).unref();
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    maxInFlight: () => most,
    resetMaxInFlight: () => {
      most = inFlight;
    },
    close: () => {
      clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
