#!/usr/bin/env node
/**
 * The `lecture` executable: the only place that exits the process. A
 * `CliError` or configuration problem prints one line and exits 2; anything
 * unexpected is a bug and says so (its stack only with `LECTURE_DEBUG=1`).
 *
 * SIGINT, SIGTERM and SIGHUP stop the command at once, the usual way: the
 * browsers it started are ended and its temporary folders removed
 * (`lifetime.ts`), and it exits with 128 + the signal's number (130, 143,
 * 129). Nothing is waited for, so nothing is relaunched. `lecture serve`,
 * which stops by itself, takes the signals over (`signals.ts`).
 */
import { ConfigError } from '../config/load.js';
import { LectureNotFoundError } from '../course/discover.js';
import { BrowserNotFoundError } from '../export/find-browser.js';
import { CliError, exitCodes } from './errors.js';
import { main } from './main.js';
import { exitOnSignals } from './signals.js';

declare const LECTURE_VERSION: string | undefined;
const version = typeof LECTURE_VERSION === 'string' ? LECTURE_VERSION : 'dev';

exitOnSignals();
try {
  process.exitCode = await main(process.argv.slice(2), version);
} catch (error) {
  if (error instanceof CliError) {
    process.stderr.write(`lecture: ${error.message}\n`);
    process.exitCode = error.code;
  } else if (error instanceof ConfigError || error instanceof LectureNotFoundError || error instanceof BrowserNotFoundError) {
    process.stderr.write(`lecture: ${error.message}\n`);
    process.exitCode = exitCodes.usage;
  } else {
    const detail = process.env.LECTURE_DEBUG && error instanceof Error ? error.stack : error instanceof Error ? error.message : String(error);
    process.stderr.write(`lecture: unexpected error: ${detail}\n(this is a bug in lecture; run with LECTURE_DEBUG=1 for details)\n`);
    process.exitCode = exitCodes.failed;
  }
}
