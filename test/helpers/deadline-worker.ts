/**
 * Calls into a worker thread with a deadline, for tests of inputs that once
 * made the parse loop forever or take minutes: a test that hangs never
 * reports, so the call runs in a worker that is ended and replaced when it
 * does not answer in time. The worker script is bundled as the tool ships
 * (`fuzz/bundle-worker.ts`: the bundle's patches to micromark included), into
 * a folder under `node_modules/.cache` so that it still finds this package.
 *
 * The worker script answers each message `{ id, input }` on its parent port
 * with `{ id, result }` (`answerCalls` below does that).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker } from 'node:worker_threads';
import { bundleWorker } from '../../fuzz/bundle-worker.js';

/** What a call gives: the worker's result, or why there is none. */
export type Outcome<Result> = { result: Result } | { failure: string };

/** A worker running `script` (a `.ts` URL) bundled, and `call`s into it that each end within `seconds`. */
export function deadlineWorker<Input, Result>(script: URL, seconds: number) {
  let bundled: Promise<URL> | undefined;
  let folder: string | undefined;
  let worker: Worker | undefined;
  let calls = 0;

  function bundle(): Promise<URL> {
    const cache = path.resolve('node_modules/.cache');
    mkdirSync(cache, { recursive: true });
    folder = mkdtempSync(path.join(cache, 'lecture-test-worker-'));
    return bundleWorker(fileURLToPath(script), folder);
  }

  async function call(input: Input): Promise<Outcome<Result>> {
    const current = (worker ??= new Worker(await (bundled ??= bundle())));
    const id = ++calls;
    return new Promise((resolve) => {
      const end = (outcome: Outcome<Result>, failed: boolean) => {
        clearTimeout(timer);
        current.off('message', onMessage).off('error', onError);
        if (failed && worker === current) {
          worker = undefined;
          void current.terminate();
        }
        resolve(outcome);
      };
      const timer = setTimeout(() => end({ failure: `no answer within ${seconds} s: it stalls` }, true), seconds * 1000);
      const onMessage = (answer: { id: number; result: Result }) => answer.id === id && end({ result: answer.result }, false);
      const onError = (error: Error) => end({ failure: `the worker failed: ${error.message}` }, true);
      current.on('message', onMessage).on('error', onError);
      current.postMessage({ id, input });
    });
  }

  async function stop(): Promise<void> {
    await worker?.terminate();
    if (folder) rmSync(folder, { recursive: true, force: true });
  }

  return { call, stop };
}

/** In the worker script: answer each call with what `handle` gives for its input. */
export function answerCalls<Input, Result>(handle: (input: Input) => Result | Promise<Result>): void {
  parentPort!.on('message', ({ id, input }: { id: number; input: Input }) => {
    void Promise.resolve()
      .then(() => handle(input))
      .then((result) => parentPort!.postMessage({ id, result }));
  });
}
