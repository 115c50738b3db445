/**
 * `npm run bench` (PDF part): `lecture pdf` on a 60-slide and a 200-slide
 * deck and on the 50-lecture synthetic course, against, in the same run,
 * (a) the floor of reveal.js's own print method (a bare puppeteer-core script
 * opening `?print-pdf` once and calling `page.pdf`) and (b) Marp CLI on the
 * same content in its dialect, and DeckTape when installed. Every tool runs
 * on the same browser, once with full Chromium and once with the headless
 * shell when it is installed (what `lecture` picks by default). Wall times
 * include starting Node and the browser; figures only, no assertions.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headlessShells } from '../src/export/find-browser.js';
import { marpLecture } from './marp.js';
import { measureTreeMedian, measureTreesInTurn, row, runs, type Measure } from './measure.js';
import { syntheticLecture, writeSyntheticCourse } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'lib/cli/bin.js');
const marp = path.join(root, 'node_modules/.bin/marp');
// The shell `lecture` itself would pick, found the same way.
const shell = headlessShells().find((candidate) => existsSync(candidate));
/** The browsers every figure is measured with: full Chromium, and the headless shell when installed. */
const browsers = [
  { name: 'Chromium', path: process.env.CHROME_PATH ?? '/usr/bin/chromium' },
  ...(shell ? [{ name: 'headless shell', path: shell }] : []),
];
const envFor = (browser: string) => ({ ...process.env, CHROME_PATH: browser, CHROME_NO_SANDBOX: '1' });

/** Fail the bench when `file` is missing or has fewer pages than the deck has content slides. */
function expectPages(file: string, atLeast: number, tool: string): void {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status !== 0 && spawnSync('pdfinfo', ['-v']).error) return; // no poppler-utils: size check only
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout ?? '')?.[1] ?? 0);
  if (pages < atLeast) throw new Error(`${tool} wrote ${pages} pages to ${file}, expected at least ${atLeast}`);
}

for (const browser of browsers) {
  console.log(`\nlecture bench, PDF, every tool on ${browser.name} (${browser.path}): median of ${runs} runs, ${os.cpus().length} cores\n`);
  await benchWith(browser.path);
}

/** Every figure, with `chrome` for all tools. */
async function benchWith(chrome: string): Promise<void> {
  const env = envFor(chrome);
  const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-pdf-'));
  try {
    // Fitting the sample course: a cold build with fitting, less the same cold build without.
    const sample = path.join(work, 'sample');
    cpSync(path.join(root, 'lectures'), path.join(sample, 'lectures'), { recursive: true });
    const cold = () => rmSync(path.join(sample, '.lecture-cache'), { recursive: true, force: true });
    const fitted = await measureTreeMedian([process.execPath, bin, 'build', '--quiet'], sample, env, cold);
    const unfitted = await measureTreeMedian([process.execPath, bin, 'build', '--quiet', '--no-fit'], sample, env, cold);
    const warm = await measureTreeMedian([process.execPath, bin, 'build', '--quiet'], sample, env);
    console.log(row('sample course (3 lectures): fitting, cold', `${(fitted.seconds - unfitted.seconds).toFixed(2)} s`, 'target < 2 s'));
    console.log(row('sample course: build with fitting, cold', `${fitted.seconds.toFixed(2)} s`));
    console.log(row('sample course: build with fitting, unchanged', `${warm.seconds.toFixed(2)} s`));

    for (const slides of [60, 200]) {
      const course = path.join(work, `deck-${slides}`);
      const [file] = writeSyntheticCourse(course, 1, slides);
      spawnSync(process.execPath, [bin, 'build', '--quiet'], { cwd: course });
      const pdf = path.join(course, 'dist/lecture-01/lecture-01.pdf');
      // Marp's source lives outside the lectures folder, so it is no lecture of ours.
      const marpFile = path.join(course, 'marp.md');
      writeFileSync(marpFile, marpLecture(syntheticLecture(0, slides)).replaceAll('](img/', `](${path.relative(course, path.dirname(file!))}/img/`));
      const [ours, floor, marped] = (await measureTreesInTurn([
        { command: [process.execPath, bin, 'pdf', '--quiet'], cwd: course, env },
        { command: [process.execPath, path.join(root, 'bench/reveal-print.mjs'), path.join(course, 'dist/lecture-01/index.html'), path.join(work, 'reveal.pdf')], cwd: course, env },
        { command: [marp, '--pdf', '--allow-local-files', marpFile, '-o', path.join(work, 'marp.pdf')], cwd: course, env, before: () => rmSync(path.join(work, 'marp.pdf'), { force: true }) },
      ])) as [Measure, Measure, Measure];
      // A tool that fails fast would look fast: every figure is checked against the PDF it wrote.
      expectPages(path.join(work, 'marp.pdf'), slides, 'Marp CLI');
      expectPages(path.join(work, 'reveal.pdf'), slides, 'reveal.js print view');
      expectPages(pdf, slides, 'lecture pdf');
      console.log(row(`${slides}-slide deck: lecture pdf (build cached)`, `${ours.seconds.toFixed(2)} s`, `${(statSync(pdf).size / 1024).toFixed(0)} kB`));
      console.log(row(`${slides}-slide deck: reveal.js ?print-pdf floor`, `${floor.seconds.toFixed(2)} s`));
      console.log(row(`${slides}-slide deck: Marp CLI --pdf`, `${marped.seconds.toFixed(2)} s`));
      console.log(row(`${slides}-slide deck: lecture / Marp`, `${(ours.seconds / marped.seconds).toFixed(2)}×`, 'target ≤ 0.8×'));
      console.log(row(`${slides}-slide deck: lecture / reveal.js floor`, `${(ours.seconds / floor.seconds).toFixed(2)}×`));
      if (spawnSync('decktape', ['version']).status === 0) {
        const deck = await measureTreeMedian(['decktape', 'reveal', '--chrome-path', chrome, '--chrome-arg=--no-sandbox', `file://${path.join(course, 'dist/lecture-01/index.html')}`, path.join(work, 'decktape.pdf')], course, env);
        console.log(row(`${slides}-slide deck: DeckTape`, `${deck.seconds.toFixed(2)} s`));
      } else if (slides === 60) console.log('  (DeckTape is not installed: no DeckTape figure this run)');
    }

    const course = path.join(work, 'course');
    writeSyntheticCourse(course, 50, 40);
    spawnSync(process.execPath, [bin, 'build', '--quiet'], { cwd: course });
    const all = await measureTreeMedian([process.execPath, bin, 'pdf', '--quiet'], course, env);
    const one = await measureTreeMedian([process.execPath, bin, 'pdf', '--quiet', 'lectures/lecture-01'], course, env);
    console.log(row('course, 50 lectures × 40 slides: lecture pdf', `${all.seconds.toFixed(2)} s`));
    console.log(row('50 one-off exports (50 × one deck)', `${(50 * one.seconds).toFixed(2)} s`, `sharing saves ${(50 * one.seconds / all.seconds).toFixed(1)}×`));
    console.log(row('peak memory, course PDFs, browser included', `${(all.peakMb ?? 0).toFixed(0)} MB`, 'target < 600 MB'));
    const text = path.join(work, 'text40');
    writeSyntheticCourse(text, 1, 40);
    spawnSync(process.execPath, [bin, 'pdf', '--quiet'], { cwd: text, env });
    console.log(row('40-slide deck, PDF size', `${(statSync(path.join(text, 'dist/lecture-01/lecture-01.pdf')).size / 1024).toFixed(0)} kB`, 'target < 1 MB'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
