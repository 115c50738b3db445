/**
 * The reload channel: server-sent events from Node's own HTTP server. Each
 * open page listens for its deck (or the course page); a new listener gets
 * the deck's current state at once, so a page opened or reloaded between
 * two changes still shows the problems of the last build.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a page is told about its deck. */
export interface DeckState {
  /** The build's messages on the lecture. */
  diagnostics: Diagnostic[];
  /** Slides that still overflow after fitting: 1-based slide number and overflow in pixels. */
  overflows: Array<{ slide: number; pixels: number }>;
  /** Bumped each time the deck's page is rewritten. */
  version: number;
}

/** One message, as the overlay shows it. */
export interface Diagnostic {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  ruleId?: string | undefined;
}

/** The listeners of each page: a deck's slug, or `''` for the course page. */
export class EventHub {
  readonly #clients = new Map<string, Set<ServerResponse>>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor() {
    // Comments keep idle connections open through proxies and let dead ones be noticed.
    this.#heartbeat = setInterval(() => this.#each(undefined, ': ping\n\n'), 15_000);
    this.#heartbeat.unref();
  }

  /** Take `request` as a listener of `page`; `initial` is sent at once. */
  listen(request: IncomingMessage, response: ServerResponse, page: string, initial: { event: string; data: unknown }): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(`retry: 500\n${frame(initial.event, initial.data)}`);
    const set = this.#clients.get(page) ?? new Set();
    this.#clients.set(page, set);
    set.add(response);
    request.on('close', () => set.delete(response));
  }

  /** Send `event` to the listeners of `page` (every page when `undefined`). */
  send(page: string | undefined, event: string, data: unknown): void {
    this.#each(page, frame(event, data));
  }

  /** How many pages listen. */
  get size(): number {
    let count = 0;
    for (const set of this.#clients.values()) count += set.size;
    return count;
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const set of this.#clients.values()) for (const response of set) response.end();
    this.#clients.clear();
  }

  #each(page: string | undefined, text: string): void {
    for (const [name, set] of this.#clients) {
      if (page !== undefined && name !== page) continue;
      for (const response of set) response.write(text);
    }
  }
}

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
