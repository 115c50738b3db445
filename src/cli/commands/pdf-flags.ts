/**
 * The PDF options shared by `lecture pdf` and `lecture build --pdf`:
 * declared once, turned into settings that win over the config's `pdf`.
 */
import type { ArgsDef } from 'citty';
import type { PdfOptions } from '../../config/schema.js';
import { CliError } from '../errors.js';

export const pdfFlags = {
  browser: { type: 'string', description: 'Chrome, Chromium or Edge executable (default: config pdf.browser, CHROME_PATH, a headless shell, then the usual install locations; see docs/install.md)', valueHint: 'path' },
  fragments: { type: 'boolean', description: 'One page per fragment step instead of one per slide' },
  notes: {
    type: 'string',
    description: 'Also write <slug>-notes.pdf: notes under each slide (--notes) or on their own page (--notes=separate); --no-notes leaves speaker notes out of everything published (config: publish.notes)',
    valueHint: 'below|separate',
  },
  handout: { type: 'string', description: 'Also write <slug>-handout.pdf with 2, 3 (ruled space for notes) or 6 slides per A4 sheet', valueHint: '2|3|6' },
  answers: { type: 'boolean', description: 'Also write <keys>/<slug>-answers.pdf with the quiz answers shown (kept out of the output folder)' },
  'page-numbers': { type: 'boolean', description: 'Slide numbers on the pages (default: on; --no-page-numbers)' },
  tagged: { type: 'boolean', description: 'Tagged (accessible) PDF for screen readers: about twice the time and size (config: pdf.tagged)' },
  timeout: { type: 'string', description: 'Seconds one deck may take before it is retried once (default: 60)', valueHint: 'seconds' },
} satisfies ArgsDef;

/** Options that may be given without a value (`--notes`), with the values they take. */
export const optionalValues = { notes: ['below', 'separate'] };

interface PdfArgs {
  browser?: string | undefined;
  fragments?: boolean | undefined;
  notes?: string | boolean | undefined;
  handout?: string | undefined;
  'page-numbers'?: boolean | undefined;
  tagged?: boolean | undefined;
  timeout?: string | undefined;
  jobs?: number | undefined;
}

/** The settings the flags ask for. */
export function pdfSettings(args: PdfArgs): Partial<PdfOptions> {
  const settings: Partial<PdfOptions> = {};
  if (args.browser) settings.browser = args.browser;
  if (args.fragments !== undefined) settings.fragments = args.fragments;
  if (args.notes !== undefined) {
    const notes = args.notes === true || args.notes === '' ? 'below' : args.notes;
    if (notes !== 'below' && notes !== 'separate' && notes !== false) throw new CliError(`Option \`--notes\` takes \`separate\` or no value, not \`${String(notes)}\``);
    // `--no-notes` is about what is published (see buildOptions); a notes PDF the config asks for is still written, privately.
    if (notes !== false) settings.notes = notes;
  }
  if (args.handout !== undefined) {
    const handout = Number(args.handout);
    if (handout !== 2 && handout !== 3 && handout !== 6) throw new CliError(`Option \`--handout\` must be 2, 3 or 6, not \`${args.handout}\``);
    settings.handout = handout;
  }
  if (args['page-numbers'] !== undefined) settings.pageNumbers = args['page-numbers'];
  if (args.tagged !== undefined) settings.tagged = args.tagged;
  if (args.timeout !== undefined) {
    const seconds = Number(args.timeout);
    if (!(seconds > 0)) throw new CliError(`Option \`--timeout\` must be a number of seconds, not \`${args.timeout}\``);
    settings.timeout = seconds;
  }
  if (args.jobs !== undefined && args.jobs > 0) settings.jobs = args.jobs;
  return settings;
}

/** One line on what was exported. */
export function pdfSummary(pdfs: Array<{ pages: number }>, started: number): string {
  const pages = pdfs.reduce((sum, pdf) => sum + pdf.pages, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `Exported ${pdfs.length} PDF${pdfs.length === 1 ? '' : 's'} (${pages} pages) in ${seconds} s`;
}
