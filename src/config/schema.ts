/**
 * The course configuration: one typed interface with a default for every
 * field. The optional file `lecture.config.json` (or `.yaml` / `.yml`) at the
 * course root holds any subset of it; see `load.ts`.
 */

import type { Dialect } from '../dialects/detect.js';

/** How a rule's findings are reported; `off` silences it. */
export type RuleSetting = 'off' | 'warn' | 'error' | 'info';

/** reveal.js options we pass through to `Reveal.initialize` (a subset of reveal.js's config). */
export interface RevealOptions {
  /** Slide width in pixels. @default 960 */
  width: number;
  /** Slide height in pixels. @default 700 */
  height: number;
  /** Space around the slide, as a fraction of its size. @default 0.04 */
  margin: number;
  /** Slide transition: `none`, `fade`, `slide`, `convex`, `concave`, `zoom`. @default "slide" */
  transition: 'none' | 'fade' | 'slide' | 'convex' | 'concave' | 'zoom';
  /** Slide numbers: `true`, `false`, or a format such as `c/t`. @default "c/t" */
  slideNumber: boolean | 'h.v' | 'h/v' | 'c' | 'c/t';
  /** Show the navigation arrows. @default true */
  controls: boolean;
  /** Show the progress bar. @default true */
  progress: boolean;
  /** Centre slides vertically; section and title slides are always centred. @default false */
  center: boolean;
  /** Show fragments one step at a time. @default true */
  fragments: boolean;
  /** Loop from the last slide to the first. @default false */
  loop: boolean;
}

/** Files lectures may use from outside the course folder. */
export interface AssetOptions {
  /**
   * Folders outside the course folder, relative to it, whose files lectures
   * may show and link (copied into the output like the course's own), e.g.
   * `["../shared"]`. Each must lie inside the git repository holding the
   * course. Any other file outside the course is never read. @default []
   */
  allow: string[];
}

/** Classroom mode (`lecture serve --classroom`). */
export interface ClassroomOptions {
  /** Folder for the sessions' results and journals, relative to the course root; outside the output folder. @default "quiz-results" */
  results: string;
}

/** Quiz options. */
export interface QuizOptions {
  /** Where decks show quiz answers: nowhere, on a slide after each quiz slide, or on answer-key slides at the end. @default "hidden" */
  answers: 'hidden' | 'after-each' | 'appendix';
  /** Folder for the answer keys (`<slug>.json`, `quiz-key.md`), relative to the course root; kept out of the output folder so publishing it never publishes the answers. @default "quiz-keys" */
  keys: string;
}

/** PDF export options (`lecture pdf`, `lecture build --pdf`); flags win over these. */
export interface PdfOptions {
  /** Browser executable; otherwise `CHROME_PATH`, `PUPPETEER_EXECUTABLE_PATH`, then the usual install locations. @default undefined */
  browser?: string | undefined;
  /** One page per fragment step instead of one per slide. @default false */
  fragments: boolean;
  /** Also write `<slug>-notes.pdf`: speaker notes under each slide (`below`) or on a page after it (`separate`). @default "none" */
  notes: 'none' | 'below' | 'separate';
  /** Also write `<slug>-handout.pdf` with 2, 3 (with ruled space for notes) or 6 slides per A4 sheet; 0 for none. @default 0 */
  handout: 0 | 2 | 3 | 6;
  /** Print the slide number on each page. @default true */
  pageNumbers: boolean;
  /**
   * Tagged (accessible) PDF: Chromium's structure tree of headings, lists and
   * alt texts for screen readers, and its outline made from every heading.
   * Printing takes about twice as long and the file is about twice as large.
   * Untagged PDFs get an outline of the sections and slide titles. @default false
   */
  tagged: boolean;
  /** Seconds one deck may take before it is abandoned (and retried once). @default 60 */
  timeout: number;
  /** Decks exported at once (browser pages). @default the number of cores */
  jobs?: number | undefined;
  /**
   * Decks per CI job: `lecture pdf --shards` plans one job for every this
   * many decks, so a CI matrix exports a large course in parallel (each job
   * runs `lecture pdf --shard i/n`). @default 12
   */
  shardSize: number;
}

