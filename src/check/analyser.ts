/**
 * Where lectures are parsed: in a worker thread when we run bundled, so that
 * parsing does not block the event loop (and with it the remote requests in
 * flight) and so that a lecture that fails in any way fails alone, as in the
 * build (`course/isolation.ts`): one that throws, dies or outlasts
 * `lectureTimeout` is a `build-failed` error at its file, and the others are
 * checked. From TypeScript sources (the tests) lectures are parsed in this
 * thread. Either way the build pipeline is loaded only once a lecture is not
 * in the cache.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createIsolation, JobTimeoutError } from '../course/isolation.js';
import { messagesToData } from '../course/messages.js';
import { workerScript } from '../course/pool.js';
import type { LectureFacts } from './types.js';

/** Finds the facts of one lecture, given its path and text. */
export interface Analyser {
  analyse: (source: string, text: string) => Promise<LectureFacts>;
  /** Stop the worker, if one was started; a later `analyse` starts another. */
  close: () => Promise<void>;
}

/** A lecture to analyse, as sent to the worker. */
export interface AnalyseJob {
  source: string;
  text: string;
}

/**
 * An analyser for the course at `root`. `eager` starts the worker now, when
 * every lecture will need parsing anyway (no cache), so its start-up
 * overlaps the rest of ours.
 */
export function createAnalyser(config: Config, root: string, cwd: string, options: { eager: boolean }): Analyser {
  const script = workerScript('check');
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
  const open = () => createIsolation<AnalyseJob, LectureFacts>({ script, workerData: data, timeout: data.config.lectureTimeout * 1000 });
  let isolation = eager ? open() : undefined;
  if (eager) isolation?.start();
  return {
    analyse: (source, text) => {
      isolation ??= open();
      return isolation.run({ source, text }).catch((error: Error) => failedFacts(source, data.cwd, error));
    },
    close: async () => {
      const closing = isolation;
      isolation = undefined;
      await closing?.close();
    },
  };
}

/** The facts of a lecture whose worker gave no answer: one error, as the build reports it. */
function failedFacts(source: string, cwd: string, error: Error): LectureFacts {
  const file = new VFile({ path: path.relative(cwd, source), cwd });
  const detail = error instanceof JobTimeoutError ? `${error.message} (config \`lectureTimeout\`)` : error.message;
  report(file, `Cannot check this lecture: ${detail}`, rules.buildFailed, undefined, 'error');
  return { messages: messagesToData(file), targets: [], ids: [], horizontal: 0, files: [], failed: true };
}
