/**
 * Quarto's shortcodes, carried out: `{{< video >}}` (and `{{< youtube ID >}}`)
 * becomes a video — a local file a `<video controls>` the build copies like
 * an image, a YouTube or Vimeo address that service's embedded player —,
 * `{{< pagebreak >}}` a new slide, `{{< kbd >}}` a key, `{{< meta key >}}`
 * the front matter value. Any other shortcode is removed from the slide with
 * a warning at its line. (`{{< include >}}` is expanded earlier, in
 * `include.ts`.)
 */
import type { Element, ElementContent } from 'hast';
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { mediaElement } from '../render/media.js';
import type { Shortcode } from '../types.js';

const videoFile = /\.(mp4|webm|ogg|ogv|mov|m4v)(\?.*)?$/i;

/** Remark plugin: carry out or remove every shortcode. */
export function shortcodes() {
  return (tree: Root, file: VFile): undefined => {
    walk(tree, file);
  };
}

function walk(parent: Parent, file: VFile): void {
  parent.children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
    if (child.type === 'paragraph') {
      const only = onlyShortcode(child);
      if (only?.name === 'pagebreak') return [{ type: 'thematicBreak', position: child.position }];
      if (only && isVideo(only)) return [{ ...child, children: [], data: { hName: 'div', hProperties: { className: ['quarto-video'] }, hChildren: [video(only, file)] } }];
    }
    if (child.type === 'shortcode') return inline(child, file) as RootContent[];
    if ('children' in child) {
      const had = child.children.some((grandchild) => grandchild.type === 'shortcode');
      walk(child, file);
      if (had && child.type === 'paragraph') tidy(child);
    }
    return [child];
  }) as Parent['children'];
}

/** A paragraph whose shortcodes were left out: no space left at its ends, and none at all when it is empty. */
function tidy(paragraph: Paragraph): void {
  const first = paragraph.children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = paragraph.children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  paragraph.children = paragraph.children.filter((child) => child.type !== 'text' || child.value !== '');
}

function onlyShortcode(paragraph: Paragraph): Shortcode | undefined {
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return parts.length === 1 && parts[0]?.type === 'shortcode' ? parts[0] : undefined;
}

function isVideo(shortcode: Shortcode): boolean {
  return shortcode.name === 'video' || shortcode.name === 'youtube' || shortcode.name === 'vimeo';
}

/** What an inline shortcode stands for, or nothing (reported) when we cannot carry it out. */
function inline(shortcode: Shortcode, file: VFile): PhrasingContent[] {
  const [first = ''] = shortcode.args.positional;
  if (isVideo(shortcode)) return [{ type: 'emphasis', children: [], data: { hName: 'span', hProperties: { className: ['quarto-video'] }, hChildren: [video(shortcode, file)] } }];
  if (shortcode.name === 'kbd') return [{ type: 'emphasis', children: [{ type: 'text', value: shortcode.args.positional.join(' ') }], data: { hName: 'kbd' } }];
  if (shortcode.name === 'meta') {
    const value = file.data.meta?.raw[first];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [{ type: 'text', value: String(value), position: shortcode.position }];
    report(file, `\`${shortcode.value}\`: front matter has no text \`${first}\`; the shortcode is left out`, rules.shortcode, shortcode);
    return [];
  }
  if (shortcode.name === 'pagebreak') {
    report(file, '`{{< pagebreak >}}` starts a new slide only on a line of its own; it is left out here', rules.shortcode, shortcode);
    return [];
  }
  if (shortcode.name === 'include') {
    report(file, '`{{< include >}}` works only on a line of its own; it is left out here', rules.includeFailed, shortcode);
    return [];
  }
  report(file, `Shortcode \`${shortcode.value}\` is not supported (it is Quarto's or an extension's to run); it is left out of the slide`, rules.shortcode, shortcode);
  return [];
}

/** The element a video shortcode stands for: `<video controls>` for a file, an `<iframe>` player for YouTube and Vimeo. */
function video(shortcode: Shortcode, file: VFile): Element {
  const { named, positional } = shortcode.args;
  const source = named.src ?? positional[0] ?? '';
  const size = { width: named.width, height: named.height };
  const title = named.title;
  if (source === '') report(file, `\`${shortcode.value}\` names no video`, rules.shortcode, shortcode);
  const player = shortcode.name === 'youtube' ? `https://www.youtube.com/embed/${encodeURIComponent(source)}` : shortcode.name === 'vimeo' ? `https://player.vimeo.com/video/${encodeURIComponent(source)}` : embedUrl(source);
  const start = named.start;
  if (player) {
    const url = start ? `${player}${player.includes('?') ? '&' : '?'}start=${encodeURIComponent(start)}` : player;
    return element('iframe', { src: url, title: title ?? 'Video', width: size.width ?? '100%', height: size.height ?? '480', allowFullScreen: true, allow: 'autoplay; fullscreen; picture-in-picture', frameBorder: '0' });
  }
  const src = start && !/^[a-z]+:/i.test(source) ? `${source}#t=${start}` : source;
  const values = Object.fromEntries(Object.entries(size).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return mediaElement(src, 'video', { attributes: { classes: [], values }, title });
}

/** The embedded player of a YouTube or Vimeo address, or of any web page that is not a video file; `undefined` for a video file. */
function embedUrl(source: string): string | undefined {
  const youtube = /^(?:https?:)?\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([\w-]{6,})/i.exec(source);
  if (youtube) return `https://www.youtube.com/embed/${youtube[1]}`;
  const vimeo = /^(?:https?:)?\/\/(?:www\.)?(?:player\.)?vimeo\.com\/(?:video\/)?(\d+)/i.exec(source);
  if (vimeo) return `https://player.vimeo.com/video/${vimeo[1]}`;
  return /^https?:\/\//i.test(source) && !videoFile.test(source) ? source : undefined;
}

function element(tagName: string, properties: Record<string, string | boolean | undefined>): Element {
  const defined = Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined)) as Element['properties'];
  return { type: 'element', tagName, properties: defined, children: [] as ElementContent[] };
}
