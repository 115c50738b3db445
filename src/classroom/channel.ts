/**
 * The classroom channel: a WebSocket server (ws) on the serve server, at
 * `/_lecture/classroom`. The presenter (by cookie) moves everyone's slides
 * and reveals answers; students (by signed cookie) answer. Every message is
 * validated against its sender's role; malformed JSON, an oversized frame,
 * an unknown or forbidden message, or a flood closes that connection only.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { cookiesOf, presenterCookie, studentCookie, studentOf } from './cookies.js';
import { presenterMessage, quizRef, studentMessage, type PresenterMessage, type ServerMessage, type StudentMessage } from './messages.js';
import type { Classroom } from './session.js';

/** The path of the channel. */
export const channelPath = '/_lecture/classroom';

/** Largest frame accepted, in bytes: an answer is far smaller. */
const maxFrame = 4096;
/** Messages a connection may send: a burst of this many, then this many a second. */
const burst = 20;
const perSecond = 10;

interface Client {
  socket: WebSocket;
  role: 'presenter' | 'student';
  student?: string | undefined;
  tokens: number;
  refilled: number;
  alive: boolean;
}

/** Close codes (RFC 6455): unsupported data, policy violation, too big. */
const closes = { unsupported: 1003, policy: 1008, tooBig: 1009 } as const;

