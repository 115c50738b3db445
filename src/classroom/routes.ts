/**
 * The classroom's pages on the serve server: `/join` (students type the
 * code, or open `/join/<code>` from the QR code), `/_lecture/present/<token>`
 * (the presenter's link: sets their cookie), `/_lecture/follow` (to the deck
 * the presenter shows), `/_lecture/join.svg` (the QR code of the join
 * link), and the results for the presenter alone. Wrong codes and tokens
 * are limited per address, so neither can be guessed by trying.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { commonJs } from '../interop.js';
import { cookiesOf, newStudent, presenterCookie, setCookie, studentCookie, studentOf } from './cookies.js';
import { joinPage } from './join-page.js';
import { collectResults, toCsv, writeResults } from './results.js';
import type { Classroom } from './session.js';

/** Wrong codes or tokens an address may try per minute. */
const triesPerMinute = 10;

export interface ClassroomRoutes {
  /** Answer `request` when it is a classroom route; `false` when it is not one. */
  handle: (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>;
  /** Whether the request comes from the presenter. */
  isPresenter: (request: IncomingMessage) => boolean;
  /** Whether the request comes from a student who joined. */
  isStudent: (request: IncomingMessage) => boolean;
}

export function classroomRoutes(classroom: Classroom, joinUrl: () => string): ClassroomRoutes {
  const failures = new Map<string, number[]>();
  const limited = (request: IncomingMessage) => {
    const address = request.socket.remoteAddress ?? '';
    const recent = (failures.get(address) ?? []).filter((at) => Date.now() - at < 60_000);
    failures.set(address, recent);
    return recent.length >= triesPerMinute;
  };
  const fail = (request: IncomingMessage) => failures.get(request.socket.remoteAddress ?? '')?.push(Date.now());
  const isPresenter = (request: IncomingMessage) => {
    const token = cookiesOf(request).get(presenterCookie);
    return token !== undefined && classroom.isToken(token);
  };

  const join = (request: IncomingMessage, response: ServerResponse, code: string | null) => {
    if (code === null) return html(response, 200, joinPage(''));
    if (limited(request)) return html(response, 429, joinPage('Too many wrong codes: wait a minute and try again.'));
    if (!classroom.isCode(code)) {
      fail(request);
      return html(response, 403, joinPage('That is not the code on the screen. Try again.'));
    }
    const known = studentOf(classroom.identity.secret, cookiesOf(request).get(studentCookie));
    const headers: Record<string, string> = { location: '/_lecture/follow' };
    if (!known) headers['set-cookie'] = setCookie(studentCookie, newStudent(classroom.identity.secret).cookie, 'Lax');
    response.writeHead(302, headers).end();
  };

  const present = (request: IncomingMessage, response: ServerResponse, token: string) => {
    if (limited(request) || !classroom.isToken(token)) {
      fail(request);
      return text(response, 403, 'Not the presenter link of this session');
    }
    response.writeHead(302, { location: '/', 'set-cookie': setCookie(presenterCookie, classroom.identity.token, 'Strict') }).end();
  };

  const results = async (request: IncomingMessage, response: ServerResponse, format: string) => {
    if (!isPresenter(request)) return text(response, 403, 'Only the presenter can read the results');
    await writeResults(classroom);
    const all = collectResults(classroom);
    const body = format === 'csv' ? toCsv(all) : `${JSON.stringify(all, null, 2)}\n`;
    const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    const name = `${classroom.identity.started.slice(0, 10)}-results.${format}`;
    response.writeHead(200, { 'content-type': type, 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' }).end(body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    const { pathname } = url;
    if (pathname === '/join' || pathname === '/join/') join(request, response, url.searchParams.get('code'));
    else if (pathname.startsWith('/join/')) join(request, response, decodeURIComponent(pathname.slice('/join/'.length)));
    else if (pathname.startsWith('/_lecture/present/')) present(request, response, pathname.slice('/_lecture/present/'.length));
    else if (pathname === '/_lecture/follow') {
      const position = classroom.position;
      response.writeHead(302, { location: position ? `/${encodeURIComponent(position.deck)}/` : '/' }).end();
    } else if (pathname === '/_lecture/join.svg') {
      const QRCode = commonJs(await import('qrcode'));
      const svg = await QRCode.toString(joinUrl(), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' }).end(svg);
    } else if (pathname === '/_lecture/results.csv' || pathname === '/_lecture/results.json') await results(request, response, pathname.endsWith('csv') ? 'csv' : 'json');
    else return false;
    return true;
  };
  const isStudent = (request: IncomingMessage) => studentOf(classroom.identity.secret, cookiesOf(request).get(studentCookie)) !== undefined;
  return { handle, isPresenter, isStudent };
}

function html(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

function text(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${body}\n`);
}
