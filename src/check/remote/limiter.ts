/**
 * Concurrency of remote checks: at most `perHost` requests in flight to one
 * host and `total` in all. A request waits for its host's slot before it
 * takes a global one, so a busy host never starves the others.
 */
import pLimit, { type LimitFunction } from 'p-limit';

/** Runs `task` for `host` within the limits. */
export type Limiter = <T>(host: string, task: () => Promise<T>) => Promise<T>;

/** A limiter with the given per-host and total limits. */
export function createLimiter(perHost: number, total: number): Limiter {
  const all = pLimit(total);
  const hosts = new Map<string, LimitFunction>();
  return (host, task) => {
    let limit = hosts.get(host);
    if (!limit) {
      limit = pLimit(perHost);
      hosts.set(host, limit);
    }
    return limit(() => all(task));
  };
}
