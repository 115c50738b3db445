/**
 * The check worker: parses lectures (the CPU-heavy part of a check) in its own
 * thread, so the main thread's event loop stays free for remote requests while
 * it works, and a lecture that fails fails alone. Receives the course once,
 * then lectures to analyse (`course/isolation.ts`); answers each with its facts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { silenceIfQuiet } from '../quiet.js';
import type { Config } from '../config/schema.js';
import { serveJobs } from '../course/isolation.js';
import type { AnalyseJob } from './analyser.js';
import { createLectureChecker } from './lecture.js';
import type { LectureFacts } from './types.js';

silenceIfQuiet();
if (parentPort) {
  const { config, root, cwd } = workerData as { config: Config; root: string; cwd: string };
  const analyse = createLectureChecker(config, root, cwd);
  serveJobs<AnalyseJob, LectureFacts>(parentPort, (job) => analyse(job.source, job.text));
}
