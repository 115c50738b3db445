/**
 * Media on paper: a video shows its poster, or else its first frame (the
 * page waits for it in `settle.ts`); audio and embedded documents, which
 * print as nothing or an empty box, show a labelled box naming the file.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { Strings } from '../../i18n/strings.js';
import { classList } from '../../render/properties.js';

/** The words a box names its media with, in the deck's language. */
export type MediaLabels = Pick<Strings, 'media.video' | 'media.audio' | 'media.document'>;

const englishLabels: MediaLabels = { 'media.video': 'Video', 'media.audio': 'Audio', 'media.document': 'Document' };

/** A copy of `element` with its media made printable. */
export function printMedia(element: Element, labels: MediaLabels = englishLabels): Element {
  const children = element.children.map((child) => (child.type === 'element' ? printable(child, labels) : child));
  return { ...element, children };
}

function printable(element: Element, labels: MediaLabels): ElementContent {
  const { tagName, properties } = element;
  if (tagName === 'video' && typeof properties.poster === 'string' && properties.poster !== '') {
    return h('img.print-poster', { src: properties.poster, alt: label(element), style: properties.style, width: properties.width, height: properties.height });
  }
  if (tagName === 'video') {
    // The first frame: loaded in full, shown without the player's controls.
    const { controls: _controls, ...rest } = properties;
    // The print page names a video that cannot load with this word (`settle.ts`).
    return { ...element, properties: { ...rest, preload: 'auto', muted: true, dataPrintKind: labels['media.video'], className: [...classList(properties.className), 'print-video'] } };
  }
  if (tagName === 'audio' || (tagName === 'embed' && isPdf(element)) || (tagName === 'iframe' && isPdf(element))) {
    const kind = tagName === 'audio' ? labels['media.audio'] : labels['media.document'];
    const name = label(element);
    return h('span.print-media', { style: tagName === 'audio' ? undefined : properties.style }, [h('span.print-media-kind', kind), ...(name ? [` ${name}`] : [])]);
  }
  return printMedia(element, labels);
}

function isPdf(element: Element): boolean {
  const src = String(element.properties.src ?? '');
  return element.properties.type === 'application/pdf' || /\.pdf([?#]|$)/i.test(src);
}

/** What the box or image says: the player's label, else the file name (not the build's hashed copy). */
function label(element: Element): string {
  const { ariaLabel, src } = element.properties;
  if (typeof ariaLabel === 'string' && ariaLabel !== '') return ariaLabel;
  const name = String(src ?? '').split(/[?#]/, 1)[0]!.split('/').at(-1) ?? '';
  if (/^[0-9a-f]{16}\.[a-z0-9]+$/i.test(name)) return '';
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
