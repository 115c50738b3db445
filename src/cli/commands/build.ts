/**
 * `lecture build [paths…]`: build decks and the course page.
 */
import path from 'node:path';
import type { ArgsDef, ParsedArgs } from 'citty';
import type { BuildOptions, BuildResult } from '../../course/build.js';
import type { BrowserSession } from '../../export/session.js';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { CliError, exitCodes, type ExitCode } from '../errors.js';
import { formatMessages } from '../report.js';
import type { ExportResult } from '../../export/pdf.js';
import type { FrontMatterKeys } from '../../types.js';
import { preferSmallHeap } from '../heap.js';
import { optionalValues, pdfFlags, pdfSettings, pdfSummary } from './pdf-flags.js';
import { silenceConsole } from '../../quiet.js';

export const courseArgs = {
  paths: { type: 'positional', required: false, description: 'Lecture files or folders to build (default: every lecture)', valueHint: 'paths…' },
  config: { type: 'string', alias: 'c', description: 'Config file (default: lecture.config.json, .yaml or .yml at the course root)', valueHint: 'file' },
  out: { type: 'string', alias: 'o', description: 'Output folder (default: dist)', valueHint: 'folder' },
  root: { type: 'string', description: 'Course folder, which holds lectures/ and the config (default: the current folder)', valueHint: 'folder' },
  jobs: { type: 'string', alias: 'j', description: 'Worker threads that build lectures (default: for 4 or more lectures on more than two cores, one per core but one, at most 8; 0 for none); with PDFs, also the decks exported at once (default: one per core)', valueHint: 'n' },
  cache: { type: 'boolean', description: 'Reuse unchanged lectures from .lecture-cache/ (--no-cache rebuilds every one)' },
  fit: { type: 'boolean', description: 'Fit slides to their canvas in a headless browser: split, shrink or report overflowing ones (--no-fit skips)' },
  quiet: { type: 'boolean', alias: 'q', description: 'Print errors only' },
  color: { type: 'boolean', description: 'Colour the report (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it; --no-color never)' },
} satisfies ArgsDef;

export const buildArgs = {
  ...courseArgs,
  explain: { type: 'string', description: 'Print which dialect this lecture is read as, and why; builds nothing', valueHint: 'file' },
  pdf: { type: 'boolean', description: 'Also export every deck to PDF, with the PDF options below' },
  'single-file': { type: 'boolean', description: 'Also write each deck as one self-contained HTML file, <slug>/<slug>.html (config: output.singleFile)' },
  ...pdfFlags,
} satisfies ArgsDef;

export const buildMeta = { name: 'build', description: 'Build every lecture into a reveal.js deck, and the course page' };

async function exportBuilt(built: BuildResult, session: BrowserSession, args: ParsedArgs<typeof buildArgs>, version: string): Promise<ExportResult> {
  const { exportPdf } = await import('../../export/pdf.js');
  const jobs = parseJobs(args.jobs);
  preferSmallHeap();
  return exportPdf({ root: args.root, built, session, pdf: pdfSettings({ ...args, jobs }), answers: args.answers, version, progress: args.quiet ? false : process.stderr });
}

/**
 * With `--pdf`, the browser starts before the build pipeline is even loaded
 * (it takes longer to start than most courses take to build); it fits the
 * slides, then prints them.
 */
async function buildCourse(args: ParsedArgs<typeof buildArgs>, version: string): Promise<{ built: BuildResult; exported?: ExportResult | undefined }> {
  const options = buildOptions(args);
  if (!args.pdf) return { built: await (await import('../../course/build.js')).build(options) };
  const { startBrowser } = await import('../../export/start.js');
  const session = await startBrowser({ ...options, pdf: pdfSettings({ ...args, jobs: options.jobs }) });
  let built: BuildResult;
  try {
    built = await (await import('../../course/build.js')).build({ ...options, session, exporting: true });
  } catch (error) {
    await session.close();
    throw error;
  }
  return { built, exported: await exportBuilt(built, session, args, version) };
}

