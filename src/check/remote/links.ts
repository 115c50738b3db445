/**
 * Remote links: every http(s) URL of the checked lectures is asked about once
 * (HEAD, per-host limits, disk cache). Requests start as soon as a lecture's
 * raw text is read (a look-ahead guess, `scan.ts`) and its parse confirms
 * them, so the network waits overlap the parsing; each element that holds a
 * bad URL then gets its own message.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { safeDecode } from '../../assets/locate.js';
import type { CheckSettings } from '../../config/schema.js';
import { report, rules } from '../../diagnostics.js';
import { closest } from '../../suggest.js';
import { isPlaceholder } from '../rules/placeholders.js';
import type { CheckedLecture, MessageSource, Target } from '../types.js';
import { LinkCache } from './cache.js';
import { createLimiter } from './limiter.js';
import { isPrivateHost, refusePrivate } from './private.js';
import { createAgent } from './request.js';
import { scanUrls } from './scan.js';
import { createHostHealth, verify, type LinkResult, type VerifyOptions } from './verify.js';

/** Options of the remote-link checker. */
export interface RemoteOptions {
  settings: CheckSettings;
  /** Cache folder, or `undefined` for none. */
  cacheFolder: string | undefined;
  userAgent: string;
  /** Resolve host names (tests answer without DNS). */
  lookup?: LookupFunction | undefined;
}

/** Whether `url` is an http(s) URL. */
export function isRemote(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
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

/** Checks remote links as lectures come in, and reports them at the end. */
export class RemoteChecker {
  readonly #options: RemoteOptions;
  readonly #cache: LinkCache;
  readonly #verify: VerifyOptions;
  readonly #pending = new Map<string, { ids: boolean; cached: boolean; result: Promise<LinkResult> }>();
  readonly #targets: Target[] = [];
  /** Whether private, loopback and link-local addresses are left alone (`check.skipPrivate`; by default on CI). */
  readonly #skipPrivate: boolean;

  constructor(options: RemoteOptions) {
    this.#options = options;
    const { settings } = options;
    this.#cache = new LinkCache(options.cacheFolder, settings.cacheAge * 1000);
    this.#skipPrivate = settings.skipPrivate ?? Boolean(process.env.CI);
    const agent = createAgent(settings.perHost, this.#skipPrivate ? refusePrivate(options.lookup) : options.lookup);
    this.#verify = {
      timeout: settings.timeout * 1000,
      retries: settings.retries,
      userAgent: options.userAgent,
      agent,
      limiter: createLimiter(settings.perHost, settings.concurrency),
      hosts: createHostHealth(settings.hostBudget * 1000),
    };
  }

  /** Read the cache; call once before `add`. */
  open(): Promise<void> {
    return this.#cache.load();
  }

  /** Start checking the remote URLs of `lecture`. */
  add(lecture: CheckedLecture): void {
    for (const target of lecture.targets) {
      const url = target.url.trim();
      if (this.#start(url)) this.#targets.push(target);
    }
  }

  /**
   * Start checking the URLs the raw text of a lecture probably links to
   * (`scanUrls`), before its parse is done; what is reported still comes from
   * `add`, and a guess no target shares is never waited for.
   */
  prefetch(text: string): void {
    for (const url of scanUrls(text)) this.#start(url);
  }

  /** Start checking `url` unless it is local, a placeholder or excluded; whether it is to be checked. */
  #start(url: string): boolean {
    const { exclude, remoteAnchors } = this.#options.settings;
    if (!isRemote(url) || isPlaceholder(url) || isExcluded(url, exclude) || (this.#skipPrivate && isPrivateHost(url))) return false;
    const { page, fragment } = splitFragment(url);
    const ids = remoteAnchors && isCheckableFragment(fragment);
    const known = this.#pending.get(page);
    if (known && (known.ids || !ids)) return true;
    const cached = this.#cache.get(page, ids);
    const result = cached ? Promise.resolve(cached) : verify(page, this.#verify, ids).catch((error: unknown): LinkResult => ({ status: 'unverified', detail: String(error) }));
    this.#pending.set(page, { ids, cached: cached !== undefined, result });
    return true;
  }

  /** The message source that waits for every answer and reports. */
  readonly source: MessageSource = async () => {
    const results = new Map<string, LinkResult>();
    try {
      // Only the pages of real targets: a wrong guess of `prefetch` is cut off by closing the pools.
      for (const target of this.#targets) {
        const { page } = splitFragment(target.url.trim());
        if (!results.has(page)) results.set(page, await this.#pending.get(page)!.result);
      }
    } finally {
      await this.#verify.agent.close();
    }
    if (await isOffline(results, this.#options.lookup)) {
      for (const [page, result] of results) if (result.dns) results.set(page, { status: 'unverified', detail: `${result.detail}, but no host name resolves here: is this machine offline? (\`--offline\` skips remote links)` });
    }
    // Only fresh answers are stored: a cached one keeps the time it was really checked.
    for (const [page, result] of results) if (!this.#pending.get(page)?.cached) this.#cache.set(page, result);
    await this.#cache.save();
    for (const target of this.#targets) reportTarget(target, results, this.#options.settings.remoteAnchors);
  };
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
  const what = target.tagName === 'a' ? 'Link' : `The \`<${target.tagName}>\` source`;
  const file = target.lecture.file;
  if (result.status === 'dead') {
    const after = result.via ? ` after a redirect to \`${result.via}\`` : '';
    report(file, `${what} \`${url}\` is broken: ${result.detail}${after}; fix or remove it`, rules.deadLink, target, 'error');
  } else if (result.status === 'unverified') {
    report(file, `Could not verify ${what.toLowerCase()} \`${url}\`: ${result.detail}; open it in a browser to check`, rules.unverifiedLink, target, 'warning');
  } else if (result.status === 'redirected') {
    report(file, `${what} \`${url}\` moved permanently to \`${result.location}${fragment ? `#${fragment}` : ''}\`; use the new address`, rules.redirectedLink, target, 'info');
  }
  if (anchors && result.ids && isCheckableFragment(fragment) && !hasAnchor(result.ids, fragment)) {
    const guess = closest(fragment, result.ids);
    report(file, `The page \`${page}\` has no anchor \`#${fragment}\`${guess ? `; did you mean \`#${guess}\`?` : ''}`, rules.missingRemoteAnchor, target, 'warning');
  }
}

function hasAnchor(ids: string[], fragment: string): boolean {
  const decoded = safeDecode(fragment);
  // GitHub prefixes the ids of rendered markdown with `user-content-`.
  return [decoded, fragment, `user-content-${decoded}`].some((id) => ids.includes(id));
}
