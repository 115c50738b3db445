/**
 * `check()`: every real defect of a course, found on the trees the build
 * makes: local files, fragment links, placeholders, structure, quizzes (from
 * the parser), remote links, and any extra message source (the browser's
 * layout measurement plugs in here). Nothing is written but the caches.
 */
import { existsSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import pLimit from 'p-limit';
import type { VFile } from 'vfile';
import { fileWithMessages, messagesToData } from '../course/messages.js';
import { readLecture as readLectureText, reportReading, type LectureText } from '../course/read.js';
import { applyRuleSettings } from '../course/severity.js';
import { discoverLectures, selectLectures } from '../course/discover.js';
import { courseFolders } from '../course/folders.js';
import { assertLecturesFound, requireLecturesFolder } from '../course/no-lectures.js';
import { cacheFolder as cacheKind, claimFolder } from '../course/ownership.js';
import { resolveInScope, type Scope } from '../assets/scope.js';
import { loadConfig } from '../config/load.js';
import type { Config, UserConfig } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createAnalyser, type Analyser } from './analyser.js';
import { LectureCache } from './lecture-cache.js';
import { RemoteChecker } from './remote/links.js';
import { checkSeverities, courseRules } from './rules/index.js';
import type { CheckContext, CheckedLecture, LectureFacts, MessageSource } from './types.js';

/** Options of `check()`; paths are relative to `root`. */
export interface CheckOptions {
  /** The course folder. @default process.cwd() */
  root?: string | undefined;
  /** Config file to use instead of the one found at the root. */
  config?: string | undefined;
  /** Lecture files or folders to check; all lectures when empty. */
  paths?: string[] | undefined;
  /** Settings that win over the config file (from command-line flags), e.g. `{check: {offline: true}}`. */
  overrides?: UserConfig | undefined;
  /** `false` neither reads nor writes the caches (remote results, unchanged lectures). @default true */
  cache?: boolean | undefined;
  /** More message sources, run after the built-in ones (e.g. layout measured in a browser). @default [] */
  sources?: MessageSource[] | undefined;
  /** User-Agent of remote requests. @default "lecture-check (+https://www.npmjs.com/package/lecture-cli)" */
  userAgent?: string | undefined;
  /** Host name resolution for remote links (tests answer without DNS). @default the system resolver */
  lookup?: LookupFunction | undefined;
}

/** What a check found. */
export interface CheckResult {
  /** One file per lecture checked, with its messages (severities as configured). */
  files: VFile[];
  config: Config;
  /** The course root. */
  root: string;
  /** Whether any error was reported. */
  failed: boolean;
}

type Analyse = Analyser['analyse'];

