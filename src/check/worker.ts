/**
 * The check worker: parses lectures (the CPU-heavy part of a check) in its own
 * thread, so the main thread's event loop stays free for remote requests while
 * it works. Receives the course once, then `{id, source, text}`; answers each
 * with the lecture's facts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/schema.js';
import { createLectureChecker } from './lecture.js';

if (parentPort) {
  const port = parentPort;
  const { config, root, cwd } = workerData as { config: Config; root: string; cwd: string };
  const analyse = createLectureChecker(config, root, cwd);
  // One lecture at a time, so the first one's links reach the network as early as possible.
  let queue = Promise.resolve();
  port.on('message', (job: { id: number; source: string; text: string }) => {
    queue = queue.then(() =>
      analyse(job.source, job.text).then(
        (facts) => port.postMessage({ id: job.id, facts }),
        (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
      ),
    );
  });
}
