/**
 * Where a local URL written in a lecture points on disk, and what is wrong
 * with it: missing, outside the course, or spelled with a different case
 * (which works on macOS and Windows and breaks on Linux hosts). Shared by
 * the build and the checker.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { closest } from '../suggest.js';

/** The file a local URL refers to. */
export interface Located {
  /** Absolute path, as written (before any case correction). */
  absolute: string;
  /** Whether a file (or folder) exists at exactly that path, case included. */
  exists: boolean;
  /** When only the case differs: the path as it really is, relative to the lecture. */
  caseMismatch?: string | undefined;
  /** When missing: the closest existing path, relative to the lecture. */
  suggestion?: string | undefined;
  /** Whether the path leaves the course folder. */
  outside: boolean;
  /** The `?query#hash` part of the URL, kept for the rewritten URL. */
  suffix: string;
}

/** Split `img/a.png?x#y` into its path and its `?x#y`. */
export function splitUrl(url: string): { pathname: string; suffix: string } {
  const index = url.search(/[?#]/);
  return index === -1 ? { pathname: url, suffix: '' } : { pathname: url.slice(0, index), suffix: url.slice(index) };
}

/** Folder listings read while locating, shared by the lookups of one run. */
export type ListingCache = Map<string, string[]>;

/** Locate `url`, written in a file in `folder`, in the course at `courseRoot`. */
export function locate(url: string, folder: string, courseRoot: string, cache: ListingCache = new Map()): Located {
  const { pathname, suffix } = splitUrl(url.trim());
  const decoded = safeDecode(pathname);
  const absolute = decoded.startsWith('/') ? path.join(courseRoot, decoded) : path.resolve(folder, decoded);
  const relativeToRoot = path.relative(courseRoot, absolute);
  const outside = relativeToRoot.startsWith('..') || path.isAbsolute(relativeToRoot);
  const lookup: Lookup = { base: outside ? path.parse(absolute).root : courseRoot, cache };
  const actual = actualCase(absolute, lookup);
  const toLecture = (target: string) => path.relative(folder, target).split(path.sep).join('/');
  if (actual === absolute) return { absolute, exists: true, outside, suffix };
  if (actual) return { absolute, exists: false, caseMismatch: toLecture(actual), outside, suffix };
  const near = suggest(absolute, lookup);
  return { absolute, exists: false, suggestion: near && toLecture(near), outside, suffix };
}

/** `value` percent-decoded, or as written when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

interface Lookup {
  /** Segments are compared from here down; the part above is taken as given. */
  base: string;
  cache: ListingCache;
}

/** The path as it is on disk, matching each segment case-insensitively; `undefined` if none matches. */
function actualCase(absolute: string, lookup: Lookup): string | undefined {
  let current = lookup.base;
  for (const segment of path.relative(lookup.base, absolute).split(path.sep).filter(Boolean)) {
    if (segment === '..') {
      current = path.dirname(current);
      continue;
    }
    const entries = listing(current, lookup.cache);
    const match = entries.find((name) => name === segment) ?? entries.find((name) => name.toLowerCase() === segment.toLowerCase());
    if (!match) return undefined;
    current = path.join(current, match);
  }
  return current;
}

function listing(folder: string, cache: ListingCache): string[] {
  let entries = cache.get(folder);
  if (!entries) {
    try {
      entries = statSync(folder).isDirectory() ? readdirSync(folder) : [];
    } catch {
      entries = [];
    }
    cache.set(folder, entries);
  }
  return entries;
}

/** The existing file whose name is closest to the missing one, in the nearest existing folder. */
function suggest(absolute: string, lookup: Lookup): string | undefined {
  const folder = actualCase(path.dirname(absolute), lookup);
  if (!folder) return undefined;
  const guess = closest(path.basename(absolute), listing(folder, lookup.cache));
  return guess && path.join(folder, guess);
}
