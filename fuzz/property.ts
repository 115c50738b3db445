/**
 * The property every input must have: it builds, in bounded time, to a deck
 * or to diagnostics; nothing escapes as an exception; no message says "this
 * is a bug"; the build and the check agree on whether it could be built; and
 * `lecture serve`'s parse memo (one per worker, kept across inputs, so
 * pieces of earlier inputs are reused) gives the tree and messages of one
 * parse.
 */

/** One message, as the worker reports it. */
export interface FuzzMessage {
  reason: string;
  ruleId?: string | undefined;
  fatal?: boolean | null | undefined;
}

/** What the worker answered for one input. */
export interface FuzzOutcome {
  /** Whether a deck was written. */
  deck: boolean;
  build: FuzzMessage[];
  check: FuzzMessage[];
  /** Whether a parse with the serve session's memo gave what one parse gives (absent: not compared). */
  memoAgrees?: boolean | undefined;
}

/** Messages that mean the tool failed, not the lecture: an exception, a crash, a timeout. */
function isFailure(message: FuzzMessage): boolean {
  return /this is a bug|Maximum call stack|Cannot (build|check) this lecture/.test(message.reason);
}

/** Why `outcome` breaks the property, or `undefined` when it holds. */
export function violation(outcome: FuzzOutcome): string | undefined {
  const failure = [...outcome.build, ...outcome.check].find(isFailure);
  if (failure) return failure.reason;
  const unreadable = (messages: FuzzMessage[]) => messages.some((message) => message.ruleId === 'build-failed');
  if (!outcome.deck && !unreadable(outcome.build)) return 'no deck was written, and no error says why';
  if (unreadable(outcome.build) !== unreadable(outcome.check)) return 'the build and the check disagree on whether the lecture can be built';
  if (outcome.memoAgrees === false) return "the serve session's parse memo gave another tree or other messages than one parse";
  return undefined;
}
