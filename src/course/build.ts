/**
 * `build()`: every lecture of a course into `dist/<slug>/index.html`, the
 * shared assets once into `dist/_assets/`, images into `dist/_media/`, and
 * the course page into `dist/index.html`. A problem in one lecture is
 * reported on that lecture and never stops the others.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { writeEmojiFont } from '../assets/fonts/emoji.js';
import { assetFolder, copyVendorAssets, findThemes } from '../assets/vendor.js';
import { writeAtomically } from '../assets/write.js';
import { ConfigError, loadConfig } from '../config/load.js';
import type { Config, UserConfig } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import type { DeckSummary } from '../render/course-page.js';
import { discoverLectures, selectLectures, type Lecture } from './discover.js';
import { courseFolders, type CourseFolders } from './folders.js';
import { assertLecturesFound, requireLecturesFolder } from './no-lectures.js';
import { cacheFolder, claimFolder, markOwned, outputFolder } from './ownership.js';
import { lockOutput, openStage } from './stage.js';
import { BuildCache, quizSecret } from './cache.js';
import type { BrowserSession } from '../export/session.js';
import type { FitStep } from '../fit/report.js';
import type { BuildContext, LectureResult } from './lecture.js';
import type { ParseMemo } from '../mdast/parse-memo.js';
import { fileRecord, type DeckRecord } from './manifest.js';
import { listDecks, renderCourse, reportStale, writeCoursePage } from './index-page.js';
import { fileWithMessages, messagesToData } from './messages.js';
import { buildAll } from './pool.js';
import { writeQuizKeys } from './quiz-keys.js';
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
  /** Worker threads; 0 builds in this thread. @default one per core for courses of 4 or more lectures */
  jobs?: number | undefined;
  /** `false` rebuilds every lecture, ignoring and not writing the build cache. @default true */
  cache?: boolean | undefined;
  /**
   * Fit slides to their canvas in a headless browser (split, shrink, or
   * report them), as the config's `fit` says: `true` warns when no browser
   * is found, `auto` only hints. @default false
   */
  fit?: boolean | 'auto' | undefined;
  /** A browser to fit with, started by the caller (who closes it); else one is launched when fitting needs it. */
  session?: BrowserSession | undefined;
  /**
   * Write into a staging folder and swap it in as the output at the end, so
   * an interrupted build leaves the previous output whole; `false` writes into
   * the output folder directly (a folder only this process reads, such as the
   * one `lecture serve` serves). @default true
   */
  stage?: boolean | undefined;
  /**
   * Keep the output folder locked after the build, for a caller that writes
   * more into it (PDFs); it must call the result's `unlock`. @default false
   */
  keepLock?: boolean | undefined;
  /**
   * Classroom mode (`lecture serve --classroom`): quizzes are checked by the
   * classroom server, so the pages hold no hashes; `quizSecret` must then be
   * the session's, from which the server derives the ordering tokens.
   */
  classroom?: boolean | undefined;
  /** Secret of the quiz salts and tokens. @default the course's, kept in the cache folder */
  quizSecret?: string | undefined;
  /** Where the list of decks is kept between builds. @default a file in the cache folder, keyed by the output folder */
  record?: DeckRecord | undefined;
  /** The caller exports the PDFs next: PDFs older than their deck are not reported yet. @default false */
  exporting?: boolean | undefined;
  /** Write the answer keys; `false` for a copy of some decks built only to print them (with answers, with notes). @default true */
  keys?: boolean | undefined;
  /** Parses to reuse and remember, for lectures built in this thread (`jobs: 0`): `lecture serve` keeps one for its session. */
  parseMemo?: ParseMemo | undefined;
  /**
   * Told as soon as the lectures are built and their decks written (and
   * fitted) with the assets they use, before the course page, the emoji font
   * and the answer keys are: `lecture serve` shows an edit without waiting
   * for those. Messages found later (a PDF older than its deck) are in the result only.
   */
  onDecks?: ((built: BuiltDecks) => Promise<void>) | undefined;
}

/** The lectures of a build, as `BuildOptions.onDecks` is told of them. */
export type BuiltDecks = Pick<BuildResult, 'files' | 'decks' | 'inputs'>;

