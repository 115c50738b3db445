/**
 * The one error type the command line throws, with a named exit code. `bin.ts`
 * catches it and prints its message alone: a user mistake never shows a stack.
 */

/** Exit codes of every command. */
export const exitCodes = {
  /** Everything worked. */
  ok: 0,
  /** A lecture could not be built, or an error was reported. */
  failed: 1,
  /** Wrong arguments or configuration. */
  usage: 2,
  /** Stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2. */
  interrupted: 130,
  /** Stopped by SIGTERM: 128 + 15. */
  terminated: 143,
  /** Stopped by SIGHUP (the terminal closed): 128 + 1. */
  hangUp: 129,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A problem the user can fix, reported as one message and an exit code. */
export class CliError extends Error {
  override name = 'CliError';
  readonly code: ExitCode;

  constructor(message: string, code: ExitCode = exitCodes.usage) {
    super(message);
    this.code = code;
  }
}
