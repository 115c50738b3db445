/**
 * The HTTP side of `lecture serve`: the built course from the serve folder,
 * every HTML page with the live-reload script added, and the reload channel
 * at `/_lecture/events`. Only GET and HEAD; no CORS headers; requests whose
 * `Host` is not a name of this machine, and event streams asked for by
 * another origin, are refused.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { packageRoot } from '../assets/package-root.js';
import { EventHub } from './events.js';
import { hostChecker } from './hosts.js';
import { resolvePath, sendFile } from './static.js';

/** The path under which the server's own files live (never a deck's slug: those never start with `_`). */
export const servePrefix = '/_lecture';

/** What the server asks of the serve session. */
export interface ServerHandlers {
  /** The folder served (symbolic links resolved). */
  folder: string;
  /** The first event a new listener of `page` gets. */
  initial: (page: string) => { event: string; data: unknown };
  /** The version of `page` (a deck's slug, or `''` for the course page) now. */
  version: (page: string) => number;
  /** Routes of their own (the classroom's): answers and returns `true` for the requests it takes. */
  route?: ((request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>) | undefined;
  /** More script tags for the pages served to `request` (the classroom client). */
  scripts?: ((request: IncomingMessage) => string) | undefined;
}

/** A listening server. */
export interface LiveServer {
  server: Server;
  events: EventHub;
  port: number;
  close: () => Promise<void>;
}

/**
 * Add the live-reload script before `</body>`, with the page's version read
 * before the page itself: a page written meanwhile is newer than its tag
 * says, and the client, told the current version, fetches it again.
 */
function inject(html: string, version: number, more = ''): string {
  const tag = `<script src="${servePrefix}/serve.js" data-version="${version}"></script>${more}`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

/** The page a path shows: a deck's slug, or `''` for the course page. */
function pageOf(pathname: string): string {
  return decodeURIComponent(pathname.split('/').filter(Boolean)[0] ?? '').replace(/^index\.html$/, '');
}

/** Start the server on `host`, trying `port` and the next ports up to `tries` times. */
export async function startServer(handlers: ServerHandlers, host: string, port: number, tries = 20): Promise<LiveServer> {
  const events = new EventHub();
  const allowed = hostChecker(host);
  const clients = new Map<string, Promise<string>>();
  const client = (name: string) => {
    let script = clients.get(name);
    if (!script) clients.set(name, (script = readFile(path.join(packageRoot(), `lib/client/${name}.js`), 'utf8')));
    return script;
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!allowed(request.headers.host)) return refuse(response, 403, 'Host not allowed');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Method not allowed');
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === `${servePrefix}/events`) {
      if (!sameOrigin(request)) return refuse(response, 403, 'Cross-origin event streams are not allowed');
      const page = url.searchParams.get('page') ?? '';
      return events.listen(request, response, page, handlers.initial(page));
    }
    const script = /^\/_lecture\/(serve|classroom)\.js$/.exec(url.pathname)?.[1];
    if (script && (script === 'serve' || handlers.route)) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return response.end(await client(script));
    }
    if (await handlers.route?.(request, response, url)) return;
    const resolved = await resolvePath(handlers.folder, url.pathname);
    if (resolved.kind === 'redirect') {
      response.writeHead(302, { location: resolved.location + url.search });
      return response.end();
    }
    if (resolved.kind === 'missing') return refuse(response, 404, 'Not found');
    const version = handlers.version(pageOf(url.pathname));
    await sendFile(request, response, resolved.file, (html) => inject(html, version, handlers.scripts?.(request)));
  };
  const bound = await listen(server, host, port, tries);
  return {
    server,
    events,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Listen on the first free port from `port` on. */
async function listen(server: Server, host: string, port: number, tries: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port + attempt, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'EADDRINUSE' && code !== 'EACCES') || attempt + 1 >= tries || port === 0) throw error;
    }
  }
}

/** Whether the request comes from a page of this server (browsers send no Origin on same-origin GETs). */
function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${request.headers.host}`;
}

function refuse(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}
