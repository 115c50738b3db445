/**
 * `npm run bench:classroom`: `lecture serve --classroom` with simulated
 * students, all on loopback: 500 students join over HTTP and connect; the
 * presenter moves 30 times and each student's arrival time of the move is
 * measured (fan-out latency); then every student answers within 5 seconds,
 * half of them before the server is killed (SIGKILL) and restarted, the
 * other half after the students have reconnected by themselves; the results
 * must hold each answer exactly once. Prints figures against the targets;
 * asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { row } from './measure.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repository, 'lib/cli/bin.js');
const count = Number(process.env.BENCH_STUDENTS ?? 500);
const moves = 30;

interface Student {
  cookie: string;
  socket?: WebSocket | undefined;
  arrivals: Map<number, number>;
  acked: number;
  hello: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Start the server; resolves with its process and the classroom links it prints. */
function startServer(root: string, port: number, fresh: boolean): Promise<{ child: ChildProcess; join: string; presenter: string }> {
  const args = [bin, 'serve', '--classroom', '--no-fit', '--host', '127.0.0.1', '--port', String(port), ...(fresh ? ['--new-session'] : [])];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const join = /students open: (\S+)/.exec(output)?.[1];
      const presenter = /presenter \(keep this link to yourself\): (\S+)/.exec(output)?.[1];
      if (join && presenter) resolve({ child, join, presenter });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
}

/** The cookie a GET of `url` sets. */
async function cookieFrom(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'manual' });
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

function connect(url: string, student: Student, onMessage: (message: Record<string, unknown>) => void): void {
  const socket = new WebSocket(url, { headers: { cookie: student.cookie } });
  student.socket = socket;
  socket.on('message', (data) => onMessage(JSON.parse(String(data)) as Record<string, unknown>));
  // Reconnect by itself, as the page does.
  socket.on('close', () => setTimeout(() => connect(url, student, onMessage), 200 + Math.random() * 300));
  socket.on('error', () => undefined);
}

async function waitFor(test: () => boolean, timeout: number, what: string): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-classroom-'));
let server: ChildProcess | undefined;
try {
  const root = path.join(work, 'course');
  cpSync(path.join(repository, 'test/fixtures/quiz-course'), root, { recursive: true });
  const port = await freePort();
  let started = await startServer(root, port, true);
  server = started.child;
  const base = `http://127.0.0.1:${port}`;
  const channel = `ws://127.0.0.1:${port}/_lecture/classroom`;
  const quiz = (JSON.parse(readFileSync(path.join(root, 'quiz-keys/quizzes.json'), 'utf8')) as { quizzes: Array<{ id: string }> }).quizzes[0]!.id;
  console.log(`lecture bench:classroom: ${count} simulated students on loopback, ${os.cpus().length} cores, Node ${process.version}\n`);

  // Everyone joins (an HTTP round trip each) and connects.
  const students: Student[] = [];
  for (let index = 0; index < count; index += 50) {
    const cookies = await Promise.all(Array.from({ length: Math.min(50, count - index) }, () => cookieFrom(started.join)));
    for (const cookie of cookies) students.push({ cookie, arrivals: new Map(), acked: 0, hello: 0 });
  }
  const sent = new Map<number, number>();
  const onMessage = (student: Student) => (message: Record<string, unknown>) => {
    if (message.type === 'hello') student.hello++;
    else if (message.type === 'position' && !student.arrivals.has(Number(message.h))) student.arrivals.set(Number(message.h), performance.now());
    else if (message.type === 'received') student.acked++;
  };
  for (const student of students) connect(channel, student, onMessage(student));
  await waitFor(() => students.every((student) => student.hello >= 1), 60_000, 'every student to connect');
  const presenterCookie = await cookieFrom(started.presenter);
  const presenter = new WebSocket(channel, { headers: { cookie: presenterCookie } });
  await new Promise((resolve) => presenter.once('open', resolve));

  // Fan-out: each move carries a slide number of its own, timed from the presenter's send to each student.
  for (let move = 1; move <= moves; move++) {
    const h = 1000 + move;
    sent.set(h, performance.now());
    presenter.send(JSON.stringify({ type: 'goto', position: { deck: 'quizzes', h, v: 0, f: null }, quizzes: [quiz] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await waitFor(() => students.every((student) => student.arrivals.size >= moves), 10_000, 'every move to arrive');
  const latencies = students.flatMap((student) => [...student.arrivals].map(([h, at]) => at - sent.get(h)!));
  let peak = rssMb(server.pid!);

  // Answers within 5 s: the first half, then a kill and a restart, then the second half.
  const answer = (student: Student, index: number) =>
    student.socket?.send(JSON.stringify({ type: 'answer', deck: 'quizzes', quiz, answer: { choices: [index % 3] } }));
  const half = Math.floor(count / 2);
  const first = performance.now();
  await Promise.all(students.slice(0, half).map((student, index) => new Promise<void>((resolve) => setTimeout(() => (answer(student, index), resolve()), Math.random() * 2000))));
  await waitFor(() => students.slice(0, half).every((student) => student.acked >= 1), 10_000, 'the first half to be acknowledged');
  peak = Math.max(peak, rssMb(server.pid!));
  server.kill('SIGKILL');
  await new Promise((resolve) => server!.once('exit', resolve));
  const killed = performance.now();
  started = await startServer(root, port, false);
  server = started.child;
  await waitFor(() => students.every((student) => student.hello >= 2 && student.socket?.readyState === WebSocket.OPEN), 60_000, 'every student to reconnect');
  const reconnected = performance.now() - killed;
  await Promise.all(students.slice(half).map((student, index) => new Promise<void>((resolve) => setTimeout(() => (answer(student, half + index), resolve()), Math.random() * 2000))));
  await waitFor(() => students.slice(half).every((student) => student.acked >= 1), 10_000, 'the second half to be acknowledged');
  const answering = performance.now() - first - reconnected;
  peak = Math.max(peak, rssMb(server.pid!));
  const results = (await (await fetch(`${base}/_lecture/results.json`, { headers: { cookie: await cookieFrom(started.presenter) } })).json()) as Array<{ quizzes: Array<{ id: string; answers: Array<{ student: string }> }> }>;
  const recorded = results.flatMap((deck) => deck.quizzes).find((entry) => entry.id === quiz)?.answers ?? [];
  const unique = new Set(recorded.map((entry) => entry.student)).size;
  presenter.terminate();

  console.log(row('slide change fan-out, p50', `${percentile(latencies, 0.5).toFixed(1)} ms`, `${latencies.length} deliveries`));
  console.log(row('slide change fan-out, p95', `${percentile(latencies, 0.95).toFixed(1)} ms`, 'target ≤ 100 ms'));
  console.log(row('slide change fan-out, max', `${Math.max(...latencies).toFixed(1)} ms`));
  console.log(row('answers sent, acknowledged', `${students.filter((student) => student.acked >= 1).length}/${count}`, `in ${(answering / 1000).toFixed(2)} s of answering; target: all, within 5 s`));
  console.log(row('answers in the results (once each)', `${recorded.length}/${count}`, `${unique} distinct students; target: ${count}, none lost or doubled`));
  console.log(row('kill -9 and restart: all reconnected in', `${(reconnected / 1000).toFixed(2)} s`, 'the first half of the answers survived the kill'));
  console.log(row('server memory, peak RSS', `${peak.toFixed(0)} MB`, 'target ≤ 300 MB'));
  for (const student of students) {
    student.socket?.removeAllListeners('close');
    student.socket?.terminate();
  }
} finally {
  server?.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