/** What a build did. */
export interface BuildResult {
  /** One file per lecture built (with its messages), plus course-level problems. */
  files: VFile[];
  /** Decks written in this run. */
  decks: DeckSummary[];
  /** Every deck the course page lists (built in this run or before). */
  listed: DeckSummary[];
  /** Absolute output folder (symbolic links resolved). */
  out: string;
  /** The course folder. */
  root: string;
  /** Absolute answer-key folder. */
  keys: string;
  /** The lectures built or restored in this run, with the files each read (images, media), for watchers. */
  inputs: Array<{ source: string; slug: string; files: string[] }>;
  /** Release the output folder's lock, when the build was asked to keep it. */
  unlock?: (() => Promise<void>) | undefined;
  config: Config;
  /** Whether any lecture could not be built or any error was reported. */
  failed: boolean;
}

/** Build the course at `options.root`. */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  // A missing lectures folder is an error that creates nothing (not a build of no decks).
  requireLecturesFolder(root, config, options.paths);
  const folders = courseFolders(root, config, { cache: options.cache });
  const course = new VFile({ path: path.relative(process.cwd(), folders.lectures) || '.', cwd: process.cwd() });
  const catalog = findThemes(root, folders.scope);
  if (!catalog.has(config.theme)) {
    throw new ConfigError(`Unknown theme \`${config.theme}\`; known themes: ${[...catalog.keys()].sort().join(', ')}`);
  }
  const refuse = (source: string, real: string) =>
    report(course, `\`${path.relative(folders.lectures, source)}\` is a symbolic link to \`${real}\`, outside the course folder; it is not built`, rules.outsideCourse, undefined, 'error');
  const all = await discoverLectures(folders.lectures, { scope: folders.scope, refuse });
  const requested = options.paths !== undefined && options.paths.length > 0;
  if (!requested) assertLecturesFound({ root: folders.root, lectures: folders.lectures, setting: config.lectures, found: all.length });
  const chosen = requested ? selectLectures(all, options.paths!) : all;
  const lectures = uniqueSlugs(chosen, course);
  const unlock = options.keepLock ? await lockOutput(folders.out) : undefined;
  const stage = options.stage === false ? undefined : await openStage(folders.out).catch(async (error: unknown) => {
    await unlock?.();
    throw error;
  });
  try {
    const result = await buildInto(stage?.folder ?? folders.out, { root, config, folders, catalog, course, all, lectures }, options);
    await stage?.commit();
    return { ...result, out: folders.out, unlock };
  } catch (error) {
    await unlock?.();
    throw error;
  } finally {
    await stage?.abandon();
  }
}

/** What `build()` settled before writing anything. */
interface Plan {
  root: string;
  config: Config;
  folders: CourseFolders;
  catalog: Map<string, string>;
  /** Course-level messages. */
  course: VFile;
  all: Lecture[];
  lectures: Lecture[];
}

