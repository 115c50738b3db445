/**
 * Fragment links — `#id`, `other.md#id`, reveal.js's `#/slide-id` and
 * `#/2/1` — resolved against the ids the build really gives the target deck
 * (the same pipeline, `{#custom}` ids included). The build checks the
 * in-deck ones of each deck it writes (`checkInDeckAnchors`); `lecture
 * check` checks all of them across the course.
 *
 * ok:     `[see](#layers)` with `## Layers`; `[next](#/caching)` with `## Caching {#caching}`; `[deck](../02/images.md#/layers)`
 * not ok: `[see](#layer)` (did you mean `layers`?), `[deck](images.md#nope)`, `[slide](#/40)` in a 12-slide deck
 */
import path from 'node:path';
import { isLocalUrl } from '../../assets/references.js';
import { safeDecode, splitUrl } from '../../assets/locate.js';
import { report, rules } from '../../diagnostics.js';
import { closest } from '../../suggest.js';
import type { Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { deckIds, withoutHiddenSections } from '../deck-trees.js';
import type { CheckContext, TargetData } from '../types.js';
import { isPlaceholder } from './placeholders.js';

/** The id a fragment asks for, or a slide number for numeric reveal.js links (`#/3/1`). */
function parseFragment(fragment: string): { id: string } | { slide: number } | undefined {
  const name = fragment.replace(/^\//, '');
  if (name === '') return undefined;
  const bits = name.split('/');
  if (fragment.startsWith('/') && /^\d*$/.test(bits[0]!)) return { slide: Number(bits[0] || 0) };
  // reveal.js reads `#/name/2` as fragment step 2 of the slide `name`.
  return { id: safeDecode(fragment.startsWith('/') ? name.replace(/\/[-\d]+$/, '') : name) };
}

/** Report fragment links whose id the target deck does not have. */
export async function checkAnchors(context: CheckContext): Promise<void> {
  for (const lecture of context.lectures) {
    for (const target of lecture.targets) {
      if (target.tagName !== 'a' || isPlaceholder(target.url)) continue;
      const url = target.url.trim();
      if (url.startsWith('#')) {
        checkFragment(lecture.file, target, url.slice(1), lecture.ids, lecture.horizontal, 'this deck');
        continue;
      }
      if (!isLocalUrl(url)) continue;
      const { pathname, suffix } = splitUrl(url);
      const hash = suffix.indexOf('#');
      if (hash === -1 || !/\.q?md$/i.test(pathname)) continue;
      const source = path.resolve(path.dirname(lecture.source), safeDecode(pathname));
      const other = source === lecture.source ? lecture : context.lectures.find((candidate) => candidate.source === source);
      const ids = other?.ids ?? (await context.idsOf(source));
      if (ids) checkFragment(lecture.file, target, suffix.slice(hash + 1), ids, other?.horizontal, `\`${path.basename(pathname)}\``);
    }
  }
}

/**
 * The in-deck links (`#id`, `#/slide-id`, `#/3`) of one rendered deck that
 * lead nowhere, reported on `file`: the offline share of this rule, which
 * the build runs on every deck it writes (hidden slides' links are not
 * looked at; their ids still count).
 */
export function checkInDeckAnchors(file: VFile, hast: HastRoot): void {
  const ids = deckIds(hast, file);
  const horizontal = hast.children.filter((node) => node.type === 'element' && node.tagName === 'section').length;
  visit(withoutHiddenSections(hast), 'element', (node) => {
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    if (typeof href !== 'string' || !href.trim().startsWith('#') || isPlaceholder(href)) return;
    checkFragment(file, { url: href, tagName: 'a', position: node.position }, href.trim().slice(1), ids, horizontal, 'this deck');
  });
}

function checkFragment(file: VFile, target: TargetData, fragment: string, ids: Set<string>, horizontal: number | undefined, where: string): void {
  const wanted = parseFragment(fragment);
  if (!wanted) return;
  if ('slide' in wanted) {
    if (horizontal !== undefined && wanted.slide >= horizontal) {
      report(file, `Link \`${target.url}\` asks for slide ${wanted.slide + 1} of ${where}, which has ${horizontal} slides`, rules.missingAnchor, target);
    }
    return;
  }
  if (ids.has(wanted.id)) return;
  const guess = closest(wanted.id, ids);
  const hint = guess ? `; did you mean \`#${fragment.startsWith('/') ? '/' : ''}${guess}\`?` : '';
  report(file, `No id \`${wanted.id}\` in ${where} for link \`${target.url}\`${hint}`, rules.missingAnchor, target);
}