/** What goes into the published output folder. */
export interface PublishOptions {
  /**
   * Speaker notes in the published output: in the decks (the speaker view)
   * and as a notes PDF linked from the course page. `false` leaves them out
   * of everything in the output folder; the notes PDF (`pdf.notes`) is then
   * written next to the answer keys, for the instructor. @default true
   */
  notes: boolean;
}

/** How decks are written. */
export interface OutputOptions {
  /**
   * Also write each deck as one self-contained HTML file
   * (`<slug>/<slug>.html`: reveal.js, theme, subset fonts, math, images and
   * media inside), for an LMS or an e-mail, linked from the course page.
   * @default false
   */
  singleFile: boolean;
}

/** Fitting slides to their canvas after the build (needs a browser). */
export interface FitOptions {
  /** Measure every slide in a headless browser and split, shrink or report the ones that overflow. @default true */
  enabled: boolean;
  /** Smallest font scale a slide may be shrunk to before it is reported instead. @default 0.7 */
  minScale: number;
}

/** `lecture check` options; flags win over these. */
export interface CheckSettings {
  /** Skip remote links (no network). @default false */
  offline: boolean;
  /** Also check `#anchors` in remote pages (downloads those pages). @default false */
  remoteAnchors: boolean;
  /** URLs never checked: `*` matches any run of characters, e.g. `https://intranet.example.edu/*`. @default [] */
  exclude: string[];
  /** How long a remote result is reused from the cache, in seconds; 0 never reuses. @default 86400 */
  cacheAge: number;
  /** Seconds one request may take. @default 10 */
  timeout: number;
  /** Requests in flight at once to one host. @default 4 */
  perHost: number;
  /** Requests in flight at once in total. @default 64 */
  concurrency: number;
  /** Retries of a request that timed out, was refused or told to wait (429, 503). @default 2 */
  retries: number;
  /** Also measure slides in a headless browser and report the ones that do not fit (`slide-overflow`). @default false */
  layout: boolean;
  /** Seconds one host may cost the whole run: past that, or after two requests it did not answer, its other links are reported unverified without asking. @default 30 */
  hostBudget: number;
  /** Leave links to private, loopback and link-local addresses (`localhost`, `10.…`, `[::1]`, names resolving to them) unchecked and unreported. @default true when the `CI` environment variable is set, else false */
  skipPrivate?: boolean | undefined;
}

/** The whole course configuration. */
export interface Config {
  /** Title of the course page. @default "Lectures" */
  title: string;
  /** Folder holding the lectures, relative to the course root. @default "lectures" */
  lectures: string;
  /** Output folder, relative to the course root; only ever written by the build. @default "dist" */
  out: string;
  /** Theme of every deck unless its front matter names another: ours (`lecture`), a file in `themes/`, or a reveal.js theme. @default "lecture" */
  theme: string;
  /** Language of the decks (`<html lang>`), unless front matter sets `lang`. @default "en" */
  lang: string;
  /** Make every list incremental unless front matter says otherwise. @default false */
  incremental: boolean;
  /** Pandoc's smart typography (curly quotes, dashes, ellipses) unless a lecture's front matter (`smart: false`) or format (`-smart`) turns it off. @default true */
  smart: boolean;
  /**
   * Replacements for the strings shown to students (quiz buttons and
   * messages, answer slides, the course page), by string id, e.g.
   * `{"quiz.check": "Submit"}`; they apply in every language. The ids are
   * listed in `docs/configuration.md`. @default {}
   */
  strings: Record<string, string>;
  /** Dialect of every lecture unless its front matter sets `format` (or it is a `.qmd` file): `pandoc`, `notes`, `page`, `outline`, `reveal-md` or `quarto`; by default each file's dialect is detected. @default undefined */
  format?: Dialect | undefined;
  /** reveal.js options. */
  reveal: RevealOptions;
  /** Severity per rule id, e.g. `{"unknown-language": "off"}`. @default {} */
  rules: Record<string, RuleSetting>;
  /** Folder of the build cache, relative to the course root, or `false` for none. @default ".lecture-cache" */
  cache: string | false;
  /** Files from outside the course folder. */
  assets: AssetOptions;
  /** Seconds one lecture may take to build or check before it is abandoned and reported (`build-failed`); the others still build. @default 60 */
  lectureTimeout: number;
  /** Quizzes. */
  quiz: QuizOptions;
  /** Classroom mode. */
  classroom: ClassroomOptions;
  /** PDF export. */
  pdf: PdfOptions;
  /** What is published. */
  publish: PublishOptions;
  /** How decks are written. */
  output: OutputOptions;
  /** Slides that fit. */
  fit: FitOptions;
  /** `lecture check`. */
  check: CheckSettings;
}

