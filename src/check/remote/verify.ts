/**
 * Is a remote URL alive? HEAD first, GET when HEAD is refused or fails;
 * redirects followed (a permanent one is worth a hint); 404, 410 and unknown
 * hosts are dead; everything a bot wall or a slow server can cause (401,
 * 403, 429, 999, timeouts, TLS errors, 5xx) is "could not verify", never dead.
 * Retry-After is honoured, other retries back off exponentially.
 *
 * One unresponsive host must not hold the run: once two of its links got no
 * answer in a row (timed out or refused), or once it has cost `hostBudget`
 * of waiting in all, its remaining links are "could not verify" at once
 * (one such host cost about 41 s a link before).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Limiter } from './limiter.js';
import { privateCode } from './private.js';
import type { Agent } from './request.js';
import { request, RequestError, type Response } from './request.js';

/** What is known about one URL. */
export interface LinkResult {
  /** `skipped`: not asked at all (a private address with `check.skipPrivate`), and not reported. */
  status: 'ok' | 'dead' | 'unverified' | 'redirected' | 'skipped';
  /** The final answer: `404 Not Found`, `DNS: host not found`, `no answer within 10 s` … */
  detail: string;
  /** For `redirected`: the address the link permanently moved to. */
  location?: string | undefined;
  /** The redirect followed before a dead answer, if any. */
  via?: string | undefined;
  /** Ids and anchor names in the page, when they were asked for. */
  ids?: string[] | undefined;
  /** Set when the host name did not resolve. */
  dns?: true | undefined;
}

/** How to verify. */
export interface VerifyOptions {
  /** Milliseconds per request. */
  timeout: number;
  retries: number;
  userAgent: string;
  agent: Agent;
  limiter: Limiter;
  /** Longest Retry-After honoured, in milliseconds; a longer one gives "could not verify". @default 30000 */
  maxRetryAfter?: number | undefined;
  /** How each host has behaved in this run, shared by its requests. */
  hosts?: HostHealth | undefined;
}

/** Per host: its links that got no answer since its last answer, and milliseconds spent waiting on it. */
export interface HostHealth {
  /** Milliseconds one host may cost the run in all. */
  budget: number;
  unanswered: Map<string, Set<string>>;
  spent: Map<string, number>;
}

/** A tracker of hosts for one run. */
export function createHostHealth(budget: number): HostHealth {
  return { budget, unanswered: new Map(), spent: new Map() };
}

/** No answer at all (a dropped connection is an answer of sorts: some servers drop HEAD requests). */
const silent = new Set(['ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ESOCKETTIMEDOUT']);
const skippedHost = 'EHOSTSKIPPED';

/** Why requests to `host` are no longer sent, if they are not. */
function givenUp(hosts: HostHealth | undefined, host: string): string | undefined {
  if (!hosts) return undefined;
  if ((hosts.unanswered.get(host)?.size ?? 0) >= 2) return `not asked: \`${host}\` gave no answer to two links earlier in this run`;
  if ((hosts.spent.get(host) ?? 0) > hosts.budget) return `not asked: \`${host}\` already took more than ${hosts.budget / 1000} s of this run (config \`check.hostBudget\`)`;
  return undefined;
}

/** Record how a request for `url` went. */
function record(hosts: HostHealth | undefined, url: URL, answer: Response | RequestError, milliseconds: number): void {
  if (!hosts) return;
  hosts.spent.set(url.host, (hosts.spent.get(url.host) ?? 0) + milliseconds);
  const links = hosts.unanswered.get(url.host) ?? new Set<string>();
  if (answer instanceof RequestError && silent.has(answer.code)) links.add(url.href);
  else links.clear();
  hosts.unanswered.set(url.host, links);
}

