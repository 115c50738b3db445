/**
 * The fuzz worker: builds one input through the real pipeline, as the build
 * does (the bytes written to a lecture file, read and decoded, built and
 * written to `dist/`), then checks it as `lecture check` does, and answers
 * with what both reported. Bundled by `run.ts`; speaks `serveJobs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { createLectureChecker } from '../src/check/lecture.js';
import { resolveConfig } from '../src/config/schema.js';
import { serveJobs } from '../src/course/isolation.js';
import { createLectureBuilder, type BuildContext } from '../src/course/lecture.js';
import { readLecture, reportReading } from '../src/course/read.js';
import type { FuzzOutcome } from './property.js';

// A course of its own per worker: several build inputs at once.
const root = path.join((workerData as { root: string }).root, String(threadId));
const source = path.join(root, 'lectures', 'fuzz.md');
mkdirSync(path.dirname(source), { recursive: true });
const config = resolveConfig({ cache: false });
const context: BuildContext = { root, out: path.join(root, 'dist'), config, themes: ['lecture'], decks: [[source, 'fuzz']], cwd: root, quizSecret: 'fuzz' };
const build = createLectureBuilder(context);
const check = createLectureChecker(config, root, root);

if (parentPort) {
  serveJobs<Uint8Array, FuzzOutcome>(parentPort, async (bytes) => {
    writeFileSync(source, bytes);
    const built = await build({ source, slug: 'fuzz' });
    // As `lecture check` does: how the text was read, then the lecture's facts.
    const read = await readLecture(source);
    const reading = new VFile({ path: source });
    reportReading(reading, read);
    const checked = read.text === undefined ? [] : (await check(source, read.text)).messages;
    return {
      deck: built.summary !== undefined,
      build: built.messages.map(({ reason, ruleId, fatal }) => ({ reason, ruleId, fatal })),
      check: [...reading.messages, ...checked].map(({ reason, ruleId, fatal }) => ({ reason, ruleId, fatal })),
    };
  });
}
