/**
 * `pdf()`: what `lecture pdf` does, as a function with the command's options.
 * The browser starts before the build pipeline is loaded (it is the slowest
 * part to get going), then `exportPdf()` builds what changed and prints
 * every deck with it.
 */
import path from 'node:path';
import { ConfigError } from '../config/load.js';
import type { PdfOptions as PdfConfig } from '../config/schema.js';
import type { BuildOptions } from '../course/build.js';
import type { ExportResult } from './pdf.js';
import type { Shard } from './shard.js';

declare const LECTURE_VERSION: string | undefined;

/**
 * Options of `pdf()`: those of `lecture pdf`, by the same names (camel case).
 * Paths are relative to the working folder, as on the command line. Each
 * PDF setting left out comes from the config's `pdf` section.
 */
export interface PdfOptions {
  /** The course folder (`--root`). @default process.cwd() */
  root?: string | undefined;
  /** Config file to use instead of the one found at the root (`--config`). */
  config?: string | undefined;
  /** Lecture files or folders to export; all lectures when empty (`paths…`). */
  paths?: string[] | undefined;
  /** Output folder (`--out`). @default the config's `out` */
  out?: string | undefined;
  /** Worker threads that build lectures, 0 for none; also the decks exported at once (`--jobs`). @default see `BuildOptions.jobs` and the config's `pdf.jobs` */
  jobs?: number | undefined;
  /** `false` rebuilds every lecture instead of reusing unchanged ones from the cache (`--no-cache`). @default true */
  cache?: boolean | undefined;
  /** `false` does not fit slides to their canvas before printing (`--no-fit`). @default true */
  fit?: boolean | undefined;
  /** Chrome, Chromium or Edge executable (`--browser`). @default the config's `pdf.browser`, `CHROME_PATH`, a headless shell, then the usual install locations */
  browser?: string | undefined;
  /** One page per fragment step instead of one per slide (`--fragments`). @default false */
  fragments?: boolean | undefined;
  /** Also write `<slug>-notes.pdf`, notes under each slide or on their own page (`--notes`, `--notes=separate`). @default "none" */
  notes?: 'none' | 'below' | 'separate' | undefined;
  /** `false` leaves speaker notes out of everything published: decks and PDFs (`--no-notes`). @default the config's `publish.notes` */
  speakerNotes?: boolean | undefined;
  /** Also write `<slug>-handout.pdf` with 2, 3 (ruled space for notes) or 6 slides per A4 sheet (`--handout`). @default 0 (none) */
  handout?: 0 | 2 | 3 | 6 | undefined;
  /** Also write `<keys>/<slug>-answers.pdf` with the quiz answers shown, kept out of the output folder (`--answers`). @default false */
  answers?: boolean | undefined;
  /** Slide numbers on the pages (`--no-page-numbers` is `false`). @default true */
  pageNumbers?: boolean | undefined;
  /** Tagged (accessible) PDF for screen readers: about twice the time and size (`--tagged`). @default false */
  tagged?: boolean | undefined;
  /** Seconds one deck may take before it is retried once (`--timeout`). @default 60 */
  timeout?: number | undefined;
  /** Export only this share of the decks, for one job of a CI matrix (`--shard 2/3` is `{ index: 2, count: 3 }`). @default all decks */
  shard?: Shard | undefined;
  /** Where to draw progress; the command uses standard error unless `--quiet`. @default false (none) */
  progress?: NodeJS.WriteStream | false | undefined;
  /** Version written into the PDFs' Creator property. @default this package's version */
  version?: string | undefined;
}

/** What `pdf()` did: the build's result (its vfiles carry every message) and the PDFs written. */
export type PdfResult = ExportResult;

/** The PDF settings `options` give, validated as the config's `pdf` section is; throws `ConfigError`. */
async function settingsOf(options: PdfOptions): Promise<Partial<PdfConfig>> {
  const given: Partial<PdfConfig> = {
    browser: options.browser === undefined ? undefined : path.resolve(options.browser),
    fragments: options.fragments,
    notes: options.notes,
    handout: options.handout,
    pageNumbers: options.pageNumbers,
    tagged: options.tagged,
    timeout: options.timeout,
    jobs: options.jobs === undefined || options.jobs === 0 ? undefined : options.jobs,
  };
  const settings = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<PdfConfig>;
  const { validateConfig } = await import('../config/validate.js');
  const { problems } = validateConfig({ pdf: settings });
  if (problems.length > 0) throw new ConfigError(problems.map((problem) => `pdf(): ${problem}`).join('\n'));
  return settings;
}

/** The build options `options` give. */
function buildOptionsOf(options: PdfOptions, settings: Partial<PdfConfig>): BuildOptions {
  if (options.jobs !== undefined && !(Number.isInteger(options.jobs) && options.jobs >= 0)) throw new ConfigError(`pdf(): \`jobs\` must be a whole number, not ${String(options.jobs)}`);
  return {
    root: options.root,
    config: options.config,
    paths: options.paths,
    overrides: {
      ...(options.out ? { out: options.out } : {}),
      ...(settings.browser ? { pdf: { browser: settings.browser } } : {}),
      ...(options.speakerNotes === undefined ? {} : { publish: { notes: options.speakerNotes } }),
    },
    jobs: options.jobs,
    cache: options.cache,
    fit: options.fit === false ? false : 'auto',
  };
}

/**
 * Build the course (unchanged lectures from the cache) and export every deck
 * to PDF, as `lecture pdf` does: `<out>/<slug>/<slug>.pdf`, and the notes,
 * handout and answers PDFs when asked. Problems are messages on the result's
 * files (`failed` when one is an error); a missing browser or a wrong option
 * throws (`BrowserNotFoundError`, `ConfigError`).
 */
export async function pdf(options: PdfOptions = {}): Promise<PdfResult> {
  const settings = await settingsOf(options);
  const build = buildOptionsOf(options, settings);
  const { startBrowser } = await import('./start.js');
  const session = await startBrowser({ ...build, pdf: settings });
  const { exportPdf } = await import('./pdf.js').catch(async (error: unknown) => {
    await session.close();
    throw error;
  });
  const version = options.version ?? (typeof LECTURE_VERSION === 'string' ? LECTURE_VERSION : 'dev');
  return exportPdf({ ...build, session, pdf: settings, answers: options.answers, shard: options.shard, version, progress: options.progress ?? false });
}
