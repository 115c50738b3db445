/**
 * The remote-link message source: every http(s) URL of the checked lectures
 * is asked about once (HEAD, per-host limits, disk cache), and each element
 * that holds a bad one gets its own message.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { report, rules } from '../../diagnostics.js';
import { closest } from '../../suggest.js';
import { isPlaceholder } from '../rules/placeholders.js';
import { isRemote, targetsOf } from '../rules/targets.js';
import type { CheckContext, MessageSource, Target } from '../types.js';
import { LinkCache } from './cache.js';
import { createLimiter } from './limiter.js';
import { closeAgents, createAgents } from './request.js';
import { verify, type LinkResult } from './verify.js';

/** Options of the remote-link source; the rest comes from `config.check`. */
export interface RemoteOptions {
  /** Cache folder, or `undefined` for none. */
  cacheFolder: string | undefined;
  userAgent: string;
  /** Resolve host names (tests answer without DNS). */
  lookup?: LookupFunction | undefined;
}

/** Whether `url` matches one of the `--exclude` patterns (`*` is any run of characters; no `*` is a prefix). */
export function isExcluded(url: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (!pattern.includes('*')) return url.startsWith(pattern);
    const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${source}$`).test(url);
  });
}

/** Split a URL into the page and its fragment. */
function splitFragment(url: string): { page: string; fragment: string } {
  const index = url.indexOf('#');
  return index === -1 ? { page: url, fragment: '' } : { page: url.slice(0, index), fragment: url.slice(index + 1) };
}

/** Fragments a page's HTML cannot be checked for: app routes (`#/x`, `#!x`), text fragments, GitHub line anchors. */
function isCheckableFragment(fragment: string): boolean {
  return fragment !== '' && !/^[/!:]/.test(fragment) && !/^L\d+(C\d+)?(-L\d+(C\d+)?)?$/.test(fragment);
}

/** The remote-link source. */
export function remoteLinks(options: RemoteOptions): MessageSource {
  return async (context: CheckContext) => {
    const settings = context.config.check;
    const targets = context.lectures.flatMap((lecture) => targetsOf(lecture)).filter(
      (target) => isRemote(target.url) && !isPlaceholder(target.url) && !isExcluded(target.url.trim(), settings.exclude),
    );
    const pages = new Map<string, boolean>();
    for (const target of targets) {
      const { page, fragment } = splitFragment(target.url.trim());
      pages.set(page, (pages.get(page) ?? false) || (settings.remoteAnchors && isCheckableFragment(fragment)));
    }
    const results = await verifyAll(pages, context, options);
    for (const target of targets) reportTarget(target, results, settings.remoteAnchors);
  };
}

async function verifyAll(pages: Map<string, boolean>, context: CheckContext, options: RemoteOptions): Promise<Map<string, LinkResult>> {
  const settings = context.config.check;
  const cache = new LinkCache(options.cacheFolder, settings.cacheAge * 1000);
  await cache.load();
  const agents = createAgents(settings.perHost);
  const verifyOptions = { timeout: settings.timeout * 1000, retries: settings.retries, userAgent: options.userAgent, agents, limiter: createLimiter(settings.perHost, settings.concurrency), lookup: options.lookup };
  const results = new Map<string, LinkResult>();
  try {
    await Promise.all(
      [...pages].map(async ([page, ids]) => {
        const cached = cache.get(page, ids);
        results.set(page, cached ?? (await verify(page, verifyOptions, ids).catch((error: unknown) => ({ status: 'unverified' as const, detail: String(error) }))));
      }),
    );
  } finally {
    closeAgents(agents);
  }
  if (await isOffline(results, options.lookup)) {
    for (const [page, result] of results) if (result.dns) results.set(page, { status: 'unverified', detail: `${result.detail}, but no host resolved at all: is this machine offline? (\`--offline\` skips remote links)` });
  }
  for (const [page, result] of results) cache.set(page, result);
  await cache.save();
  return results;
}

/** Whether every host failed to resolve because there is no network (a well-known name does not resolve either). */
async function isOffline(results: Map<string, LinkResult>, lookup: LookupFunction | undefined): Promise<boolean> {
  const all = [...results.values()];
  if (all.length === 0 || !all.every((result) => result.dns)) return false;
  const resolve = lookup ?? (dnsLookup as unknown as LookupFunction);
  return new Promise((done) => resolve('example.com', {}, (error) => done(Boolean(error))));
}

function reportTarget(target: Target, results: Map<string, LinkResult>, anchors: boolean): void {
  const url = target.url.trim();
  const { page, fragment } = splitFragment(url);
  const result = results.get(page);
  if (!result) return;
  const what = target.node.tagName === 'a' ? 'Link' : `The \`<${target.node.tagName}>\` source`;
  const file = target.lecture.file;
  if (result.status === 'dead') {
    const after = result.via ? ` after a redirect to \`${result.via}\`` : '';
    report(file, `${what} \`${url}\` is broken: ${result.detail}${after}; fix or remove it`, rules.deadLink, target.node, 'error');
  } else if (result.status === 'unverified') {
    report(file, `Could not verify ${what.toLowerCase()} \`${url}\`: ${result.detail}; open it in a browser to check`, rules.unverifiedLink, target.node, 'warning');
  } else if (result.status === 'redirected') {
    report(file, `${what} \`${url}\` moved permanently to \`${result.location}${fragment ? `#${fragment}` : ''}\`; use the new address`, rules.redirectedLink, target.node, 'info');
  }
  if (anchors && result.ids && isCheckableFragment(fragment) && !hasAnchor(result.ids, fragment)) {
    const guess = closest(fragment, result.ids);
    report(file, `The page \`${page}\` has no anchor \`#${fragment}\`${guess ? `; did you mean \`#${guess}\`?` : ''}`, rules.missingRemoteAnchor, target.node, 'warning');
  }
}

function hasAnchor(ids: string[], fragment: string): boolean {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // keep it as written
  }
  // GitHub prefixes the ids of rendered markdown with `user-content-`.
  return [decoded, fragment, `user-content-${decoded}`].some((id) => ids.includes(id));
}
