/**
 * One HTTP request, as little as the checker needs: the status and headers,
 * and the body only when asked for (and then at most `maxBody` bytes). Node's
 * own http/https modules with keep-alive pools: unlike undici, which closes
 * the connection after every HEAD request, they reuse it, and a course's
 * links are mostly HEAD requests to a few hosts.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';

/** Options of one request. */
export interface RequestOptions {
  method: 'HEAD' | 'GET';
  /** Milliseconds until the response (and the body, when read) must have arrived. */
  timeout: number;
  userAgent: string;
  /** Read the body (HTML pages, for remote anchors). @default false */
  body?: boolean | undefined;
  agent: Agent;
}

/** What came back. */
export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body?: string | undefined;
}

/** Keep-alive connection pools, one per protocol, shared by a run. */
export interface Agent {
  http: http.Agent;
  https: https.Agent;
  /** Resolve host names (tests answer without DNS); the system resolver when unset. */
  lookup?: LookupFunction | undefined;
  /** Close every pooled connection. */
  close: () => Promise<void>;
}

/** Pools for a run; `perHost` connections at most to one host. */
export function createAgent(perHost: number, lookup?: LookupFunction): Agent {
  const options = { keepAlive: true, maxSockets: perHost };
  const pools = { http: new http.Agent(options), https: new https.Agent(options) };
  return {
    ...pools,
    lookup,
    close: async () => {
      pools.http.destroy();
      pools.https.destroy();
    },
  };
}

const maxBody = 4 * 1024 * 1024;
/** Bodies not asked for are read only this far (so the connection can be reused), then dropped. */
const skippedBody = 64 * 1024;

/** A request failure with the code Node gave it (`ENOTFOUND`, `ETIMEDOUT`, `ERR_TLS_CERT_ALTNAME_INVALID` …). */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Send one request; rejects with a `RequestError` when no response arrives. */
export function request(url: URL, options: RequestOptions): Promise<Response> {
  const secure = url.protocol === 'https:';
  const send = secure ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: options.method,
      agent: secure ? options.agent.https : options.agent.http,
      ...(options.agent.lookup ? { lookup: options.agent.lookup } : {}),
      headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'identity' },
    });
    const timer = setTimeout(() => req.destroy(new RequestError(`no answer within ${options.timeout / 1000} s`, 'ETIMEDOUT')), options.timeout);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error instanceof RequestError ? error : new RequestError(error.message, error.code ?? 'EUNKNOWN'));
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const wantsBody = options.body && status >= 200 && status < 300 && /html/i.test(res.headers['content-type'] ?? '');
      if (!wantsBody) {
        clearTimeout(timer);
        skipBody(res);
        resolve({ status, headers: res.headers });
        return;
      }
      // A page read for its anchors must arrive within the same time; what came by then is used.
      readBody(res).then((body) => {
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body });
      });
    });
    req.end();
  });
}

/** Drop a body nobody asked for: a short one is read so the connection is reused, a long one is cut off. */
function skipBody(res: http.IncomingMessage): void {
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > skippedBody) res.destroy();
  });
  res.on('error', () => undefined);
  res.resume();
}

function readBody(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBody) {
        res.destroy();
        done();
      }
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}