/** Build the planned lectures into `out` (the staging folder, or the output itself). */
async function buildInto(out: string, plan: Plan, options: BuildOptions): Promise<BuildResult> {
  const { root, config, folders, catalog, course, all, lectures } = plan;
  if (options.stage === false) await mkdir(out, { recursive: true }).then(() => markOwned(out, outputFolder));
  if (folders.cache !== false) await claimFolder(folders.cache, cacheFolder);
  const context: BuildContext = {
    root,
    out,
    config,
    themes: [...catalog.keys()],
    decks: [...all, ...lectures].map((lecture) => [lecture.source, lecture.slug]),
    cwd: process.cwd(),
    quizSecret: options.quizSecret ?? (await quizSecret(folders.cache)),
    classroom: options.classroom,
  };
  const cache = folders.cache === false ? undefined : new BuildCache(folders.cache, context);
  const fit = Boolean(options.fit) && config.fit.enabled;
  let session: FitStep['session'];
  // Launch the browser fitting needs while the lectures build, unless every deck comes from the cache fitted.
  const warm = async () => (session = options.session ? Promise.resolve(options.session) : (await import('../fit/report.js')).prelaunchFor(config, root));
  const lent = options.session !== undefined;
  let built: LectureResult[];
  let files: VFile[];
  try {
    built = await buildWithCache(lectures, context, options, cache, fit ? warm : undefined);
    files = built.map((result) => fileWithMessages(result.path, context.cwd, result.messages));
    await copyVendorAssets(out, {
      catalog,
      themes: [config.theme, ...built.flatMap((result) => (result.theme ? [result.theme] : []))],
      math: built.some((result) => result.hasMath),
      quiz: built.some((result) => result.hasQuiz),
      scope: folders.scope,
      refuse: (theme, url) => report(course, `The theme \`${path.relative(root, theme)}\` refers to \`${url}\`, outside the course folder; it is not published`, rules.outsideCourse, undefined, 'error'),
    });
    if (fit && built.some((result) => result.summary && !result.fitted)) {
      const { fitBuilt } = await import('../fit/report.js');
      const handed = session;
      session = undefined; // fitting closes it, unless it was lent
      const fitted = await fitBuilt(built, files, course, { root, out, config, cache: options.cache !== false, mode: options.fit === 'auto' ? 'auto' : true, session: handed, keepOpen: lent });
      await Promise.all(fitted.map((index) => cache?.saveFitted(lectures[index]!, out, built[index]!.summary!, messagesToData(files[index]!))));
    }
  } finally {
    if (!lent) await (await session)?.close();
  }
  const decks = built.flatMap((result) => (result.summary ? [result.summary] : []));
  const inputs = lectures.map((lecture, index) => ({ source: lecture.source, slug: lecture.slug, files: built[index]!.dependencies.map((file) => file.path) }));
  if (options.onDecks) {
    for (const file of files) applyRuleSettings(file, config.rules);
    await options.onDecks({ files, decks, inputs });
  }
  const record = options.record ?? fileRecord(folders.records, folders.out);
  const listed = await listDecks({ out, root, config, record }, decks, all);
  await writeEmojiFont(path.join(out, assetFolder), listed, folders.records);
  // The HTML parser and the font subsetter load only for single-file decks.
  if (config.output.singleFile) await (await import('../assets/single-file.js')).writeSingleFiles(out, listed, folders.records);
  const stale = await renderCourse(out, config, listed);
  await writeAtomically(path.join(out, '.nojekyll'), '');
  if (!options.exporting) reportStale(stale, files, root);
  const withQuizzes = built.flatMap((result) => (result.summary ? [{ summary: result.summary, quizzes: result.quizzes }] : []));
  if (options.keys !== false) await writeQuizKeys(folders.keys, withQuizzes, listed);

  const reported = course.messages.length > 0 ? [course, ...files] : files;
  for (const file of reported) applyRuleSettings(file, config.rules);
  const failed = reported.some((file) => file.messages.some((message) => message.fatal === true));
  return { files: reported, decks, listed, out, root, keys: folders.keys, config, failed, inputs };
}

/** Restore unchanged lectures from the cache, build the rest, and remember them. */
async function buildWithCache(
  lectures: Lecture[],
  context: BuildContext,
  options: BuildOptions,
  cache: BuildCache | undefined,
  warm: (() => Promise<unknown>) | undefined,
): Promise<LectureResult[]> {
  const restored = await Promise.all(lectures.map((lecture) => cache?.restore(lecture, context.out, warm !== undefined)));
  const stale = lectures.filter((_, index) => !restored[index]);
  if (warm && restored.some((result) => !result?.fitted)) await warm();
  const fresh = await buildAll(stale, context, { workers: options.jobs, parseMemo: options.parseMemo });
  await Promise.all(stale.map((lecture, index) => cache?.save(lecture, context.out, fresh[index]!, fresh[index]!.dependencies)));
  let next = 0;
  return restored.map((result) => result ?? fresh[next++]!);
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

/**
 * Rewrite the course page for the lectures that exist now, building none:
 * after lectures were deleted or renamed. Writes into the output folder
 * directly (as `stage: false` does), for `lecture serve`'s own folder.
 */
export async function refreshCoursePage(options: BuildOptions): Promise<BuildResult> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  const folders = courseFolders(root, config, { cache: options.cache });
  const all = await discoverLectures(folders.lectures, { scope: folders.scope });
  const record = options.record ?? fileRecord(folders.records, folders.out);
  const { decks } = await writeCoursePage({ out: folders.out, root, config, record }, [], all);
  return { files: [], decks: [], listed: decks, out: folders.out, root, keys: folders.keys, config, failed: false, inputs: [] };
}

/**
 * Rewrite the course page of a build, e.g. to link the PDFs exported since;
 * PDFs still older than their deck are reported on `files`.
 */
export async function relinkCoursePage(result: BuildResult, files: VFile[]): Promise<void> {
  reportStale(await renderCourse(result.out, result.config, result.listed), files, result.root);
}
