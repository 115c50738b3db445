/**
 * `lecture pdf [paths…]`: build (unchanged lectures from the cache) and
 * export each deck to `dist/<slug>/<slug>.pdf`, plus the notes, handout and
 * answer PDFs when asked. The library's `pdf()` with the flags as options.
 */
import type { ArgsDef } from 'citty';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { CliError, exitCodes, type ExitCode } from '../errors.js';
import { preferSmallHeap } from '../heap.js';
import { formatMessages } from '../report.js';
import { courseArgs, parseJobs } from './build.js';
import { optionalValues, pdfFlags, pdfSettings, pdfSummary } from './pdf-flags.js';
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
  const jobs = parseJobs(args.jobs);
  const settings = pdfSettings({ ...args, jobs });
  const { pdf } = await import('../../export/run-pdf.js');
  preferSmallHeap();
  const result = await pdf({
    root: args.root,
    config: args.config,
    paths: args._,
    out: args.out,
    jobs,
    cache: args.cache,
    fit: args.fit,
    ...settings,
    answers: args.answers,
    speakerNotes: (args.notes as string | boolean | undefined) === false ? false : undefined,
    shard,
    progress: args.quiet ? false : process.stderr,
    version,
  });
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

