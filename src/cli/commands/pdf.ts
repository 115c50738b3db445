/**
 * `lecture pdf [paths…]`: build (unchanged lectures from the cache) and
 * export each deck to `dist/<slug>/<slug>.pdf`, plus the notes, handout and
 * answer PDFs when asked. The library's `pdf()` with the flags as options.
 */
import type { ArgsDef } from 'citty';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { exitCodes, type ExitCode } from '../errors.js';
import { preferSmallHeap } from '../heap.js';
import { formatMessages } from '../report.js';
import { courseArgs, parseJobs } from './build.js';
import { optionalValues, pdfFlags, pdfSettings, pdfSummary } from './pdf-flags.js';

export const pdfArgs = { ...courseArgs, ...pdfFlags } satisfies ArgsDef;

export const pdfMeta = { name: 'pdf', description: 'Export every deck to PDF (slides; notes, handout and answers on request)' };

/** Run `lecture pdf`. */
export async function runPdf(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, pdfArgs, optionalValues);
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
    progress: args.quiet ? false : process.stderr,
    version,
  });
  const report = formatMessages(result.files, { color: wantsColor(process.stderr, args.color), quiet: args.quiet });
  if (report) process.stderr.write(`${report}\n`);
  if (!args.quiet) process.stdout.write(`${pdfSummary(result.pdfs, started)}\n`);
  return result.failed ? exitCodes.failed : exitCodes.ok;
}
