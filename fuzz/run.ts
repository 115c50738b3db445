/**
 * `npm run fuzz`: feed the real pipeline inputs from `arbitraries.ts` (after
 * every seed once as it is) and check `property.ts` on each. Each input is
 * built in a worker (the build's own isolation) with a time budget per case,
 * so a crash or a stall is a finding, not the end of the run. Options:
 *
 *   --seed <n>          fast-check's seed (default 22: the same run every time)
 *   --runs <n>          random cases after the seeds (default: until --time)
 *   --time <seconds>    time budget of the random cases (default 300)
 *   --case-timeout <s>  seconds one input may take (default 10)
 *   --slow <s>          an input taking longer than this is kept in `fuzz/found/slow/` to study, not a failure (default: half the case timeout)
 *   --workers <n>       inputs built at once, each in its own worker (default: one per core)
 *
 * The random cases are drawn in batches of 100 (`fc.sample`, seeded from
 * `--seed` and the batch's number, so a run is the same every time) and
 * built by the pool at once: the property never throws, so fast-check has
 * nothing to shrink, and the cores are used.
 * Failing inputs are written to `fuzz/found/` (ignored by git) for their
 * regression fixture (`test/fixtures/fuzz/`); the exit code is 1 if any.
 * Slow ones go to `fuzz/found/slow/` and are listed, without failing the run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { createIsolation } from '../src/course/isolation.js';
import { temporaryFolder } from '../src/lifetime.js';
import { mutated, pandocLecture, unchanged } from './arbitraries.js';
import { bundleWorker } from './bundle-worker.js';
import { loadCorpora } from './corpus.js';
import { violation, type FuzzOutcome } from './property.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const usage = 'npm run fuzz -- [--seed <n>] [--runs <n>] [--time <seconds>] [--case-timeout <seconds>] [--slow <seconds>] [--workers <n>]';
const options = { help: { type: 'boolean' }, seed: { type: 'string' }, runs: { type: 'string' }, time: { type: 'string' }, 'case-timeout': { type: 'string' }, slow: { type: 'string' }, workers: { type: 'string' } } as const;
const values = readOptions();

/** The options, or the usage (exit 0 for `--help`, 2 for a mistake) instead of a stack trace. */
function readOptions() {
  try {
    const { values } = parseArgs({ options });
    if (!values.help) return values;
    console.log(usage);
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
  process.exit(0);
}
const seed = Number(values.seed ?? 22);
const runs = values.runs === undefined ? Number.MAX_SAFE_INTEGER : Number(values.runs);
const budget = Number(values.time ?? 300);
const caseTimeout = Number(values['case-timeout'] ?? 10);
const slowAfter = Number(values.slow ?? caseTimeout / 2);
const workers = Number(values.workers ?? os.availableParallelism());

// Removed at the end, or by the guardian if the run is killed.
const temporary = await temporaryFolder('lecture-fuzz-');
const work = temporary.path;
const found = path.join(root, 'fuzz/found');
const isolation = createIsolation<Uint8Array, FuzzOutcome>({ script: await bundleWorker(path.join(root, 'fuzz/worker.ts'), work), workerData: { root: path.join(work, 'course') }, timeout: caseTimeout * 1000, workers });
let cases = 0;
let stopping = false;
const failures: Array<{ problem: string; file: string }> = [];
const slowest: Array<{ seconds: number; bytes: number }> = [];
const slow: Array<{ seconds: number; file: string }> = [];

/** Write `bytes` into `folder` under a name drawn from its content; its path. */
function save(folder: string, bytes: Uint8Array): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}.md`);
  writeFileSync(file, bytes);
  return file;
}

/** Build one input and check the property; a failing input is saved, never thrown, so the run goes on. */
async function trial(bytes: Uint8Array): Promise<void> {
  cases++;
  const started = performance.now();
  let problem: string | undefined;
  try {
    problem = violation(await isolation.run(bytes));
  } catch (error) {
    // The run's time is up while this input was building: not a finding.
    if (stopping) return;
    problem = (error as Error).message;
  }
  const seconds = (performance.now() - started) / 1000;
  slowest.push({ seconds, bytes: bytes.length });
  slowest.sort((a, b) => b.seconds - a.seconds).splice(5);
  if (problem) {
    const file = save(found, bytes);
    failures.push({ problem, file });
    console.error(`FAIL ${path.relative(root, file)}: ${problem}`);
  } else if (seconds > slowAfter) {
    slow.push({ seconds, file: save(path.join(found, 'slow'), bytes) });
  }
  if (cases % 1000 === 0) console.error(`${cases} cases, ${failures.length} failing, ${((performance.now() - begun) / 1000).toFixed(0)} s`);
}

/** Try every input, `workers` at a time (so each one's time is its own, not its wait in the queue). */
async function inPool(inputs: Uint8Array[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) await trial(inputs[next++]!);
  };
  await Promise.all(Array.from({ length: workers }, lane));
}

const begun = performance.now();
try {
  const corpora = loadCorpora(root);
  const all = corpora.flatMap((corpus) => corpus.inputs.map((input) => new TextEncoder().encode(input)));
  // Every seed once as it is, then random cases.
  await inPool(all);
  const [lectures, fixtures, commonmark] = corpora as [(typeof corpora)[0], (typeof corpora)[0], (typeof corpora)[0]];
  const input = fc.oneof(
    { weight: 4, arbitrary: mutated(lectures, all) },
    { weight: 4, arbitrary: mutated(fixtures, all) },
    { weight: 1, arbitrary: unchanged(commonmark) },
    { weight: 3, arbitrary: mutated(commonmark, all) },
    { weight: 4, arbitrary: pandocLecture },
  );
  const deadline = performance.now() + budget * 1000;
  for (let batch = 0, random = 0; random < runs && performance.now() < deadline; batch++) {
    const inputs = fc.sample(input, { seed: seed + batch * 7919, numRuns: Math.min(100, runs - random) });
    random += inputs.length;
    await inPool(inputs);
  }
} finally {
  stopping = true;
  await isolation.close();
  await temporary.remove();
}
const seconds = (performance.now() - begun) / 1000;
console.log(`lecture fuzz: seed ${seed}, ${cases} cases in ${seconds.toFixed(0)} s (${(cases / seconds).toFixed(1)} a second), ${failures.length} failing`);
console.log(`slowest cases: ${slowest.map((slow) => `${slow.seconds.toFixed(2)} s (${(slow.bytes / 1000).toFixed(0)} kB)`).join(', ')}`);
for (const failure of failures) console.log(`  ${path.relative(root, failure.file)}: ${failure.problem}`);
if (slow.length > 0) console.log(`slower than ${slowAfter} s, kept to study: ${slow.map((one) => `${path.relative(root, one.file)} (${one.seconds.toFixed(1)} s)`).join(', ')}`);
process.exitCode = failures.length > 0 ? 1 : 0;
