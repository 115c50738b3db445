/**
 * How the build rewrites a deck's local URLs: images and downloads are copied
 * into `_media/` by content hash, links to other lectures point at their
 * decks, and every target that is missing, misspelt in case, or outside the
 * course is reported where it is written.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { locate, type ListingCache, type Located } from '../assets/locate.js';
import { outsideReason } from '../assets/outside.js';
import type { Scope } from '../assets/scope.js';
import type { MediaStore } from '../assets/media.js';
import type { Reference, Resolve } from '../assets/references.js';
import { report, rules } from '../diagnostics.js';
import type { FileDependency } from '../types.js';

/** What the resolver needs to know about the build. */
export interface ResolverContext {
  /** The folders files may be read from. */
  scope: Scope;
  media: MediaStore;
  /** Slug of every lecture of the course, by absolute source path. */
  decks: ReadonlyMap<string, string>;
  cache: ListingCache;
}

const nouns: Record<string, string> = { img: 'image', video: 'video', audio: 'audio file', source: 'media file', a: 'linked file', iframe: 'embedded page', embed: 'document', object: 'document' };

/**
 * Locate a local reference and report what is wrong with it (outside the
 * course, case mismatch, missing); the build and the checker both call this.
 * Returns where it is, and whether it can be used as written: a file outside
 * the course's scope never can.
 */
export function diagnoseReference(reference: Reference, file: VFile, scope: Scope, cache: ListingCache): { located: Located; usable: boolean } {
  const folder = path.resolve(file.cwd, file.dirname ?? '.');
  const located = locate(reference.url, folder, scope, cache);
  const noun = nounOf(reference);
  if (located.outside) {
    report(file, `The ${noun} \`${reference.url}\` ${outsideReason(located, scope)}`, rules.outsideCourse, reference.node, 'error');
    return { located, usable: false };
  }
  if (located.special) {
    report(file, `The ${noun} \`${reference.url}\` is not a plain file (a device, a pipe or a socket); it is not published`, rules.outsideCourse, reference.node, 'error');
    return { located, usable: false };
  }
  if (located.caseMismatch) {
    report(file, `The ${noun} \`${reference.url}\` is \`${located.caseMismatch}\` on disk; the case differs, which works on macOS and Windows but breaks on Linux hosts`, rules.caseMismatch, reference.node);
    return { located, usable: false };
  }
  if (!located.exists) {
    const hint = located.suggestion ? `; did you mean \`${located.suggestion}\`?` : '';
    report(file, `Cannot find ${noun} \`${reference.url}\`${hint}`, rules.missingFile, reference.node);
    return { located, usable: false };
  }
  return { located, usable: true };
}

/** What the reference is, for messages: `image`, `poster image`, `background image` … */
function nounOf({ node, url }: Reference): string {
  const { poster, dataBackgroundImage, dataBackgroundVideo, style } = node.properties;
  if (poster === url) return 'poster image';
  if (dataBackgroundImage === url || (typeof style === 'string' && style.includes(url) && node.properties.src !== url)) return 'background image';
  if (dataBackgroundVideo === url) return 'background video';
  return nouns[node.tagName] ?? 'file';
}

/** Create the `Resolve` function the pipeline calls for each local URL. */
export function createResolver(context: ResolverContext): Resolve {
  return async (reference: Reference, file: VFile) => {
    const { located, usable } = diagnoseReference(reference, file, context.scope, context.cache);
    const dependency: FileDependency = { path: located.absolute };
    (file.data.dependencies ??= []).push(dependency);
    if (!usable || statSync(located.absolute).isDirectory()) return undefined;
    const deck = context.decks.get(located.absolute);
    if (deck !== undefined) return `../${deck}/index.html${toSlideHash(located.suffix)}`;
    dependency.stored = await context.media.add(located.absolute, reference.kind === 'link');
    return `../${dependency.stored}${located.suffix}`;
  };
}

/** `#layers` in a link to another lecture becomes reveal.js's `#/layers`. */
function toSlideHash(suffix: string): string {
  return suffix.replace(/#\/?/, '#/');
}
