/**
 * The fit step of a build: fit the decks just written, update their slide
 * counts and lines for the course page and the PDF, and report what still
 * does not fit on each lecture. Without a browser the course still builds;
 * the skipped step is reported once.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { LectureResult } from '../course/lecture.js';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { BrowserNotFoundError, configuredBrowser } from '../export/find-browser.js';
import { startBrowser } from '../export/start.js';
import { fitDecks, type FitRun } from './fit.js';

export interface FitStep {
  root: string;
  out: string;
  config: Config;
  /** Whether the build cache may be used. */
  cache: boolean;
  /** `auto`: a missing browser is a hint, not a warning. */
  mode: true | 'auto';
  /** A browser started while the lectures were built. */
  session?: FitRun['session'];
  /** Leave `session` open (its owner closes it). */
  keepOpen?: boolean | undefined;
}

/**
 * Start the browser fitting will need, as early as possible (while the
 * lectures build); resolves to `undefined` when none is found, so fitting
 * reports that.
 */
export function prelaunchFor(config: Config, root: string): NonNullable<FitRun['session']> {
  return startBrowser({ root, known: config }).catch(() => undefined);
}

/**
 * Fit the decks of `results` (whose messages go to `files`, in the same
 * order) not fitted yet; returns the indexes of those fitted now.
 */
export async function fitBuilt(results: LectureResult[], files: VFile[], course: VFile, step: FitStep): Promise<number[]> {
  const { config, root } = step;
  const written = results.flatMap((result, index) => (result.summary && !result.fitted ? [{ index, deck: result.summary }] : []));
  if (!config.fit.enabled || written.length === 0) {
    if (!step.keepOpen) await (await step.session)?.close();
    return [];
  }
  let fits;
  try {
    fits = await fitDecks(step.out, written.map((entry) => entry.deck), config, {
      browser: configuredBrowser(config, root),
      cache: step.cache && config.cache !== false ? path.resolve(root, config.cache) : false,
      jobs: config.pdf.jobs,
      session: step.session,
      keepOpen: step.keepOpen,
    });
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError)) throw error;
    report(course, `Slides were not checked to fit their canvas: ${error.message}`, rules.fitFailed, undefined, step.mode === 'auto' ? 'info' : 'warning');
    return [];
  }
  const fitted: number[] = [];
  fits.forEach((fit, position) => {
    const { index } = written[position]!;
    const result = results[index]!;
    const file = files[index]!;
    result.summary = { ...fit.deck, overflows: fit.overflows.map(({ slide, pixels }) => ({ slide, pixels })) };
    if (fit.error) report(file, `Slides were not checked to fit their canvas: ${fit.error}`, rules.fitFailed, undefined);
    else fitted.push(index);
    for (const overflow of fit.overflows) {
      const line = overflow.line ?? 1;
      report(
        file,
        `Slide ${overflow.slide} overflows its canvas by ${overflow.pixels} px even at ${Math.round(config.fit.minScale * 100)}% of the font size; split or shorten it, or mark it \`{.scrollable}\``,
        rules.slideOverflow,
        { position: { start: { line, column: 1 }, end: { line, column: 1 } } },
      );
    }
  });
  return fitted;
}