/** The `--jobs` value as a number of worker threads. */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 0) throw new CliError(`Option \`--jobs\` must be a whole number, not \`${value}\``);
  return jobs;
}

/** The build options the shared flags ask for. */
export function buildOptions(args: {
  root?: string | undefined;
  config?: string | undefined;
  _: string[];
  out?: string | undefined;
  jobs?: string | undefined;
  cache?: boolean | undefined;
  fit?: boolean | undefined;
  browser?: string | undefined;
  notes?: string | boolean | undefined;
  'single-file'?: boolean | undefined;
}): BuildOptions {
  return {
    root: args.root,
    config: args.config,
    paths: args._,
    overrides: {
      ...(args.out ? { out: args.out } : {}),
      // The browser named on the command line also measures slides for fitting; relative to where the command runs.
      ...(args.browser ? { pdf: { browser: path.resolve(args.browser) } } : {}),
      ...(args.notes === false ? { publish: { notes: false } } : {}),
      ...(args['single-file'] === undefined ? {} : { output: { singleFile: args['single-file'] } }),
    },
    jobs: parseJobs(args.jobs),
    cache: args.cache,
    fit: args.fit === false ? false : 'auto',
  };
}

/** `lecture build --explain <file>`: the dialect and the reasons, one per line. */
async function explain(args: ParsedArgs<typeof buildArgs>): Promise<ExitCode> {
  const { explainDialect } = await import('../../course/explain.js');
  const file = args.explain ?? '';
  const result = await explainDialect({ file, root: args.root, config: args.config }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' || error.code === 'EISDIR' ? new CliError(`Cannot read lecture \`${file}\`: it is not a file`) : error;
  });
  const report = formatMessages([result.file], { color: wantsColor(process.stderr, args.color), quiet: args.quiet });
  if (report) process.stderr.write(`${report}\n`);
  process.stdout.write(`${result.file.path}: ${result.dialect}\n${result.reasons.map((reason) => `  - ${reason}\n`).join('')}`);
  if (result.keys) process.stdout.write(explainKeys(result.keys));
  return exitCodes.ok;
}

/** The front matter keys by who reads them, one line a group: what `--explain` adds after the dialect. */
function explainKeys(keys: FrontMatterKeys): string {
  const list = (names: string[]) => names.map((name) => `\`${name}\``).join(', ');
  const tools = [...new Set(keys.otherTools.map((entry) => entry.tool))];
  const lines = [
    keys.used.length > 0 ? `read by lecture: ${list(keys.used)}` : '',
    ...tools.map((tool) => `ignored, ${tool}'s: ${list(keys.otherTools.filter((entry) => entry.tool === tool).map((entry) => entry.key))}`),
    keys.own.length > 0 ? `not read by lecture (your own; \`{{< meta key >}}\` shows one): ${list(keys.own)}` : '',
    ...keys.misspelt.map(({ key, guess }) => `misspelt? \`${key}\`: did you mean \`${guess}\`?`),
  ].filter(Boolean);
  return `front matter:\n${lines.map((line) => `  - ${line}\n`).join('')}`;
}

/** Run `lecture build`. */
export async function runBuild(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, buildArgs, optionalValues);
  if (args.quiet) silenceConsole();
  if (args.explain !== undefined) return explain(args);
  const started = performance.now();
  const { built, exported } = await buildCourse(args, version);
  const result = exported ?? built;
  const report = formatMessages(result.files, { color: wantsColor(process.stderr, args.color), quiet: args.quiet });
  if (report) process.stderr.write(`${report}\n`);
  if (!args.quiet) {
    const slides = result.decks.reduce((sum, deck) => sum + deck.slides, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const where = path.relative(process.cwd(), path.join(result.out, 'index.html')) || 'index.html';
    process.stdout.write(`Built ${result.decks.length} deck${result.decks.length === 1 ? '' : 's'} (${slides} slide${slides === 1 ? '' : 's'}) in ${seconds} s; open ${where}\n`);
    if (exported) process.stdout.write(`${pdfSummary(exported.pdfs, started)}\n`);
  }
  return result.failed ? exitCodes.failed : exitCodes.ok;
}
