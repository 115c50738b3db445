/**
 * Media written with image syntax, as Pandoc's reveal.js writer makes it:
 * `![](demo.mp4)` is a `<video controls>`, `![](talk.mp3)` an
 * `<audio controls>`, `![](paper.pdf)` an embedded document. The elements
 * keep their URL in `src` (and `poster`), so the build copies the files into
 * `_media/` and the checker checks them exactly as it does images.
 *
 * Reused by every syntax that embeds a video (Quarto's `{{< video >}}`).
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { Attributes } from '../types.js';
import { mergeProperties, toProperties } from './properties.js';

/** What a media URL plays or shows. */
export type MediaKind = 'video' | 'audio' | 'pdf';

const extensions: Record<string, MediaKind> = {
  mp4: 'video',
  m4v: 'video',
  webm: 'video',
  ogv: 'video',
  mov: 'video',
  mp3: 'audio',
  ogg: 'audio',
  oga: 'audio',
  wav: 'audio',
  m4a: 'audio',
  flac: 'audio',
  pdf: 'pdf',
};

/** Attributes that switch a player on: `{autoplay=true}`, `{.loop}`; `=false` switches them off. */
const flags = ['autoplay', 'loop', 'muted', 'controls'] as const;

/** The media kind of `url` by its extension (query and fragment ignored), or `undefined` for an image. */
export function mediaKind(url: string): MediaKind | undefined {
  const path = url.split(/[?#]/, 1)[0] ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : extensions[extension];
}

/** What a media element is made from. */
export interface MediaOptions {
  /** Pandoc attributes written on the image (`{width=60% autoplay=true poster=first.png}`). */
  attributes?: Attributes | undefined;
  /** The alt text or caption: the player's accessible name and the fallback text. */
  label?: string | undefined;
  /** The image title (`![](x.mp4 "title")`). */
  title?: string | null | undefined;
}

/**
 * The element that plays or shows `url`. `autoplay` becomes reveal.js's
 * `data-autoplay`, so the media starts when its slide is shown rather than
 * when the page loads; players get controls unless `controls=false`.
 */
export function mediaElement(url: string, kind: MediaKind, options: MediaOptions = {}): Element {
  const attributes = options.attributes ?? { classes: [], values: {} };
  const switches = switchesOf(attributes);
  const rest: Attributes = {
    ...attributes,
    classes: attributes.classes.filter((name) => !(flags as readonly string[]).includes(name)),
    values: Object.fromEntries(Object.entries(attributes.values).filter(([key]) => !(flags as readonly string[]).includes(key))),
  };
  const tagName = kind === 'pdf' ? 'embed' : kind;
  const own: Properties = kind === 'pdf' ? { src: url, type: 'application/pdf', className: ['pdf'] } : { src: url, preload: 'metadata' };
  if (kind !== 'pdf') {
    if (switches.controls !== false) own.controls = true;
    if (switches.autoplay) own.dataAutoplay = '';
    if (switches.loop) own.loop = true;
    if (switches.muted) own.muted = true;
  }
  if (options.title) own.title = options.title;
  if (options.label) own.ariaLabel = options.label;
  const properties = mergeProperties(own, toProperties(rest, tagName));
  if (kind === 'pdf' && !/(^|;\s*)(width|height)\s*:/.test(String(properties.style ?? ''))) {
    properties.style = [properties.style, 'width: 100%; height: 480px'].filter(Boolean).join('; ');
  }
  const fallback: ElementContent[] = kind !== 'pdf' && options.label ? [{ type: 'text', value: options.label }] : [];
  return { type: 'element', tagName, properties, children: fallback };
}

function switchesOf(attributes: Attributes): Partial<Record<(typeof flags)[number], boolean>> {
  const result: Partial<Record<(typeof flags)[number], boolean>> = {};
  for (const flag of flags) {
    if (attributes.classes.includes(flag)) result[flag] = true;
    const value = attributes.values[flag];
    if (value !== undefined) result[flag] = !/^(false|no|0)$/i.test(value);
  }
  return result;
}
