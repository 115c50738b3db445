/**
 * The fuzz worker: builds one input through the real pipeline, as the build
 * does (the bytes written to a lecture file, read and decoded, built and
 * written to `dist/`), then checks it as `lecture check` does, and answers
 * with what both reported; and parses it once whole and once with a parse
 * memo kept for the worker's life, as `lecture serve` does, to compare.
 * Bundled by `run.ts`; speaks `serveJobs`.
 */
import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { createLectureChecker } from '../src/check/lecture.js';
import { resolveConfig } from '../src/config/schema.js';
import { serveJobs } from '../src/course/isolation.js';
import { createLectureBuilder, type BuildContext } from '../src/course/lecture.js';
import { ParseMemo } from '../src/mdast/parse-memo.js';
import { createParser } from '../src/pipeline.js';
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
const whole = createParser(config, { chunkSize: Infinity });
const remembering = createParser(config, { memo: new ParseMemo() });

/** The tree and messages of `text` read by `parser`, or the error it threw. */
function parsed(parser: typeof whole, text: string): unknown {
  const file = new VFile({ path: source, value: text });
  try {
    const tree = parser.parse(file);
    return { tree, messages: file.messages.map(({ reason, line, column, ruleId }) => ({ reason, line, column, ruleId })) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

if (parentPort) {
  serveJobs<Uint8Array, FuzzOutcome>(parentPort, async (bytes) => {
    writeFileSync(source, bytes);
    const built = await build({ source, slug: 'fuzz' });
    // As `lecture check` does: how the text was read, then the lecture's facts.
    const read = await readLecture(source);
    const reading = new VFile({ path: source });
    reportReading(reading, read);
    const checked = read.text === undefined ? [] : (await check(source, read.text)).messages;
    const memoAgrees = read.text === undefined || isDeepStrictEqual(parsed(remembering, read.text), parsed(whole, read.text));
    return {
      memoAgrees,
      deck: built.summary !== undefined,
      build: built.messages.map(({ reason, ruleId, fatal }) => ({ reason, ruleId, fatal })),
      check: [...reading.messages, ...checked].map(({ reason, ruleId, fatal }) => ({ reason, ruleId, fatal })),
    };
  });
}