/** Check the course at `options.root`. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  // A missing lectures folder is an error that creates nothing (not a check of no lectures).
  requireLecturesFolder(root, config, options.paths);
  const folders = courseFolders(root, config, { cache: options.cache, output: false });
  const cwd = process.cwd();
  const course = fileWithMessages(path.relative(cwd, folders.lectures) || '.', cwd, []);
  const refuse = (source: string, real: string) =>
    report(course, `\`${path.relative(folders.lectures, source)}\` is a symbolic link to \`${real}\`, outside the course folder; it is not built`, rules.outsideCourse, undefined, 'error');
  const all = await discoverLectures(folders.lectures, { scope: folders.scope, refuse });
  const requested = options.paths !== undefined && options.paths.length > 0;
  if (!requested) assertLecturesFound({ root: folders.root, lectures: folders.lectures, setting: config.lectures, found: all.length });
  const chosen = requested ? selectLectures(all, options.paths!) : all;
  const cacheFolder = folders.cache === false ? undefined : folders.cache;
  if (cacheFolder) await claimFolder(cacheFolder, cacheKind);
  const cache = new LectureCache(cacheFolder, config, root, cwd);
  const remote = config.check.offline ? undefined : new RemoteChecker({ settings: config.check, cacheFolder, userAgent: options.userAgent ?? 'lecture-check (+https://www.npmjs.com/package/lecture-cli)', lookup: options.lookup });
  const analyser = createAnalyser(config, root, cwd, { eager: cacheFolder === undefined });
  await Promise.all([cache.load(), remote?.open()]);
  let lectures: CheckedLecture[];
  let parsed: Promise<void> | undefined;
  try {
    // Every lecture is read (and its links requested) at once; parsing, the slow part, goes four at a time.
    const reads = pLimit(32);
    const parses = pLimit(4);
    lectures = await Promise.all(
      chosen.map(({ source }) =>
        reads(() => readLecture(source, cache, remote)).then((read) =>
          parses(async () => {
            const lecture = await checkLecture(source, read, cwd, cache, analyser.analyse);
            remote?.add(lecture);
            return lecture;
          }),
        ),
      ),
    );
    await cache.save();
    const context: CheckContext = { root, config, lectures, idsOf: idsFinder(lectures, analyser.analyse, folders.scope) };
    for (const source of courseRules) await source(context);
    // Nothing built in parses any more: the worker stops while the network answers (a later use starts another).
    parsed = analyser.close();
    const layout = config.check.layout ? [(await import('./layout.js')).layoutSource(options.config)] : [];
    for (const source of [...(remote ? [remote.source] : []), ...layout, ...(options.sources ?? [])]) await source(context);
  } finally {
    await Promise.all([parsed, analyser.close()]);
  }
  const files = [...(course.messages.length > 0 ? [course] : []), ...lectures.map((lecture) => lecture.file)];
  for (const file of files) applyRuleSettings(file, { ...checkSeverities, ...config.rules });
  return { files, config, root, failed: files.some((file) => file.messages.some((message) => message.fatal === true)) };
}

/** A lecture's text (or why it has none) and, when it is unchanged, its cached facts. */
interface ReadLecture {
  read: LectureText;
  cached?: LectureFacts | undefined;
}

/**
 * Read a lecture; when it is not in the cache, its remote links start being
 * checked now (a look-ahead guess), long before its parse comes round.
 */
async function readLecture(source: string, cache: LectureCache, remote: RemoteChecker | undefined): Promise<ReadLecture> {
  const read = await readLectureText(source);
  if (read.text === undefined) return { read };
  const cached = await cache.get(source, read.text);
  if (!cached) remote?.prefetch(read.text);
  return { read, cached };
}

/** One lecture's facts, from the cache or freshly found, as a lecture of this run. */
async function checkLecture(source: string, { read, cached }: ReadLecture, cwd: string, cache: LectureCache, analyse: Analyse): Promise<CheckedLecture> {
  // How the text was read is said as the build says it (`readInto`).
  const readReport = fileWithMessages(path.relative(cwd, source), cwd, []);
  reportReading(readReport, read);
  if (read.text === undefined) return { source, file: readReport, ids: new Set(), horizontal: 0, targets: [] };
  let facts = cached;
  if (!facts) {
    facts = await analyse(source, read.text);
    if (!facts.failed) await cache.set(source, read.text, facts);
  }
  const messages = [...messagesToData(readReport), ...facts.messages];
  const lecture: CheckedLecture = { source, file: fileWithMessages(path.relative(cwd, source), cwd, messages), ids: new Set(facts.ids), horizontal: facts.horizontal, targets: [] };
  lecture.targets = facts.targets.map((target) => ({ ...target, lecture }));
  return lecture;
}

/** Ids of any markdown file in the course's scope, from this run's lectures or parsed on demand (once). */
function idsFinder(lectures: CheckedLecture[], analyse: Analyse, scope: Scope): CheckContext['idsOf'] {
  const known = new Map<string, Promise<Set<string> | undefined>>(lectures.map((lecture) => [lecture.source, Promise.resolve(lecture.ids)]));
  return (source) => {
    let ids = known.get(source);
    if (!ids) {
      const readable = existsSync(source) && resolveInScope(source, scope).inside;
      ids = readable
        ? readLectureText(source).then(async ({ text }) => (text === undefined ? undefined : new Set((await analyse(source, text)).ids)))
        : Promise.resolve(undefined);
      known.set(source, ids);
    }
    return ids;
  };
}
