/**
 * `npm run bench` (and `npm run bench:linear`): building is linear in a
 * lecture's size and a list's length. Times `lecture build --no-fit` (the
 * whole process) on one lecture of the sample lectures repeated to 0.5, 1
 * and 2 MB, and on lists of 25,000, 50,000 and 100,000 items, beside
 * `pandoc -t revealjs -s` on the same file when Pandoc is installed, and
 * prints the time per MB (per 10,000 items), which stays flat when the time
 * is linear. Targets: 2 MB and 100,000 items in at most 5 s each. Asserts
 * nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasPandoc, measure, row } from './measure.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'lib/cli/bin.js');
const pandoc = hasPandoc();

/** The sample lectures without their front matter, repeated to `bytes`. */
function bigLecture(bytes: number): string {
  const folder = path.join(root, 'lectures');
  const parts = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''));
  let text = '---\ntitle: Big\n---\n\n';
  for (let index = 0; text.length < bytes; index++) text += `${parts[index % parts.length]}\n\n`;
  return text;
}

function list(items: number): string {
  return `---\ntitle: List\n---\n\n## Items\n\n${Array.from({ length: items }, (_, index) => `- item ${index}\n`).join('')}`;
}

/** A block quote whose paragraph goes on over `lines` lazy lines (without `>`): quadratic in micromark before the bundle's patch. */
function lazyLines(lines: number): string {
  return `---\ntitle: Lazy\n---\n\n## Quote\n\n> start\n${Array.from({ length: lines }, (_, index) => `lazy line ${index}\n`).join('')}`;
}

/** Time the build (and Pandoc) of one lecture `text`; prints a row and returns the build's seconds. */
function time(work: string, label: string, text: string, per: number, unit: string, target?: string): number {
  const course = path.join(work, label.replace(/\W+/g, '-'));
  mkdirSync(path.join(course, 'lectures'), { recursive: true });
  writeFileSync(path.join(course, 'lectures', 'lecture.md'), text);
  // Time is what is measured here, not the per-lecture time limit.
  writeFileSync(path.join(course, 'lecture.config.json'), '{"lectureTimeout": 3600}');
  const ours = measure([process.execPath, bin, 'build', '--quiet', '--no-fit', '--no-cache'], course, () => rmSync(path.join(course, 'dist'), { recursive: true, force: true }));
  const theirs = pandoc ? measure(['pandoc', '--quiet', '-t', 'revealjs', '-s', 'lectures/lecture.md', '-o', 'pandoc.html'], course) : undefined;
  const figures = `${ours.seconds.toFixed(2)} s`;
  const beside = `${(ours.seconds / per).toFixed(2)} s ${unit}${theirs ? `; pandoc ${theirs.seconds.toFixed(2)} s (${(theirs.seconds / per).toFixed(2)} s ${unit})` : ''}`;
  console.log(row(label, figures, `${beside}${target ? `; ${target}` : ''}`));
  return ours.seconds;
}

const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-linear-'));
try {
  console.log(`\nlinear time: one lecture, lecture build --no-fit as a whole process${pandoc ? ', beside pandoc -t revealjs -s' : ''}`);
  for (const megabytes of [0.5, 1, 2]) time(work, `lecture of ${megabytes} MB`, bigLecture(megabytes * 1_000_000), megabytes, 'a MB', megabytes === 2 ? 'target ≤ 5 s' : undefined);
  for (const items of [25_000, 50_000, 100_000]) time(work, `list of ${items.toLocaleString('en')} items`, list(items), items / 10_000, 'per 10,000 items', items === 100_000 ? 'target ≤ 5 s' : undefined);
  for (const lines of [10_000, 40_000]) time(work, `${lines.toLocaleString('en')} lazy lines`, lazyLines(lines), lines / 10_000, 'per 10,000 lines');
  if (!pandoc) console.log('\npandoc is not installed (apt-get install -y pandoc): no comparison this run');
} finally {
  rmSync(work, { recursive: true, force: true });
}
