/**
 * Run jobs in worker threads so that one that fails in any way fails alone.
 * A job that throws is answered with its error; one that takes longer than
 * its time budget is abandoned (its worker is ended: a runaway loop cannot be
 * interrupted any other way); one whose worker dies (out of memory, a crash in
 * a dependency) is answered with that. A new worker replaces any ended one, so
 * the jobs after it still run. The build and the checker share this.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A job that took longer than its budget. */
export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
}

/** A job whose worker ended before answering. */
export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

/** What the worker answers: `{id, result}` or `{id, error}`; first `{ready: true}` once it is loaded. */
export interface JobAnswer<Result> {
  id?: number;
  ready?: true;
  result?: Result;
  error?: string;
}

/** Options of `createIsolation`. */
export interface IsolationOptions {
  /** The worker entry (bundled JavaScript). */
  script: URL;
  /** Sent to every worker as `workerData`. */
  workerData: unknown;
  /** Workers running at once. @default 1 */
  workers?: number | undefined;
  /** Milliseconds one job may take before it is abandoned; 0 for no limit. @default 0 */
  timeout?: number | undefined;
  /** Limits of each worker (its stack, its heap). */
  resourceLimits?: ResourceLimits | undefined;
}

/** Jobs sent to workers, each answered or failed on its own. */
export interface Isolation<Job, Result> {
  /** Run `job` in a worker; rejects with `JobTimeoutError`, `WorkerCrashError` or the job's own error. */
  run: (job: Job) => Promise<Result>;
  /** Start the workers now, before the first job (their start-up overlaps the caller's work). */
  start: () => void;
  /** End every worker; jobs still waiting are rejected. */
  close: () => Promise<void>;
}

interface Pending<Job, Result> {
  id: number;
  job: Job;
  resolve: (result: Result) => void;
  reject: (error: Error) => void;
}

interface Slot<Job, Result> {
  worker: Worker;
  /** Loaded and waiting for jobs: a job's clock starts once its worker is ready, not while it loads. */
  ready: boolean;
  busy?: Pending<Job, Result> | undefined;
  timer?: NodeJS.Timeout | undefined;
}

/** A pool of workers running `script`, each job on its own clock. */
export function createIsolation<Job, Result>(options: IsolationOptions): Isolation<Job, Result> {
  const size = Math.max(1, options.workers ?? 1);
  const slots = new Set<Slot<Job, Result>>();
  const queue: Array<Pending<Job, Result>> = [];
  let next = 0;
  let closed = false;

  const finish = (slot: Slot<Job, Result>) => {
    clearTimeout(slot.timer);
    const pending = slot.busy;
    slot.busy = undefined;
    slot.timer = undefined;
    return pending;
  };
  const drop = (slot: Slot<Job, Result>, error: Error) => {
    slots.delete(slot);
    finish(slot)?.reject(error);
    void slot.worker.terminate();
    pump();
  };
  const start = (): Slot<Job, Result> => {
    const slot: Slot<Job, Result> = { worker: new Worker(options.script, { workerData: options.workerData, resourceLimits: options.resourceLimits }), ready: false };
    slot.worker.on('message', (answer: JobAnswer<Result>) => {
      if (answer.ready) {
        slot.ready = true;
        return pump();
      }
      if (slot.busy?.id !== answer.id) return;
      const pending = finish(slot)!;
      if (answer.error !== undefined) pending.reject(new Error(answer.error));
      else pending.resolve(answer.result as Result);
      pump();
    });
    slot.worker.on('error', (error) => slots.has(slot) && drop(slot, new WorkerCrashError(error.message)));
    slot.worker.on('exit', (code) => slots.has(slot) && drop(slot, new WorkerCrashError(`the worker stopped (exit code ${code})`)));
    slots.add(slot);
    return slot;
  };
  const give = (slot: Slot<Job, Result>, pending: Pending<Job, Result>) => {
    slot.busy = pending;
    slot.worker.ref();
    if (options.timeout) slot.timer = setTimeout(() => drop(slot, new JobTimeoutError(`it took longer than ${options.timeout! / 1000} s`)), options.timeout);
    slot.worker.postMessage({ id: pending.id, job: pending.job });
  };
  const findIdle = () => [...slots].find((slot) => slot.ready && !slot.busy);
  function pump(): void {
    // An idle worker must not keep the process alive; a loading one must, or the jobs it would take are lost.
    for (const slot of slots) if (slot.ready && !slot.busy) slot.worker.unref();
    if (closed) return;
    for (let idle = findIdle(); idle && queue.length > 0; idle = findIdle()) give(idle, queue.shift()!);
    // Workers still loading will take the next jobs; start more only for jobs no one will take.
    let loading = [...slots].filter((slot) => !slot.ready).length;
    for (; slots.size < size && loading < queue.length; loading++) start();
  }

  return {
    run: (job) =>
      new Promise<Result>((resolve, reject) => {
        if (closed) return reject(new Error('the workers were closed'));
        queue.push({ id: next++, job, resolve, reject });
        pump();
      }),
    start: () => {
      while (!closed && slots.size < size) start();
    },
    close: async () => {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('the workers were closed'));
      const ending = [...slots];
      slots.clear();
      for (const slot of ending) finish(slot)?.reject(new Error('the workers were closed'));
      await Promise.all(ending.map((slot) => slot.worker.terminate()));
    },
  };
}

/**
 * The worker side: say it is ready, then answer each `{id, job}` with
 * `handle(job)`, one at a time, as `{id, result}` or `{id, error}`.
 */
export function serveJobs<Job, Result>(port: { on: (event: 'message', listener: (message: { id: number; job: Job }) => void) => void; postMessage: (answer: JobAnswer<Result>) => void }, handle: (job: Job) => Promise<Result>): void {
  let queue = Promise.resolve();
  port.postMessage({ ready: true });
  port.on('message', ({ id, job }) => {
    queue = queue.then(() =>
      handle(job).then(
        (result) => port.postMessage({ id, result }),
        (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  });
}
