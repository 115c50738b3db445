/**
 * Jobs in worker threads fail alone: a job that throws, hangs, exits its
 * worker or overflows its stack is answered with that, and every other job
 * still runs (its worker replaced). The worker used here misbehaves on
 * request (`test/fixtures/isolation/worker.mjs`).
 */
import { describe, expect, test } from 'vitest';
import { createIsolation, JobTimeoutError, WorkerCrashError } from '../../src/course/isolation.js';

const script = new URL('../fixtures/isolation/worker.mjs', import.meta.url);

describe('isolation', () => {
  test('each job fails alone, and the others are done', async () => {
    const isolation = createIsolation<string, string>({ script, workerData: undefined, workers: 2, timeout: 2000 });
    try {
      const jobs = ['a', 'throw', 'b', 'hang', 'c', 'exit', 'd', 'overflow', 'e'];
      const outcomes = await Promise.all(jobs.map((job) => isolation.run(job).then((result) => result, (error: Error) => error)));
      expect(outcomes.filter((outcome) => typeof outcome === 'string')).toEqual(['done a', 'done b', 'done c', 'done d', 'done e']);
      const [thrown, hung, exited, overflowed] = outcomes.filter((outcome): outcome is Error => outcome instanceof Error);
      expect(thrown?.message).toBe('it threw');
      expect(hung).toBeInstanceOf(JobTimeoutError);
      expect(hung?.message).toBe('it took longer than 2 s');
      expect(exited).toBeInstanceOf(WorkerCrashError);
      expect(exited?.message).toMatch(/exit code 3/);
      expect(overflowed).toBeInstanceOf(WorkerCrashError);
      expect(overflowed?.message).toMatch(/Maximum call stack/);
    } finally {
      await isolation.close();
    }
  });

  test('closing rejects the jobs still waiting', async () => {
    const isolation = createIsolation<string, string>({ script, workerData: undefined, workers: 1 });
    const waiting = isolation.run('a').catch((error: Error) => error);
    await isolation.close();
    expect(await waiting).toEqual(new Error('the workers were closed'));
    await expect(isolation.run('b')).rejects.toThrow('the workers were closed');
  });
});
