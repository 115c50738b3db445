/**
 * A build worker: receives the course context once, then lectures to build
 * (`isolation.ts`), and answers each with its `LectureResult`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { silenceIfQuiet } from '../quiet.js';
import type { Lecture } from './discover.js';
import { serveJobs } from './isolation.js';
import { createLectureBuilder, type BuildContext, type LectureResult } from './lecture.js';

silenceIfQuiet();
if (parentPort) serveJobs<Lecture, LectureResult>(parentPort, createLectureBuilder(workerData as BuildContext));
