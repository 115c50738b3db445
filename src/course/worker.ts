/**
 * A build worker: receives the course context once, then lectures to build,
 * and answers each with its `LectureResult`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lecture } from './discover.js';
import { createLectureBuilder, type BuildContext } from './lecture.js';

if (parentPort) {
  const port = parentPort;
  const buildLecture = createLectureBuilder(workerData as BuildContext);
  port.on('message', (job: { id: number; lecture: Lecture }) => {
    buildLecture(job.lecture).then(
      (result) => port.postMessage({ id: job.id, result }),
      (error: unknown) => port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
