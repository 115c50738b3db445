/**
 * Ctrl-C (SIGINT) and SIGTERM. By default they end the command at once with
 * 130 or 143; the `exit` hooks then run (browsers are killed, a build's
 * staging folder and lock are removed). A command that stops by itself on a
 * signal (`lecture serve`) takes them over while it runs.
 */
import { exitCodes, type ExitCode } from './errors.js';

let taken = false;

/** End the process on SIGINT or SIGTERM, unless a command has taken the signals. */
export function exitOnSignals(): void {
  process.on('SIGINT', () => taken || process.exit(exitCodes.interrupted));
  process.on('SIGTERM', () => taken || process.exit(exitCodes.terminated));
}

/** Take the signals over: resolves with the exit code of the first one; a second Ctrl-C ends the process at once. */
export function takeSignals(): { signal: Promise<ExitCode>; release: () => void } {
  taken = true;
  let stop: (code: ExitCode) => void = () => undefined;
  const signal = new Promise<ExitCode>((resolve) => (stop = resolve));
  let received = false;
  const on = (code: ExitCode) => () => {
    if (received) process.exit(code);
    received = true;
    stop(code);
  };
  const onInt = on(exitCodes.interrupted);
  const onTerm = on(exitCodes.terminated);
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal,
    release: () => {
      taken = false;
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