const maxRedirects = 10;
const retryableCodes = new Set(['ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'ECONNREFUSED', 'EPIPE', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);

/** Verify `url` (without its fragment); with `ids`, download the page to collect its ids. */
export async function verify(url: string, options: VerifyOptions, ids = false): Promise<LinkResult> {
  let current = new URL(url);
  let moved: string | undefined;
  let via: string | undefined;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const answer = await attempt(current, options, ids);
    if (answer instanceof RequestError) return { ...describeError(answer, current), via };
    const location = answer.headers.location;
    if (answer.status >= 300 && answer.status < 400 && location) {
      const next = new URL(location, current);
      if (answer.status === 301 || answer.status === 308) moved = next.href;
      via = next.href;
      current = next;
      continue;
    }
    return classify(answer, moved, via);
  }
  return { status: 'unverified', detail: `more than ${maxRedirects} redirects` };
}

function classify(answer: Response, moved: string | undefined, via: string | undefined): LinkResult {
  const detail = `${answer.status}${statusText(answer.status)}`;
  if (answer.status >= 200 && answer.status < 300) {
    const ids = answer.body === undefined ? undefined : idsIn(answer.body);
    return moved ? { status: 'redirected', detail, location: moved, ids } : { status: 'ok', detail, ids };
  }
  if (answer.status === 404 || answer.status === 410) return { status: 'dead', detail, via };
  return { status: 'unverified', detail };
}

function statusText(status: number): string {
  const text = httpStatusText[status];
  return text ? ` ${text}` : '';
}

const httpStatusText: Record<number, string> = {
  200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 410: 'Gone',
  429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 999: 'Request Denied',
};

function describeError(error: RequestError, url: URL): LinkResult {
  if (error.code === 'ENOTFOUND') return { status: 'dead', detail: `the host \`${url.hostname}\` does not exist (DNS)`, dns: true };
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(error.code)) return { status: 'unverified', detail: `TLS error (${error.code}), often a bot wall or a wrong certificate` };
  if (error.code === 'ETIMEDOUT' || error.code === skippedHost) return { status: 'unverified', detail: error.message };
  if (error.code === privateCode) return { status: 'skipped', detail: error.message };
  return { status: 'unverified', detail: `${error.code}: ${error.message}` };
}

/** One request with its retries: GET when HEAD is refused, waits on 429/503, backoff on network errors. */
async function attempt(url: URL, options: VerifyOptions, ids: boolean): Promise<Response | RequestError> {
  let method: 'HEAD' | 'GET' = ids ? 'GET' : 'HEAD';
  for (let retry = 0; ; ) {
    const answer = await options.limiter(url.host, async () => {
      const skipped = givenUp(options.hosts, url.host);
      if (skipped) return new RequestError(skipped, skippedHost);
      const started = Date.now();
      const result = await request(url, { method, timeout: options.timeout, userAgent: options.userAgent, agent: options.agent, body: ids }).catch((error: unknown) =>
        error instanceof RequestError ? error : new RequestError(String(error), 'EUNKNOWN'),
      );
      record(options.hosts, url, result, Date.now() - started);
      return result;
    });
    const refused = answer instanceof RequestError ? !['ENOTFOUND', skippedHost, privateCode].includes(answer.code) && !/CERT|TLS|SSL/.test(answer.code) : answer.status >= 400 && answer.status !== 429;
    // Many servers refuse or mishandle HEAD (405, 501, 403, even 404): ask again with GET once.
    if (method === 'HEAD' && refused) {
      method = 'GET';
      continue;
    }
    const wait = retryDelay(answer, retry, options.maxRetryAfter ?? 30_000);
    if (wait === undefined || retry >= options.retries) return answer;
    retry++;
    await sleep(wait);
  }
}

/** Milliseconds to wait before retrying, or `undefined` when retrying would not help. */
function retryDelay(answer: Response | RequestError, retry: number, max: number): number | undefined {
  const backoff = 250 * 2 ** retry;
  if (answer instanceof RequestError) return retryableCodes.has(answer.code) ? backoff : undefined;
  if (answer.status !== 429 && answer.status !== 503 && answer.status !== 502 && answer.status !== 504) return undefined;
  const header = answer.headers['retry-after'];
  if (header === undefined) return backoff;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  if (!Number.isFinite(seconds)) return backoff;
  return seconds > max ? undefined : Math.max(0, seconds);
}

/** Ids and anchor names in an HTML page. */
function idsIn(html: string): string[] {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) ids.add(match[1] ?? match[2] ?? match[3] ?? '');
  ids.delete('');
  return [...ids];
}
