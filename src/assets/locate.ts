/**
 * Where a local URL written in a lecture points on disk, and what is wrong
 * with it: missing, outside the course (as written, or through a symbolic
 * link), not a plain file, or spelled with a different case (which works on
 * macOS and Windows and breaks on Linux hosts). Shared by the build and the
 * checker. Nothing outside the course's scope is looked at beyond that test.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closest } from '../suggest.js';
import { createScope, folderOf, resolveInScope, type Scope } from './scope.js';

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
  /**
   * Set when the file lies outside the folders the course may read from: `path`
   * as written leaves them, `link` a symbolic link on the way does, `absolute`
   * the URL is a `file:` URL or an absolute path that exists only on this
   * machine. Such a file is never read.
   */
  outside?: 'path' | 'link' | 'machine' | undefined;
  /** Where the file really is, symbolic links resolved, when a link leads out. */
  real?: string | undefined;
  /** Set when what exists there is not a plain file or folder (a device, a pipe): it is never read. */
  special?: true | undefined;
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

/**
 * Locate `url`, written in a file in `folder`, in the course whose scope (or
 * root folder) is given. A path starting with `/` is read from the course
 * folder, as on the course's web site.
 */
export function locate(url: string, folder: string, scope: Scope | string, cache: ListingCache = new Map()): Located {
  const within = typeof scope === 'string' ? createScope(scope) : scope;
  if (/^file:/i.test(url.trim())) return fromFileUrl(url.trim());
  const { pathname, suffix } = splitUrl(url.trim());
  const decoded = safeDecode(pathname);
  const absolute = decoded.startsWith('/') ? path.join(within.root, decoded) : path.resolve(folder, decoded);
  const base = folderOf(absolute, within);
  if (!base) return { absolute, exists: false, outside: 'path', suffix };
  const lookup: Lookup = { base, cache };
  const actual = actualCase(absolute, lookup);
  const toLecture = (target: string) => path.relative(folder, target).split(path.sep).join('/');
  if (actual === absolute) return checkFile({ absolute, exists: true, suffix }, within);
  if (actual) return { absolute, exists: false, caseMismatch: toLecture(actual), suffix };
  if (decoded.startsWith('/') && isPlainFile(decoded)) return { absolute: decoded, exists: false, outside: 'machine', suffix };
  const near = suggest(absolute, lookup);
  return { absolute, exists: false, suggestion: near && toLecture(near), suffix };
}

/** A `file:` URL names a file on this machine: never read, whatever it points at. */
function fromFileUrl(url: string): Located {
  const { pathname, suffix } = splitUrl(url);
  let absolute = pathname;
  try {
    absolute = fileURLToPath(pathname);
  } catch {
    // Not a valid file URL: it is reported all the same.
  }
  return { absolute, exists: false, outside: 'machine', suffix };
}

/** An existing path, checked for links that lead out of the scope and for what it is. */
function checkFile(located: Located, scope: Scope): Located {
  const { inside, real } = resolveInScope(located.absolute, scope);
  if (!inside) return { ...located, exists: false, outside: 'link', real };
  const info = statQuietly(real);
  return info && !info.isFile() && !info.isDirectory() ? { ...located, exists: false, special: true } : located;
}

function isPlainFile(absolute: string): boolean {
  return statQuietly(absolute)?.isFile() === true;
}

/** What `file` is, or `undefined` when it cannot be a file at all: missing, a name too long, a path through a file, unreadable. */
function statQuietly(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
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
