/**
 * Find every local URL a deck refers to — markdown images and links, raw
 * HTML (`<img src>`, `<source src>`, `<video poster>`, `<iframe src>`,
 * `<object data>`, `<a href>`), slide backgrounds and CSS `url()` in style
 * attributes — and let the build rewrite it (copy the file, hash its name,
 * point a `.md` link at the deck built from it). The rewriting itself is
 * injected, so this pass stays free of file access.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { cssUrls, replaceCssUrls } from './css-url.js';

/** One local URL found in a deck. */
export interface Reference {
  /** The URL as written. */
  url: string;
  /** The element holding it (for its position). */
  node: Element;
  /** `link` for `<a href>` (a missing target is not an image), `media` for everything else. */
  kind: 'media' | 'link';
}

/** Rewrite a reference: the new URL, or `undefined` to keep it as written. */
export type Resolve = (reference: Reference, file: VFile) => Promise<string | undefined> | string | undefined;

/** Which properties of which elements hold URLs. */
const urlProperties: Record<string, string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
  a: ['href'],
};

const backgroundProperties = ['dataBackgroundImage', 'dataBackgroundVideo', 'dataBackgroundIframe', 'dataBackground'];

/** Whether `url` points at a file next to the lecture rather than the web, the page or inline data. */
export function isLocalUrl(url: string): boolean {
  const value = url.trim();
  return value !== '' && !value.startsWith('#') && !value.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(value);
}

/** Whether `url` names a file on disk: a local path, or a `file:` URL (which is reported, never read). */
export function isFileUrl(url: string): boolean {
  return isLocalUrl(url) || /^\s*file:/i.test(url);
}

/** One URL held by an element: the property holding it, and whether it sits in a CSS `url()`. */
export interface ElementUrl {
  property: string;
  url: string;
  /** Set when the URL was found inside a `style` attribute's `url(…)`. */
  css?: true | undefined;
}

/** Every URL `node` holds, local or not, in attribute order; the one list the build and the checker share. */
export function urlsOf(node: Element): ElementUrl[] {
  const found: ElementUrl[] = [];
  for (const property of [...(urlProperties[node.tagName] ?? []), ...backgroundProperties]) {
    const value = node.properties[property];
    if (typeof value === 'string') found.push({ property, url: value });
  }
  const style = node.properties.style;
  if (typeof style === 'string' && style.includes('url(')) {
    const seen = new Set<string>();
    for (const url of cssUrls(style)) {
      if (seen.has(url)) continue;
      seen.add(url);
      found.push({ property: 'style', url, css: true });
    }
  }
  return found;
}

/** Rehype plugin: rewrite local references through `resolve`. */
export function references(options: { resolve: Resolve }) {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const jobs: Array<Promise<void>> = [];
    visit(tree, 'element', (node) => {
      const kind: Reference['kind'] = node.tagName === 'a' ? 'link' : 'media';
      const attributes = urlsOf(node).filter((found) => !found.css && isFileUrl(found.url));
      for (const { property, url } of attributes) {
        jobs.push(
          Promise.resolve(options.resolve({ url, node, kind }, file)).then((output) => {
            if (output !== undefined) node.properties[property] = output;
          }),
        );
      }
      const style = node.properties.style;
      if (typeof style === 'string' && style.includes('url(')) jobs.push(rewriteStyle(node, style, file, options.resolve));
    });
    await Promise.all(jobs);
  };
}

async function rewriteStyle(node: Element, style: string, file: VFile, resolve: Resolve): Promise<void> {
  const replacements = new Map<string, string>();
  for (const { url } of urlsOf(node).filter((found) => found.css && isFileUrl(found.url))) {
    const output = await resolve({ url, node, kind: 'media' }, file);
    if (output !== undefined) replacements.set(url, output);
  }
  if (replacements.size === 0) return;
  node.properties.style = replaceCssUrls(style, (whole, quote, url) => {
    const output = replacements.get(url);
    return output === undefined ? whole : `url(${quote}${output}${quote})`;
  });
}
