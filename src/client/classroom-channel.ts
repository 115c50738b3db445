/**
 * The classroom's WebSocket from the page: reconnects by itself after a
 * dropped connection (or a restarted server), and hands every message to
 * the listeners; the server's `hello` after each (re)connection brings the
 * page up to date.
 */

/** A message from the server (see `src/classroom/messages.ts`). */
export interface ServerMessage {
  type: string;
  [key: string]: unknown;
}

export interface Channel {
  /** Send `message`; `false` when not connected (it is not kept). */
  send: (message: Record<string, unknown>) => boolean;
  on: (listener: (message: ServerMessage) => void) => void;
  /** Called with `true` when connected, `false` when the connection dropped. */
  onStatus: (listener: (connected: boolean) => void) => void;
}

/** The deck this page shows (its slug), or `''` on the course page. */
export function deckOfPage(): string {
  if (!(globalThis as { Reveal?: unknown }).Reveal) return '';
  return decodeURIComponent(location.pathname.replace(/\/(index\.html)?$/, '').split('/').pop() ?? '');
}

export function connect(): Channel {
  const listeners: Array<(message: ServerMessage) => void> = [];
  const statuses: Array<(connected: boolean) => void> = [];
  let socket: WebSocket | undefined;
  let delay = 250;
  const open = () => {
    socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/_lecture/classroom`);
    socket.addEventListener('open', () => {
      delay = 250;
      for (const listener of statuses) listener(true);
    });
    socket.addEventListener('message', (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      for (const listener of listeners) listener(message);
    });
    socket.addEventListener('close', () => {
      for (const listener of statuses) listener(false);
      setTimeout(open, delay + Math.random() * delay);
      delay = Math.min(delay * 2, 3000);
    });
  };
  open();
  return {
    send: (message) => {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    on: (listener) => void listeners.push(listener),
    onStatus: (listener) => void statuses.push(listener),
  };
}
