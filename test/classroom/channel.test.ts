/**
 * The classroom channel refuses what it must, and only for the sender: a
 * connection without a role, a forged student cookie or another origin is
 * not upgraded; malformed JSON, a binary or oversized frame, an unknown
 * message, a presenter's message from a student, and a flood each close
 * that connection while the others go on. Answers are checked against the
 * key, counted once per student, and survive a restart through the journal.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { attachChannel } from '../../src/classroom/channel.js';
import { newStudent, presenterCookie, studentCookie } from '../../src/classroom/cookies.js';
import { Classroom } from '../../src/classroom/session.js';
import type { QuizKey } from '../../src/types.js';

const choice: QuizKey = {
  id: 'quiz-1', kind: 'choice', form: 'fenced', title: 'Which file?', question: 'Which file?', multiple: false, line: 1, column: 1,
  options: [
    { id: 'quiz-1/a', letter: 'A', text: 'compose file', correct: false },
    { id: 'quiz-1/b', letter: 'B', text: 'Dockerfile', correct: true },
  ],
};

let folder: string;
let server: Server;
let classroom: Classroom;
let channel: ReturnType<typeof attachChannel>;
let port: number;

interface Connection {
  socket: WebSocket;
  messages: Array<Record<string, unknown>>;
  closed: Promise<number>;
  next: (type: string) => Promise<Record<string, unknown>>;
}

function open(cookie: string | undefined, headers: Record<string, string> = {}): Promise<Connection> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_lecture/classroom`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });
  const messages: Array<Record<string, unknown>> = [];
  const waiting: Array<{ type: string; resolve: (message: Record<string, unknown>) => void }> = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    const wait = waiting.find((entry) => entry.type === message.type);
    if (!wait) return void messages.push(message);
    waiting.splice(waiting.indexOf(wait), 1);
    wait.resolve(message);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const next = (type: string) => {
    const seen = messages.find((message) => message.type === type);
    if (seen) {
      messages.splice(messages.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise<Record<string, unknown>>((resolve) => waiting.push({ type, resolve }));
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed, next }));
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.once('error', reject);
  });
}

const asStudent = () => `${studentCookie}=${newStudent(classroom.identity.secret).cookie}`;
const asPresenter = () => `${presenterCookie}=${classroom.identity.token}`;

async function start(): Promise<void> {
  ({ classroom } = await Classroom.open(folder));
  classroom.setKeys('deck', [choice]);
  server = createServer((_request, response) => response.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  channel = attachChannel(server, classroom, () => true);
}

async function stop(): Promise<void> {
  await channel.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await classroom.close();
}

beforeEach(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'lecture-channel-'));
  await start();
});
afterEach(async () => {
  await stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('who may connect', () => {
  test('no cookie, a forged student cookie, a wrong presenter token or another origin: refused', async () => {
    await expect(open(undefined)).rejects.toThrow('HTTP 403');
    await expect(open(`${studentCookie}=someone.forged-signature`)).rejects.toThrow('HTTP 403');
    await expect(open(`${presenterCookie}=not-the-token`)).rejects.toThrow('HTTP 403');
    await expect(open(asStudent(), { origin: 'http://attacker.example' })).rejects.toThrow('HTTP 403');
    const welcome = await (await open(asStudent())).next('hello');
    expect(welcome).toMatchObject({ type: 'hello', role: 'student' });
  });
});

describe('what closes a connection (and only that one)', () => {
  test.each([
    ['malformed JSON', (socket: WebSocket) => socket.send('{"type": "answer", '), 1003],
    ['a binary frame', (socket: WebSocket) => socket.send(Buffer.from([1, 2, 3])), 1003],
    ['an oversized frame', (socket: WebSocket) => socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(10_000) })), 1009],
    ['an unknown type', (socket: WebSocket) => socket.send(JSON.stringify({ type: 'hack' })), 1008],
    ['a presenter message from a student', (socket: WebSocket) => socket.send(JSON.stringify({ type: 'reveal', deck: 'deck', quiz: 'quiz-1' })), 1008],
    ['a malformed answer', (socket: WebSocket) => socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: 'b' } })), 1008],
    ['a flood', (socket: WebSocket) => { for (let index = 0; index < 60; index++) socket.send(JSON.stringify({ type: 'ping' })); }, 1008],
  ])('%s', async (_name, abuse, code) => {
    const bystander = await open(asStudent());
    const abuser = await open(asStudent());
    await abuser.next('hello');
    abuse(abuser.socket);
    expect(await abuser.closed).toBe(code);
    bystander.socket.send(JSON.stringify({ type: 'ping' }));
    expect(await bystander.next('pong')).toEqual({ type: 'pong' });
    bystander.socket.close();
  });
});

describe('answers', () => {
  test('checked on the server, counted once per student (changed until the reveal), revealed to each', async () => {
    const presenter = await open(asPresenter());
    await presenter.next('hello');
    presenter.socket.send(JSON.stringify({ type: 'goto', position: { deck: 'deck', h: 1, v: 0, f: null }, quizzes: ['quiz-1'] }));
    const right = await open(asStudent());
    const wrong = await open(asStudent());
    // Late joiners learn where the presenter is from their welcome.
    for (const student of [right, wrong]) expect((await student.next('hello')).position).toMatchObject({ deck: 'deck', h: 1 });
    right.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [0] } }));
    await right.next('received');
    right.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [1] } }));
    await right.next('received');
    wrong.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [0, 1] } }));
    expect(await wrong.next('refused')).toMatchObject({ reason: 'expected one option' });
    wrong.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [0] } }));
    await wrong.next('received');
    let tally = await presenter.next('tally');
    while (tally.answered !== 2) tally = await presenter.next('tally');
    expect(tally).toMatchObject({ counts: [1, 1], answered: 2, revealed: false });
    expect(tally.correct).toBeUndefined();
    presenter.socket.send(JSON.stringify({ type: 'reveal', deck: 'deck', quiz: 'quiz-1' }));
    expect(await right.next('revealed')).toMatchObject({ quiz: 'quiz-1', choices: [1], right: true });
    expect(await wrong.next('revealed')).toMatchObject({ quiz: 'quiz-1', choices: [1], right: false });
    wrong.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [1] } }));
    expect(await wrong.next('refused')).toMatchObject({ reason: 'the answer was already shown' });
    expect([...classroom.answers.get('deck#quiz-1')!.values()].map((given) => given.right).sort()).toEqual([false, true]);
  });

  test('a restarted server loses no acknowledged answer; a line cut short by the kill is ignored', async () => {
    const student = await open(asStudent());
    student.socket.send(JSON.stringify({ type: 'answer', deck: 'deck', quiz: 'quiz-1', answer: { choices: [1] } }));
    await student.next('received');
    await stop();
    const journal = path.join(folder, '.session', `${classroom.identity.id}.jsonl`);
    writeFileSync(journal, `${readFileSync(journal, 'utf8')}{"e":"answer","ref":"deck#qu`);
    await start();
    expect(classroom.answers.get('deck#quiz-1')?.size).toBe(1);
    expect([...classroom.students.values()]).toEqual(['s01']);
  });
});
