/**
 * Build lectures in parallel: worker threads (one per core) when the course
 * is large enough to pay for their start-up, else in this thread. Workers
 * run the bundled code; from TypeScript sources (the tests) everything runs
 * in this thread.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import type { Lecture } from './discover.js';
import type { BuildContext, LectureResult } from './lecture.js';

/** Below this many lectures, starting workers costs more than it saves. */
const minimumForWorkers = 4;

/**
 * Workers to start by default: none on one or two cores (V8's garbage
 * collector already keeps a second core busy, measured: 7.1 s with two
 * workers against 7.6 s without on two cores), else one per core but one.
 */
function defaultWorkers(lectures: number): number {
  const cores = os.availableParallelism();
  return lectures >= minimumForWorkers && cores > 2 ? Math.min(cores - 1, 8) : 0;
}

/** Options for `buildAll`. */
export interface PoolOptions {
  /** Worker threads to use; 0 builds in this thread. @default see `defaultWorkers` */
  workers?: number | undefined;
}

/** Build every lecture, in results order matching `lectures`. */
export async function buildAll(lectures: Lecture[], context: BuildContext, options: PoolOptions = {}): Promise<LectureResult[]> {
  // An unchanged course needs no pipeline: it is loaded only when a lecture is built.
  if (lectures.length === 0) return [];
  const script = workerScript();
  const count = Math.min(options.workers ?? defaultWorkers(lectures.length), lectures.length);
  if (count < 2 || !script) return buildHere(lectures, context);
  return buildInWorkers(lectures, context, script, count);
}

/** The worker entry next to this module in the bundle, if we run bundled. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return undefined;
  const candidates = [new URL('./course/worker.js', here), new URL('../course/worker.js', here), new URL('./worker.js', here)];
  return candidates.find((candidate) => existsSync(fileURLToPath(candidate)));
}

async function buildHere(lectures: Lecture[], context: BuildContext): Promise<LectureResult[]> {
  const { createLectureBuilder } = await import('./lecture.js');
  const buildLecture = createLectureBuilder(context);
  const limit = pLimit(4);
  return Promise.all(lectures.map((lecture) => limit(() => buildLecture(lecture))));
}

function buildInWorkers(lectures: Lecture[], context: BuildContext, script: URL, count: number): Promise<LectureResult[]> {
  const results: LectureResult[] = new Array(lectures.length);
  let next = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const stop = () => Promise.all(workers.map((worker) => worker.terminate()));
    const feed = (worker: Worker) => {
      if (next < lectures.length) {
        const id = next++;
        worker.postMessage({ id, lecture: lectures[id] });
      }
    };
    for (let index = 0; index < count; index++) {
      const worker = new Worker(script, { workerData: context });
      workers.push(worker);
      worker.on('message', (message: { id: number; result?: LectureResult; error?: string }) => {
        if (message.error !== undefined || !message.result) {
          void stop();
          reject(new Error(message.error));
          return;
        }
        results[message.id] = message.result;
        if (++finished === lectures.length) void stop().then(() => resolve(results));
        else feed(worker);
      });
      worker.on('error', (error) => {
        void stop();
        reject(error);
      });
      feed(worker);
    }
  });
}
