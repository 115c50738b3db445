/**
 * `build()`: every lecture of a course into `dist/<slug>/index.html`, the
 * shared assets once into `dist/_assets/`, images into `dist/_media/`, and
 * the course page into `dist/index.html`. A problem in one lecture is
 * reported on that lecture and never stops the others.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { VFile } from 'vfile';
import { MediaStore } from '../assets/media.js';
import { copyVendorAssets, findThemes } from '../assets/vendor.js';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config, UserConfig } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createProcessor } from '../pipeline.js';
import { renderCoursePage, type DeckSummary } from '../render/course-page.js';
import { discoverLectures, selectLectures, type Lecture } from './discover.js';
import { readManifest, writeManifest } from './manifest.js';
import { createResolver } from './resolver.js';
import { applyRuleSettings } from './severity.js';

/** Options of `build()`; every path is relative to `root`. */
export interface BuildOptions {
  /** The course folder. @default process.cwd() */
  root?: string | undefined;
  /** Config file to use instead of the one found at the root. */
  config?: string | undefined;
  /** Lecture files or folders to build; all lectures when empty. */
  paths?: string[] | undefined;
  /** Settings that win over the config file (from command-line flags). */
  overrides?: UserConfig | undefined;
}

/** What a build did. */
export interface BuildResult {
  /** One file per lecture built (with its messages), plus course-level problems. */
  files: VFile[];
  /** Decks written in this run. */
  decks: DeckSummary[];
  /** Absolute output folder. */
  out: string;
  config: Config;
  /** Whether any lecture could not be built or any error was reported. */
  failed: boolean;
}

interface BuiltLecture {
  file: VFile;
  summary?: DeckSummary | undefined;
}

/** Build the course at `options.root`. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  const out = path.resolve(root, config.out);
  const lecturesFolder = path.resolve(root, config.lectures);
  checkFolders(root, out, lecturesFolder);
  const catalog = findThemes(root);
  if (!catalog.has(config.theme)) {
    throw new ConfigError(`Unknown theme \`${config.theme}\`; known themes: ${[...catalog.keys()].sort().join(', ')}`);
  }
  const all = await discoverLectures(lecturesFolder);
  const chosen = options.paths && options.paths.length > 0 ? selectLectures(all, options.paths) : all;
  const course = new VFile({ path: path.relative(process.cwd(), lecturesFolder) || '.', cwd: process.cwd() });
  const lectures = uniqueSlugs(chosen, course);

  const processor = createProcessor({
    config,
    themes: new Set(catalog.keys()),
    resolve: createResolver({
      courseRoot: root,
      media: new MediaStore(out),
      decks: new Map([...all, ...lectures].map((lecture) => [lecture.source, lecture.slug])),
      cache: new Map(),
    }),
  });
  const limit = pLimit(Math.max(2, os.availableParallelism()));
  const built = await Promise.all(lectures.map((lecture) => limit(() => buildLecture(processor, lecture, root, out))));

  const files = built.map((result) => result.file);
  await copyVendorAssets(out, {
    catalog,
    themes: [config.theme, ...files.flatMap((file) => (file.data.theme ? [file.data.theme] : []))],
    math: files.some((file) => file.data.hasMath),
  });
  const decks = built.flatMap((result) => (result.summary ? [result.summary] : []));
  await writeCoursePage(out, root, config, decks, all);

  const reported = course.messages.length > 0 ? [course, ...files] : files;
  for (const file of reported) applyRuleSettings(file, config.rules);
  const failed = reported.some((file) => file.messages.some((message) => message.fatal === true));
  return { files: reported, decks, out, config, failed };
}

type Processor = ReturnType<typeof createProcessor>;

async function buildLecture(processor: Processor, lecture: Lecture, root: string, out: string): Promise<BuiltLecture> {
  const file = new VFile({ path: path.relative(process.cwd(), lecture.source), cwd: process.cwd() });
  try {
    file.value = await readFile(lecture.source, 'utf8');
  } catch (error) {
    report(file, `Cannot read lecture: ${(error as Error).message}`, rules.buildFailed, undefined, 'error');
    return { file };
  }
  try {
    await processor.process(file);
  } catch (error) {
    report(file, `Cannot build this lecture: ${describe(error)}`, rules.buildFailed, undefined, 'error');
    return { file };
  }
  await writeAtomically(path.join(out, lecture.slug, 'index.html'), String(file.value));
  const meta = file.data.meta;
  return {
    file,
    summary: {
      slug: lecture.slug,
      title: meta?.title ?? file.stem ?? lecture.slug,
      author: meta?.author ?? [],
      date: meta?.date,
      slides: file.data.slideCount ?? 0,
      source: path.relative(root, lecture.source).split(path.sep).join('/'),
    },
  };
}

/** An unexpected failure, said in one line (the stack only with `LECTURE_DEBUG=1`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return process.env.LECTURE_DEBUG ? `${error.stack}` : `${error.message} (this is a bug in lecture; run with LECTURE_DEBUG=1 for details)`;
}

/** Write through a temporary file so an interrupted build never leaves half a page. */
export async function writeAtomically(target: string, content: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, target);
}

/** Refuse output folders that would overwrite the course itself. */
function checkFolders(root: string, out: string, lectures: string): void {
  const inside = (child: string, parent: string) => {
    const relative = path.relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (inside(root, out) || inside(out, lectures) || inside(lectures, out)) {
    throw new ConfigError(`Output folder \`${path.relative(root, out) || '.'}\` would overwrite the course; choose a folder of its own such as \`dist\``);
  }
}

/** Drop lectures whose slug another lecture already has, reporting them. */
function uniqueSlugs(lectures: Lecture[], course: VFile): Lecture[] {
  const seen = new Map<string, Lecture>();
  return lectures.filter((lecture) => {
    const first = seen.get(lecture.slug);
    if (!first) {
      seen.set(lecture.slug, lecture);
      return true;
    }
    report(course, `\`${path.basename(lecture.source)}\` and \`${path.basename(first.source)}\` would both be built into \`${lecture.slug}/\`; rename one`, rules.duplicateSlug, undefined, 'error');
    return false;
  });
}

async function writeCoursePage(out: string, root: string, config: Config, built: DeckSummary[], all: Lecture[]): Promise<void> {
  const existing = new Set(all.map((lecture) => path.relative(root, lecture.source).split(path.sep).join('/')));
  const previous = (await readManifest(out)).filter((deck) => existing.has(deck.source));
  const bySlug = new Map([...previous, ...built].map((deck) => [deck.slug, deck]));
  const decks = [...bySlug.values()].sort((a, b) => a.source.localeCompare(b.source));
  await writeManifest(out, decks);
  await writeAtomically(path.join(out, 'index.html'), renderCoursePage(config.title, decks, config.lang));
  await writeFile(path.join(out, '.nojekyll'), '');
}
