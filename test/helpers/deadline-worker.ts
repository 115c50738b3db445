/**
 * Calls into a worker thread with a deadline, for tests of inputs that once
 * made the parse loop forever: a test that hangs never reports, so the
 * call runs in a worker (TypeScript through tsx, as the tests themselves)
 * that is ended and replaced when it does not answer in time.
 *
 * The worker script answers each message `{ id, input }` on its parent port
 * with `{ id, result }` (`answerCalls` below does that).
 */
import { parentPort, Worker } from 'node:worker_threads';

/** What a call gives: the worker's result, or why there is none. */
export type Outcome<Result> = { result: Result } | { failure: string };

/** A worker running `script` (a `.ts` URL), and `call`s into it that each end within `seconds`. */
export function deadlineWorker<Input, Result>(script: URL, seconds: number) {
  let worker: Worker | undefined;
  let calls = 0;
  const start = () => new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(script.href)}); });`, { eval: true });

  function call(input: Input): Promise<Outcome<Result>> {
    const current = (worker ??= start());
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

  return { call, stop: () => worker?.terminate() };
}

/** In the worker script: answer each call with what `handle` gives for its input. */
export function answerCalls<Input, Result>(handle: (input: Input) => Result | Promise<Result>): void {
  parentPort!.on('message', ({ id, input }: { id: number; input: Input }) => {
    void Promise.resolve()
      .then(() => handle(input))
      .then((result) => parentPort!.postMessage({ id, result }));
  });
}