/** The configuration used when the course has no config file. */
export const defaultConfig: Config = {
  title: 'Lectures',
  lectures: 'lectures',
  out: 'dist',
  theme: 'lecture',
  lang: 'en',
  incremental: false,
  smart: true,
  strings: {},
  reveal: {
    width: 960,
    height: 700,
    margin: 0.04,
    transition: 'slide',
    slideNumber: 'c/t',
    controls: true,
    progress: true,
    center: false,
    fragments: true,
    loop: false,
  },
  rules: {},
  cache: '.lecture-cache',
  assets: { allow: [] },
  classroom: { results: 'quiz-results' },
  lectureTimeout: 60,
  quiz: { answers: 'hidden', keys: 'quiz-keys' },
  pdf: { fragments: false, notes: 'none', handout: 0, pageNumbers: true, tagged: false, timeout: 60, shardSize: 12 },
  publish: { notes: true },
  output: { singleFile: false },
  fit: { enabled: true, minScale: 0.7 },
  check: { offline: false, remoteAnchors: false, exclude: [], cacheAge: 86_400, timeout: 10, perHost: 4, concurrency: 64, retries: 2, layout: false, hostBudget: 30 },
};

/** A configuration as written: any subset of the fields. */
export type UserConfig = Partial<Omit<Config, 'reveal' | 'assets' | 'classroom' | 'quiz' | 'pdf' | 'fit' | 'check' | 'publish' | 'output'>> & {
  assets?: Partial<AssetOptions>;
  classroom?: Partial<ClassroomOptions>;
  fit?: Partial<FitOptions>;
  reveal?: Partial<RevealOptions>;
  quiz?: Partial<QuizOptions>;
  pdf?: Partial<PdfOptions>;
  check?: Partial<CheckSettings>;
  publish?: Partial<PublishOptions>;
  output?: Partial<OutputOptions>;
};

/** Merge a user configuration over the defaults. */
export function resolveConfig(user: UserConfig = {}): Config {
  return {
    ...defaultConfig,
    ...user,
    reveal: { ...defaultConfig.reveal, ...user.reveal },
    assets: { ...defaultConfig.assets, ...user.assets },
    classroom: { ...defaultConfig.classroom, ...user.classroom },
    quiz: { ...defaultConfig.quiz, ...user.quiz },
    pdf: { ...defaultConfig.pdf, ...user.pdf },
    fit: { ...defaultConfig.fit, ...user.fit },
    check: { ...defaultConfig.check, ...user.check },
    publish: { ...defaultConfig.publish, ...user.publish },
    output: { ...defaultConfig.output, ...user.output },
    rules: { ...defaultConfig.rules, ...user.rules },
    strings: { ...defaultConfig.strings, ...user.strings },
  };
}
