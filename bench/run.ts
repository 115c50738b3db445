/**
 * `npm run bench`: time `lecture build` (the whole process) on a synthetic
 * course of 50 lectures × 40 slides and on one 40-slide lecture, measure peak
 * memory, and time Pandoc (`pandoc -t revealjs -s`, two parallel jobs) on the
 * same files when it is installed. Prints figures and ratios measured in the
 * same run; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorker } from '../fuzz/bundle-worker.js';
import { hasPandoc, measure, row, runs } from './measure.js';
import { writeSyntheticCourse } from './synthetic.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'lib/cli/bin.js');

const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-bench-'));
try {
  const courseRoot = path.join(work, 'course');
  const files = writeSyntheticCourse(courseRoot, 50, 40);
  const singleRoot = path.join(work, 'single');
  writeSyntheticCourse(singleRoot, 1, 40);
  const clean = (folder: string) => () => rmSync(path.join(folder, 'dist'), { recursive: true, force: true });

  console.log(`lecture bench: median of ${runs} runs, ${os.cpus().length} cores, Node ${process.version}\n`);
  // Without fitting (measuring slides in a browser), which Pandoc does not do either; `bench/pdf.ts` times fitting.
  const build = [process.execPath, bin, 'build', '--quiet', '--no-fit'];
  const course = measure([...build, '--no-cache'], courseRoot, clean(courseRoot));
  // Two workers show how far the build scales on two cores (the default there is one: see bench/README.md).
  const twoWorkers = measure([...build, '--no-cache', '--jobs', '2'], courseRoot, clean(courseRoot));
  measure(build, courseRoot);
  const warm = measure(build, courseRoot);
  const single = measure([...build, '--no-cache'], singleRoot, clean(singleRoot));
  measure(build, singleRoot);
  const singleWarm = measure(build, singleRoot);
  console.log(row('course, 50 lectures × 40 slides, cold', `${course.seconds.toFixed(2)} s`, `${os.availableParallelism()} cores, default workers`));
  console.log(row('the same with two workers (--jobs 2)', `${twoWorkers.seconds.toFixed(2)} s`, `${(course.seconds / twoWorkers.seconds).toFixed(2)}× as fast as the default`));
  console.log(row('course, unchanged since the last build', `${warm.seconds.toFixed(2)} s`));
  console.log(row('one 40-slide lecture, cold, with Node start-up', `${single.seconds.toFixed(2)} s`, 'target < 0.35 s'));
  console.log(row('one 40-slide lecture, unchanged', `${singleWarm.seconds.toFixed(2)} s`, 'target < 0.35 s'));
  if (course.peakMb !== undefined) console.log(row('peak memory, course build, cold', `${course.peakMb.toFixed(0)} MB`, 'target < 300 MB'));
  // The fixed stack with nothing of ours but the bundle's patches to it (bench/floor.mjs), half the files in each of two processes.
  const floorScript = fileURLToPath(await bundleWorker(path.join(root, 'bench/floor.mjs'), work));
  const list = files.join('\n');
  const floor = measure(['sh', '-c', `printf '%s\\n' "$0" | xargs -P 2 -n ${Math.ceil(files.length / 2)} "$1" "$2"`, list, process.execPath, floorScript], courseRoot);
  console.log(row('bare remark → rehype → HTML, 2 jobs', `${floor.seconds.toFixed(2)} s`, `--jobs 2 takes ${(twoWorkers.seconds / floor.seconds).toFixed(2)}× its time`));

  if (hasPandoc()) {
    const pandoc = measure(['sh', '-c', `printf '%s\\n' "$0" | xargs -P 2 -I{} pandoc -t revealjs -s {} -o {}.html`, list], courseRoot);
    console.log(row('pandoc -t revealjs -s, same files, 2 jobs', `${pandoc.seconds.toFixed(2)} s`));
    console.log(row('speed-up over Pandoc, cold', `${(pandoc.seconds / course.seconds).toFixed(2)}×`, 'target ≥ 8×'));
    console.log(row('speed-up over Pandoc, cold, --jobs 2', `${(pandoc.seconds / twoWorkers.seconds).toFixed(2)}×`, 'target ≥ 2× (issue #18)'));
    console.log(row("the stack's floor over Pandoc, same run", `${(pandoc.seconds / floor.seconds).toFixed(2)}×`, 'the most any build on remark and rehype can reach'));
    console.log(row('speed-up over Pandoc, unchanged course', `${(pandoc.seconds / warm.seconds).toFixed(2)}×`, 'target ≥ 8×'));
  } else {
    console.log('\npandoc is not installed (apt-get install -y pandoc): no comparison this run');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
