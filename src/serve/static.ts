/**
 * Serving the built course, and nothing else: a request path is decoded one
 * segment at a time, and a segment that is `..` or `.`, holds a slash, a
 * backslash or a NUL, or names a dotfile (the build's bookkeeping) is not
 * found; the file found must still lie inside the served folder with
 * symbolic links resolved. Folders answer with their `index.html` (after a
 * redirect that adds the slash), never with a listing.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { lookup } from 'mrmime';
import { isInside } from '../assets/scope.js';

/** Where a request path leads inside `root`: a file, a folder to redirect to, or nothing. */
export type Resolved = { kind: 'file'; file: string } | { kind: 'redirect'; location: string } | { kind: 'missing' };

/** The segments of a URL path, decoded, or `undefined` when any is not a plain name. */
export function safeSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/').filter(Boolean)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || segment.startsWith('.') || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Resolve `pathname` (the URL's path, still encoded) in the folder `root` (symbolic links resolved). */
export async function resolvePath(root: string, pathname: string): Promise<Resolved> {
  const segments = safeSegments(pathname);
  if (!segments) return { kind: 'missing' };
  let target = path.join(root, ...segments);
  let info = await stat(target).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) return { kind: 'redirect', location: `${pathname}/` };
    target = path.join(target, 'index.html');
    info = await stat(target).catch(() => undefined);
  }
  if (!info?.isFile()) return { kind: 'missing' };
  const real = await realpath(target).catch(() => undefined);
  return real && isInside(real, root) ? { kind: 'file', file: real } : { kind: 'missing' };
}

/** Send `file`, passing HTML through `rewrite` (to add the live-reload script). */
export async function sendFile(request: IncomingMessage, response: ServerResponse, file: string, rewrite?: (html: string) => string): Promise<void> {
  const type = lookup(file) ?? 'application/octet-stream';
  const headers = { 'content-type': type.startsWith('text/') || type.includes('javascript') ? `${type}; charset=utf-8` : type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (type === 'text/html' && rewrite) {
    const { readFile } = await import('node:fs/promises');
    const html = rewrite(await readFile(file, 'utf8'));
    response.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(html) });
    response.end(request.method === 'HEAD' ? undefined : html);
    return;
  }
  const info = await stat(file);
  response.writeHead(200, { ...headers, 'content-length': info.size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}
