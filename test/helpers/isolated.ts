/**
 * A worker script run as the build runs lectures: bundled as the tool ships
 * (`fuzz/bundle-worker.ts`, the bundle's patches included) and called
 * through `createIsolation`, whose time budget ends a job that loops forever
 * (the worker is ended and replaced) so a test of an input that once hung
 * the parse fails instead of hanging the suite.
 */
import path from 'node:path';
import { bundleWorker } from '../../fuzz/bundle-worker.js';
import { createIsolation, type Isolation } from '../../src/course/isolation.js';
import { temporaryFolder } from '../../src/lifetime.js';

/** `entry` (a worker speaking `serveJobs`) in an isolation with `seconds` per job; `close` ends it and removes its folder. */
export async function isolated<Job, Result>(entry: string, seconds: number): Promise<Isolation<Job, Result>> {
  const folder = await temporaryFolder('lecture-test-worker-');
  const script = await bundleWorker(path.resolve(entry), folder.path);
  const isolation = createIsolation<Job, Result>({ script, workerData: { root: path.join(folder.path, 'course') }, timeout: seconds * 1000 });
  return {
    ...isolation,
    close: async () => {
      await isolation.close();
      await folder.remove();
    },
  };
}
