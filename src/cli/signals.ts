/**
 * Ctrl-C (SIGINT), SIGTERM and SIGHUP. By default they end the command at
 * once with 128 + the signal's number (130, 143, 129): every browser it
 * started is ended and every temporary folder removed first (`lifetime.ts`),
 * and the `exit` hooks run (a build's staging folder and lock). A command
 * that stops by itself on a signal (`lecture serve`) takes them over while
 * it runs; a second signal then ends it at once all the same.
 */
import { cleanUpNow } from '../lifetime.js';
import { exitCodes, type ExitCode } from './errors.js';

const codes = { SIGINT: exitCodes.interrupted, SIGTERM: exitCodes.terminated, SIGHUP: exitCodes.hangUp } as const;
type Signal = keyof typeof codes;

let taken: ((code: ExitCode) => void) | undefined;

function stopNow(code: ExitCode): never {
  cleanUpNow();
  process.exit(code);
}

/** End the process on SIGINT, SIGTERM or SIGHUP, unless a command has taken the signals; whatever ends it, nothing it started is left running. */
export function exitOnSignals(): void {
  for (const [signal, code] of Object.entries(codes) as Array<[Signal, ExitCode]>) {
    process.on(signal, () => (taken ? taken(code) : stopNow(code)));
  }
  process.once('exit', cleanUpNow);
}

/** Take the signals over: resolves with the exit code of the first one; a second one ends the process at once. */
export function takeSignals(): { signal: Promise<ExitCode>; release: () => void } {
  let received = false;
  const signal = new Promise<ExitCode>((resolve) => {
    taken = (code) => {
      if (received) stopNow(code);
      received = true;
      resolve(code);
    };
  });
  return { signal, release: () => void (taken = undefined) };
}
