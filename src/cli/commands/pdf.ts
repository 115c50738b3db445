/**
 * `lecture pdf [paths…]`: build (unchanged lectures from the cache) and
 * export each deck to `dist/<slug>/<slug>.pdf`, plus the notes, handout and
 * answer PDFs when asked.
 */
import type { ArgsDef } from 'citty';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { CliError, exitCodes, type ExitCode } from '../errors.js';
import { preferSmallHeap } from '../heap.js';
import { formatMessages } from '../report.js';
import { buildOptions, courseArgs } from './build.js';
import { optionalValues, pdfFlags, pdfSettings } from './pdf-flags.js';
import { silenceConsole } from '../../quiet.js';

export const pdfArgs = {
  ...courseArgs,
  ...pdfFlags,
  shard: { type: 'string', description: 'Export only this share of the decks, e.g. 2/3: one job of a CI matrix (every job computes the same shares)', valueHint: 'i/n' },
  shards: { type: 'boolean', description: 'Print the shares a CI matrix needs for this course (one per pdf.shardSize lectures) as JSON, and stop' },
} satisfies ArgsDef;

export const pdfMeta = { name: 'pdf', description: 'Export every deck to PDF (slides; notes, handout and answers on request)' };

/** Run `lecture pdf`. */
export async function runPdf(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, pdfArgs, optionalValues);
  if (args.quiet) silenceConsole();
  if (args.shards) {
    const { planShards } = await import('../../export/shard.js');
    process.stdout.write(`${JSON.stringify(await planShards({ root: args.root, config: args.config }))}\n`);
    return exitCodes.ok;
  }
  const shard = args.shard === undefined ? undefined : await shardOf(args.shard);
  const started = performance.now();
  const options = buildOptions(args);
  const pdf = pdfSettings({ ...args, jobs: options.jobs });
  // The browser starts before the build pipeline is loaded: it is the slowest part to get going.
  const { startBrowser } = await import('../../export/start.js');
  const session = await startBrowser({ ...options, pdf });
  const { exportPdf } = await import('../../export/pdf.js').catch(async (error: unknown) => {
    await session.close();
    throw error;
  });
  preferSmallHeap();
  const result = await exportPdf({ ...options, session, pdf, shard, answers: args.answers, version, progress: args.quiet ? false : process.stderr });
  const report = formatMessages(result.files, { color: wantsColor(process.stderr, args.color), quiet: args.quiet });
  if (report) process.stderr.write(`${report}\n`);
  if (!args.quiet) process.stdout.write(`${pdfSummary(result.pdfs, started)}\n`);
  return result.failed ? exitCodes.failed : exitCodes.ok;
}

async function shardOf(text: string) {
  const { parseShard } = await import('../../export/shard.js');
  const shard = parseShard(text);
  if (!shard) throw new CliError(`Option \`--shard\` must be \`i/n\` with 1 ≤ i ≤ n, such as \`2/3\`, not \`${text}\``);
  return shard;
}

/** One line on what was exported. */
export function pdfSummary(pdfs: Array<{ pages: number }>, started: number): string {
  const pages = pdfs.reduce((sum, pdf) => sum + pdf.pages, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `Exported ${pdfs.length} PDF${pdfs.length === 1 ? '' : 's'} (${pages} pages) in ${seconds} s`;
}
