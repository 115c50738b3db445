/**
 * A static server on 127.0.0.1 (ephemeral port) for the browser to load the
 * built course from, plus pages held in memory (the print documents), so the
 * export writes nothing into the output folder but the PDFs themselves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** A running server; `close()` stops it. */
export interface CourseServer {
  /** The URL of `pathname` (a `/`-separated path under the output folder). */
  url: (pathname: string) => string;
  /** Serve `html` at `pathname` until `forget` is called with it. */
  page: (pathname: string, html: string) => void;
  forget: (pathname: string) => void;
  close: () => Promise<void>;
}

/** Serve the folder `root` on 127.0.0.1. */
export async function serveCourse(root: string): Promise<CourseServer> {
  const files = sirv(root, { dev: true, dotfiles: false });
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const html = pages.get(pathname);
    if (html === undefined) {
      files(request, response, () => {
        response.statusCode = 404;
        response.end('Not found');
      });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (pathname) => `http://127.0.0.1:${port}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    page: (pathname, html) => void pages.set(pathname, html),
    forget: (pathname) => void pages.delete(pathname),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
