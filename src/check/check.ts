/**
 * `check()`: every real defect of a course, found on the trees the build
 * makes: local files, fragment links, placeholders, structure, quizzes (from
 * the parser), remote links, and any extra message source (the browser's
 * layout measurement plugs in here). Nothing is written but the link cache.
 */
import { existsSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import path from 'node:path';
import type { VFile } from 'vfile';
import { applyRuleSettings } from '../build/severity.js';
import { discoverLectures, selectLectures } from '../build/discover.js';
import { loadConfig } from '../config/load.js';
import type { CheckSettings, Config, UserConfig } from '../config/schema.js';
import { createLectureChecker } from './lecture.js';
import { remoteLinks } from './remote/links.js';
import { checkSeverities, courseRules, lectureRules } from './rules/index.js';
import type { CheckContext, CheckedLecture, MessageSource } from './types.js';

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
  /** `false` neither reads nor writes the remote-link cache. @default true */
  cache?: boolean | undefined;
  /** More message sources, run after the built-in ones (e.g. layout measured in a browser). @default [] */
  sources?: MessageSource[] | undefined;
  /** User-Agent of remote requests. @default "lecture-check/<version>" */
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

/** Check the course at `options.root`. */
export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  const all = await discoverLectures(path.resolve(root, config.lectures));
  const chosen = options.paths && options.paths.length > 0 ? selectLectures(all, options.paths) : all;
  const checkLecture = createLectureChecker(config, root, process.cwd());
  const lectures: CheckedLecture[] = [];
  for (const lecture of chosen) lectures.push(await checkLecture(lecture.source));
  for (const lecture of lectures) for (const rule of lectureRules) rule(lecture);

  const context: CheckContext = { root, config, lectures, idsOf: idsFinder(lectures, checkLecture) };
  for (const source of [...courseRules, ...remoteSource(config.check, root, config, options), ...(options.sources ?? [])]) await source(context);

  const files = lectures.map((lecture) => lecture.file);
  for (const file of files) applyRuleSettings(file, { ...checkSeverities, ...config.rules });
  return { files, config, root, failed: files.some((file) => file.messages.some((message) => message.fatal === true)) };
}

function remoteSource(settings: CheckSettings, root: string, config: Config, options: CheckOptions): MessageSource[] {
  if (settings.offline) return [];
  const cacheFolder = options.cache === false || config.cache === false ? undefined : path.resolve(root, config.cache);
  return [remoteLinks({ cacheFolder, userAgent: options.userAgent ?? 'lecture-check (+https://www.npmjs.com/package/lecture)', lookup: options.lookup })];
}

/** Ids of any markdown file, from this run's lectures or parsed on demand (once). */
function idsFinder(lectures: CheckedLecture[], checkLecture: (source: string) => Promise<CheckedLecture>): CheckContext['idsOf'] {
  const known = new Map<string, Promise<Set<string> | undefined>>(lectures.map((lecture) => [lecture.source, Promise.resolve(lecture.ids)]));
  return (source) => {
    let ids = known.get(source);
    if (!ids) {
      ids = existsSync(source) ? checkLecture(source).then((lecture) => lecture.ids) : Promise.resolve(undefined);
      known.set(source, ids);
    }
    return ids;
  };
}