/** Attach the channel to `server`; `allowed` tests the Host header as the HTTP side does. */
export function attachChannel(server: Server, classroom: Classroom, allowed: (host: string | undefined) => boolean) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrame, perMessageDeflate: false });
  const clients = new Set<Client>();
  // Where the presenter is, as passed on: the session records it only once it is on disk, and a
  // student welcomed in between must not be sent back to the slide before.
  let position: Classroom['position'] | undefined;
  const send = (client: Client, message: ServerMessage) => client.socket.readyState === client.socket.OPEN && client.socket.send(JSON.stringify(message));
  const broadcast = (message: ServerMessage, role?: Client['role']) => {
    const text = JSON.stringify(message);
    for (const client of clients) if ((!role || client.role === role) && client.socket.readyState === client.socket.OPEN) client.socket.send(text);
  };
  const studentsOnline = () => new Set([...clients].flatMap((client) => (client.student ? [client.student] : []))).size;

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== channelPath) return void socket.destroy();
    const origin = request.headers.origin;
    const who = identify(request, classroom);
    if (!allowed(request.headers.host) || (origin !== undefined && origin !== `http://${request.headers.host}`) || !who) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => void welcome({ socket: ws, ...who, tokens: burst, refilled: Date.now(), alive: true }));
  };

  const welcome = async (client: Client) => {
    clients.add(client);
    client.socket.on('close', () => {
      clients.delete(client);
      broadcast({ type: 'students', count: studentsOnline() }, 'presenter');
    });
    client.socket.on('pong', () => (client.alive = true));
    client.socket.on('error', () => client.socket.terminate());
    client.socket.on('message', (data, binary) => void receive(client, data, binary));
    if (client.student) await classroom.join(client.student);
    send(client, hello(classroom, client, position));
    broadcast({ type: 'students', count: studentsOnline() }, 'presenter');
  };

  const receive = async (client: Client, data: RawData, binary: boolean) => {
    if (!withinRate(client)) return client.socket.close(closes.policy, 'too many messages');
    if (binary) return client.socket.close(closes.unsupported, 'text frames only');
    let value: unknown;
    try {
      value = JSON.parse(data.toString());
    } catch {
      return client.socket.close(closes.unsupported, 'not JSON');
    }
    const parsed = (client.role === 'presenter' ? presenterMessage : studentMessage).safeParse(value);
    if (!parsed.success) return client.socket.close(closes.policy, 'unknown or malformed message');
    if (parsed.data.type === 'ping') return send(client, { type: 'pong' });
    if (client.role === 'presenter') await onPresenter(parsed.data as PresenterMessage);
    else await onStudent(client, parsed.data as StudentMessage);
  };

  const onPresenter = async (message: PresenterMessage) => {
    if (message.type === 'goto') {
      // Moving everyone first: where the presenter is needs no disk before it is passed on.
      position = message.position;
      broadcast({ type: 'position', ...message.position });
      await classroom.goto(message.position, message.quizzes);
      for (const quiz of message.quizzes) {
        const tally = classroom.tally(message.position.deck, quiz);
        if (tally) broadcast({ type: 'tally', ...tally }, 'presenter');
      }
    } else if (message.type === 'reveal') {
      const forStudent = await classroom.reveal(message.deck, message.quiz);
      if (!forStudent) return;
      for (const client of clients) if (client.student) send(client, { type: 'revealed', ...forStudent(client.student) });
      const tally = classroom.tally(message.deck, message.quiz);
      if (tally) broadcast({ type: 'tally', ...tally }, 'presenter');
      void import('./results.js').then(({ writeResults }) => writeResults(classroom)).catch(() => undefined);
    }
  };

  const onStudent = async (client: Client, message: StudentMessage) => {
    if (message.type !== 'answer' || !client.student) return;
    const refused = await classroom.answer(client.student, message.deck, message.quiz, message.answer);
    if (refused) return send(client, { type: 'refused', deck: message.deck, quiz: message.quiz, reason: refused });
    send(client, { type: 'received', deck: message.deck, quiz: message.quiz });
    scheduleTally(message.deck, message.quiz);
  };

  // Answers arrive in bursts: the presenter's chart is updated at most ten times a second per quiz.
  const pending = new Map<string, NodeJS.Timeout>();
  const scheduleTally = (deck: string, quiz: string) => {
    const ref = quizRef(deck, quiz);
    if (pending.has(ref)) return;
    pending.set(ref, setTimeout(() => {
      pending.delete(ref);
      const tally = classroom.tally(deck, quiz);
      if (tally) broadcast({ type: 'tally', ...tally }, 'presenter');
    }, 100));
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) client.socket.terminate();
      client.alive = false;
      client.socket.ping();
    }
  }, 20_000);
  heartbeat.unref();
  server.on('upgrade', onUpgrade);
  return {
    /** How many students are connected. */
    students: studentsOnline,
    close: async () => {
      clearInterval(heartbeat);
      for (const timer of pending.values()) clearTimeout(timer);
      server.off('upgrade', onUpgrade);
      for (const client of clients) client.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The role a request's cookies give, if any. */
function identify(request: IncomingMessage, classroom: Classroom): Pick<Client, 'role' | 'student'> | undefined {
  const cookies = cookiesOf(request);
  const token = cookies.get(presenterCookie);
  if (token && classroom.isToken(token)) return { role: 'presenter' };
  const student = studentOf(classroom.identity.secret, cookies.get(studentCookie));
  return student ? { role: 'student', student } : undefined;
}

function withinRate(client: Client): boolean {
  const now = Date.now();
  client.tokens = Math.min(burst, client.tokens + ((now - client.refilled) / 1000) * perSecond);
  client.refilled = now;
  if (client.tokens < 1) return false;
  client.tokens -= 1;
  return true;
}

/** What a connection learns first: where the presenter is, and (for a student) their answers and the reveals so far. */
function hello(classroom: Classroom, client: Client, position = classroom.position): ServerMessage {
  const answers: Record<string, unknown> = {};
  const revealed: Record<string, ReturnType<Classroom['revealedFor']>> = {};
  if (client.student) {
    for (const [ref, given] of classroom.answers) {
      const mine = given.get(client.student);
      if (mine) answers[ref] = mine.answer;
    }
    for (const ref of classroom.revealed) {
      const [deck = '', quiz = ''] = ref.split('#');
      revealed[ref] = classroom.revealedFor(deck, quiz, client.student);
    }
  }
  return { type: 'hello', role: client.role, position, answers, revealed: revealed as never, students: classroom.students.size };
}
