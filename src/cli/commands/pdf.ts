/**
 * `lecture pdf [paths…]`: build (unchanged lectures from the cache) and
 * export each deck to `dist/<slug>/<slug>.pdf`, plus the notes, handout and
 * answer PDFs when asked.
 */
import type { ArgsDef } from 'citty';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { exitCodes, type ExitCode } from '../errors.js';
import { preferSmallHeap } from '../heap.js';
import { formatMessages } from '../report.js';
import { buildOptions, courseArgs } from './build.js';
import { optionalValues, pdfFlags, pdfSettings, pdfSummary } from './pdf-flags.js';

export const pdfArgs = { ...courseArgs, ...pdfFlags } satisfies ArgsDef;

export const pdfMeta = { name: 'pdf', description: 'Export every deck to PDF (slides; notes, handout and answers on request)' };

/** Run `lecture pdf`. */
export async function runPdf(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, pdfArgs, optionalValues);
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
  const result = await exportPdf({ ...options, session, pdf, answers: args.answers, version, progress: args.quiet ? false : process.stderr });
  const report = formatMessages(result.files, { color: wantsColor(process.stderr, args.color), quiet: args.quiet });
  if (report) process.stderr.write(`${report}\n`);
  if (!args.quiet) process.stdout.write(`${pdfSummary(result.pdfs, started)}\n`);
  return result.failed ? exitCodes.failed : exitCodes.ok;
}
