/**
 * `--quiet` for what our dependencies print: a dependency that logs to the
 * console (KaTeX's warnings did, thousands for a binary file) must not reach
 * the terminal of a command asked for errors only. The setting travels to
 * worker threads in the environment, as workers have consoles of their own.
 */

/** Set in the environment of a quiet command, read by its workers. */
export const quietVariable = 'LECTURE_QUIET';

/** Silence `console.log`, `info`, `warn` and `debug` here and in workers started from now on. */
export function silenceConsole(): void {
  process.env[quietVariable] = '1';
  silenceHere();
}

/** In a worker: silence the console when the command that started it is quiet. */
export function silenceIfQuiet(): void {
  if (process.env[quietVariable]) silenceHere();
}

function silenceHere(): void {
  const nothing = () => undefined;
  console.log = nothing;
  console.info = nothing;
  console.warn = nothing;
  console.debug = nothing;
}
