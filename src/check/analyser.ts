/**
 * Where lectures are parsed: in a worker thread when remote links are being
 * checked at the same time (parsing blocks the event loop, and with it the
 * requests in flight), else in this thread. Either way the build pipeline is
 * loaded only once a lecture is not in the cache.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import type { LectureFacts } from './types.js';

/** Finds the facts of one lecture, given its path and text. */
export interface Analyser {
  analyse: (source: string, text: string) => Promise<LectureFacts>;
  /** Stop the worker, if one was started; a later `analyse` starts another. */
  close: () => Promise<void>;
}

/** The worker entry next to this module in the bundle, if we run bundled. */
function workerScript(): URL | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return undefined;
  const candidates = [new URL('./check/worker.js', here), new URL('../check/worker.js', here), new URL('./worker.js', here)];
  return candidates.find((candidate) => existsSync(fileURLToPath(candidate)));
}

/**
 * An analyser for the course at `root`. `background` asks for a worker
 * thread; `eager` starts it now, when every lecture will need parsing anyway
 * (no cache), so its start-up overlaps the rest of ours.
 */
export function createAnalyser(config: Config, root: string, cwd: string, options: { background: boolean; eager: boolean }): Analyser {
  const script = options.background ? workerScript() : undefined;
  return script ? inWorker(script, { config, root, cwd }, options.eager) : inThread(config, root, cwd);
}

function inThread(config: Config, root: string, cwd: string): Analyser {
  let analyser: Promise<Analyser['analyse']> | undefined;
  return {
    analyse: async (source, text) => {
      analyser ??= import('./lecture.js').then((module) => module.createLectureChecker(config, root, cwd));
      return (await analyser)(source, text);
    },
    close: async () => undefined,
  };
}

function inWorker(script: URL, data: { config: Config; root: string; cwd: string }, eager: boolean): Analyser {
  let worker: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (facts: LectureFacts) => void; reject: (error: Error) => void }>();
  const start = (): Worker => {
    const started = new Worker(script, { workerData: data });
    started.on('message', (message: { id: number; facts?: LectureFacts; error?: string }) => {
      const job = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.facts) job?.resolve(message.facts);
      else job?.reject(new Error(message.error));
    });
    started.on('error', (error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    });
    return started;
  };
  if (eager) worker = start();
  return {
    analyse: (source, text) =>
      new Promise((resolve, reject) => {
        worker ??= start();
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, source, text });
      }),
    close: async () => {
      const stopping = worker;
      worker = undefined;
      for (const job of waiting.values()) job.reject(new Error('the check worker was stopped'));
      waiting.clear();
      await stopping?.terminate();
    },
  };
}
