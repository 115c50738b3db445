/**
 * `npm run bench:serve`: the edit-to-screen time of `lecture serve` on the
 * 50-lecture benchmark course, measured in a real browser — from writing a
 * one-word edit to the lecture file to the new word being in the open
 * deck's DOM — without and with fitting; the serve process's memory growth
 * over 100 edits; and, in the same run, the same edit with Marp CLI
 * (`--server`, which watches) and reveal-md (`--watch`) on the same
 * lecture. Prints figures and ratios; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { launchBrowser } from '../src/export/launch.js';
import { marpLecture } from './marp.js';
import { row } from './measure.js';
import { writeSyntheticCourse } from './synthetic.js';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repository, 'lib/cli/bin.js');
const edits = Number(process.env.BENCH_EDITS ?? 30);

interface Server {
  child: ChildProcess;
  url: string;
}

/** Start a server command and wait for the line that says where it serves. */
function startServer(command: string[], cwd: string, pattern: RegExp, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout!.on('data', look);
    child.stderr!.on('data', look);
    child.once('exit', () => reject(new Error(`${command.join(' ')} exited:\n${output}`)));
    setTimeout(() => reject(new Error(`${command.join(' ')} did not start:\n${output}`)), 180_000).unref();
  });
}

async function stop(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

/** Resident memory of a process, in MB. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/**
 * Make `count` edits to `file`, each replacing the marker word with a new
 * one, and time each from the write to the word in the page's DOM. The
 * page may reload itself (Marp, reveal-md) or swap in place (lecture).
 */
async function timeEdits(page: Page, file: string, count: number, settle: number, afterEach?: (index: number) => void): Promise<number[]> {
  const times: number[] = [];
  let previous = 'BenchMarker0';
  for (let index = 1; index <= count; index++) {
    const word = `BenchMarker${index}`;
    const text = readFileSync(file, 'utf8');
    const started = performance.now();
    writeFileSync(file, text.replace(previous, word));
    await page.waitForFunction((wanted) => document.body?.textContent?.includes(wanted), { polling: 5, timeout: 60_000 }, word);
    times.push(performance.now() - started);
    previous = word;
    afterEach?.(index);
    // Let the tool finish what the edit started (a fit, a second reload) before the next one.
    await new Promise((resolve) => setTimeout(resolve, settle));
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function p90(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))]!;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-serve-'));
const { browser, close } = await launchBrowser();
try {
  const courseRoot = path.join(work, 'course');
  const files = writeSyntheticCourse(courseRoot, 50, 40);
  // The edited lecture carries a marker word in the text of its third slide.
  const edited = files[24]!;
  const marked = (text: string) => text.replace('- unchanged layers come from the `cache`', '- unchanged layers come from the `cache` BenchMarker0');
  const original = readFileSync(edited, 'utf8');
  console.log(`lecture bench:serve: ${edits} edits each, 50 lectures × 40 slides, ${os.cpus().length} cores, Node ${process.version}\n`);

  const ours = async (fit: boolean, count: number) => {
    writeFileSync(edited, marked(original));
    const server = await startServer([process.execPath, bin, 'serve', '--port', '0', ...(fit ? [] : ['--no-fit'])], courseRoot, /Serving \d+ decks at (\S+)/);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}lecture-25/#/2`, { waitUntil: 'load' });
      const samples: Record<number, number> = {};
      const times = await timeEdits(page, edited, count, fit ? 1500 : 150, (index) => {
        if (index === 5 || index === count) samples[index] = rssMb(server.child.pid!);
      });
      return { times, growth: (samples[count] ?? 0) - (samples[5] ?? 0), first: samples[5] ?? 0, last: samples[count] ?? 0 };
    } finally {
      await page.close();
      await stop(server);
    }
  };

  const plain = await ours(false, Math.max(edits, 100));
  const fitted = await ours(true, edits);
  console.log(row('lecture serve, edit to DOM, median (no fit)', `${median(plain.times).toFixed(0)} ms`, `p90 ${p90(plain.times).toFixed(0)} ms; target ≤ 150 ms`));
  console.log(row('lecture serve, edit to DOM, median (fit)', `${median(fitted.times).toFixed(0)} ms`, `p90 ${p90(fitted.times).toFixed(0)} ms; target ≤ 400 ms`));
  console.log(row(`serve process growth, edits 5 → ${plain.times.length}`, `${plain.growth.toFixed(1)} MB`, `${plain.first.toFixed(0)} → ${plain.last.toFixed(0)} MB RSS; target < 20 MB`));

  // Marp CLI's server mode and reveal-md's --watch, on the same lecture (Marp's dialect for Marp).
  const single = path.join(work, 'single');
  mkdirSync(single);
  const marpFile = path.join(single, 'lecture.md');
  writeFileSync(marpFile, marpLecture(marked(original)));
  const marpServer = await startServer([path.join(repository, 'node_modules/.bin/marp'), '--server', single], single, /(http:\/\/localhost:\d+\/?)/, { PORT: '4871' });
  const marpPage = await browser.newPage();
  let marp: number[];
  try {
    await marpPage.goto(`${marpServer.url.replace(/\/$/, '')}/lecture.md`, { waitUntil: 'load' });
    marp = await timeEdits(marpPage, marpFile, edits, 300);
  } finally {
    await marpPage.close();
    await stop(marpServer);
  }
  const revealFolder = path.join(work, 'reveal-md');
  mkdirSync(revealFolder);
  const revealFile = path.join(revealFolder, 'lecture.md');
  writeFileSync(revealFile, marked(original));
  const revealServer = await startServer([path.join(repository, 'node_modules/.bin/reveal-md'), 'lecture.md', '--watch', '--port', '4872', '--disable-auto-open'], revealFolder, /The slides are at (\S+)/);
  const revealPage = await browser.newPage();
  let revealMd: number[];
  try {
    await revealPage.goto(revealServer.url, { waitUntil: 'load' });
    revealMd = await timeEdits(revealPage, revealFile, edits, 300);
  } finally {
    await revealPage.close();
    await stop(revealServer);
  }
  console.log(row('Marp CLI --server, edit to DOM, median', `${median(marp).toFixed(0)} ms`, `p90 ${p90(marp).toFixed(0)} ms`));
  console.log(row('reveal-md --watch, edit to DOM, median', `${median(revealMd).toFixed(0)} ms`, `p90 ${p90(revealMd).toFixed(0)} ms`));
  console.log(row('lecture (no fit) against Marp', `${(median(plain.times) / median(marp)).toFixed(2)}×`, 'time ratio, lower is faster'));
  console.log(row('lecture (no fit) against reveal-md', `${(median(plain.times) / median(revealMd)).toFixed(2)}×`));
  console.log(row('lecture (fit) against Marp', `${(median(fitted.times) / median(marp)).toFixed(2)}×`));
} finally {
  await close();
  rmSync(work, { recursive: true, force: true });
}
