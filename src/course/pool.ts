/**
 * Build lectures in worker threads, each on its own clock: a lecture that
 * throws, overflows, runs out of memory or takes longer than the config's
 * `lectureTimeout` fails alone, with a `build-failed` error at its file, and
 * every other lecture is built (`isolation.ts`). Workers run the bundled
 * code; from TypeScript sources (the tests), or with `--jobs 0`, lectures
 * build in this thread, where a runaway lecture cannot be stopped.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { Lecture } from './discover.js';
import { createIsolation, JobTimeoutError } from './isolation.js';
import type { BuildContext, LectureResult } from './lecture.js';
import { messagesToData } from './messages.js';
import type { ParseMemo } from '../mdast/parse-memo.js';

/**
 * Workers to start by default: one (for isolation) on one or two cores (V8's
 * garbage collector already keeps a second core busy, measured: 7.1 s with
 * two workers against 7.6 s without on two cores), else one per core but one
 * for courses of 4 lectures or more.
 */
function defaultWorkers(lectures: number): number {
  const cores = os.availableParallelism();
  return lectures >= 4 && cores > 2 ? Math.min(cores - 1, 8) : 1;
}

/** Options for `buildAll`. */
export interface PoolOptions {
  /** Worker threads to use; 0 builds in this thread (with no time limit). @default see `defaultWorkers` */
  workers?: number | undefined;
  /** Parses to reuse and remember, when lectures build in this thread. */
  parseMemo?: ParseMemo | undefined;
}

/** Build every lecture, in results order matching `lectures`. */
export async function buildAll(lectures: Lecture[], context: BuildContext, options: PoolOptions = {}): Promise<LectureResult[]> {
  // An unchanged course needs no pipeline: it is loaded only when a lecture is built.
  if (lectures.length === 0) return [];
  const script = workerScript('course');
  const count = Math.min(options.workers ?? defaultWorkers(lectures.length), lectures.length);
  if (count < 1 || !script) return buildHere(lectures, context, options.parseMemo);
  return buildInWorkers(lectures, context, script, count);
}

/** The bundled worker entry `<folder>/worker.js` next to this module, if we run bundled. */
export function workerScript(folder: 'course' | 'check'): URL | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return undefined;
  const candidates = [new URL(`./${folder}/worker.js`, here), new URL(`../${folder}/worker.js`, here), new URL('./worker.js', here)];
  return candidates.find((candidate) => existsSync(fileURLToPath(candidate)));
}

async function buildHere(lectures: Lecture[], context: BuildContext, parseMemo: ParseMemo | undefined): Promise<LectureResult[]> {
  const { createLectureBuilder } = await import('./lecture.js');
  const buildLecture = createLectureBuilder(context, { parseMemo });
  const limit = pLimit(4);
  return Promise.all(lectures.map((lecture) => limit(() => buildLecture(lecture))));
}

async function buildInWorkers(lectures: Lecture[], context: BuildContext, script: URL, workers: number): Promise<LectureResult[]> {
  const timeout = context.config.lectureTimeout * 1000;
  const isolation = createIsolation<Lecture, LectureResult>({ script, workerData: context, workers, timeout });
  try {
    return await Promise.all(lectures.map((lecture) => isolation.run(lecture).catch((error: Error) => failed(lecture, context, error))));
  } finally {
    await isolation.close();
  }
}

/** The result of a lecture whose worker gave no answer: one error at its file. */
export function failed(lecture: Lecture, context: Pick<BuildContext, 'cwd'>, error: Error): LectureResult {
  const file = new VFile({ path: path.relative(context.cwd, lecture.source), cwd: context.cwd });
  const reason =
    error instanceof JobTimeoutError
      ? `Cannot build this lecture: ${error.message} (config \`lectureTimeout\`); it is left out`
      : `Cannot build this lecture: ${error.message}; it is left out`;
  report(file, reason, rules.buildFailed, undefined, 'error');
  return { path: file.path, messages: messagesToData(file), hasMath: false, hasQuiz: false, quizzes: [], dependencies: [] };
}
