/**
 * One self-contained HTML file per deck (`output.singleFile`,
 * `build --single-file`): `<slug>/<slug>.html`, the deck with reveal.js, its
 * plugins, the theme, KaTeX's stylesheet and every image and medium inside
 * it as inline scripts, styles and data URIs, for an LMS or an e-mail. It
 * loads nothing (no network, no other file) and works from `file://`.
 * Fonts are subset to the characters the deck shows (plus Latin-1, for
 * quiz feedback revealed in the browser); a font face none of whose
 * characters the deck uses is left out, and the emoji font, subset to the
 * course already, is kept as it is. A single file already made from the
 * deck page as it is now (with the same theme and emoji font) is not made
 * again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { h } from 'hastscript';
import { lookup } from 'mrmime';
import { visitParents } from 'unist-util-visit-parents';
import { expectedSource, singleFilePath } from '../course/downloads.js';
import type { DeckSummary } from '../render/course-page.js';
import { parsePage } from '../render/parse-page.js';
import { cssUrls, replaceCssUrls } from './css-url.js';
import { isInside } from './scope.js';
import { subsetFont, toTrueType, toWoff2 } from './fonts/subset.js';
import { writeAtomically } from './write.js';

/** What inlining a deck needs. */
interface Inliner {
  /** The output folder: nothing outside it is read. */
  out: string;
  /** Characters of the deck's text, and of its math. */
  text: Set<number>;
  math: Set<number>;
  /** Where subset fonts are kept between builds, if anywhere. */
  cache: string | undefined;
}

/** Write the single-file copy of each of `decks` in `out`; returns their sizes in bytes. */
export async function writeSingleFiles(out: string, decks: DeckSummary[], cache: string | false): Promise<number[]> {
  const sizes: number[] = [];
  for (const deck of decks) sizes.push(await writeSingleFile(out, deck, cache === false ? undefined : path.join(cache, 'fonts')));
  return sizes;
}

async function writeSingleFile(out: string, deck: DeckSummary, cache: string | undefined): Promise<number> {
  const target = path.join(out, singleFilePath(deck.slug));
  const page = await readFile(path.join(out, deck.slug, 'index.html'), 'utf8');
  // Made again when the page (fitted or not), its theme or the course's emoji font changed.
  const emoji = await readFile(path.join(out, '_assets', 'emoji.css'), 'utf8').catch(() => '');
  const source = createHash('sha256').update(page).update((await expectedSource(out, deck)) ?? '').update(emoji).digest('hex').slice(0, 32);
  const existing = await readFile(target, 'utf8').catch(() => '');
  if (existing.includes(`<meta name="lecture-deck" content="${source}">`)) return Buffer.byteLength(existing);
  const tree = parsePage(page);
  const inliner: Inliner = { out, ...charactersOf(tree), cache };
  const folder = path.join(out, deck.slug);
  const parents = parentsOf(tree);
  const replace = (node: Element, replacement: Element) => {
    const parent = parents.get(node)!;
    parent.children[parent.children.indexOf(node)] = replacement;
  };
  for (const link of selectAll('link[rel=stylesheet][href]', tree)) replace(link, h('style', await inlineCss(inliner, path.resolve(folder, String(link.properties.href)))));
  for (const script of selectAll('script[src]', tree)) {
    const code = await readInside(inliner, path.resolve(folder, String(script.properties.src)));
    replace(script, h('script', code === undefined ? '' : code.toString('utf8').replace(/<\/(script)/gi, '<\\/$1')));
  }
  for (const style of selectAll('style', tree)) {
    const text = style.children[0];
    if (text?.type === 'text' && text.value.includes('url(')) text.value = await inlineUrls(inliner, text.value, path.join(folder, 'index.html'));
  }
  await inlineMedia(inliner, tree, folder);
  select('head', tree)?.children.push(h('meta', { name: 'lecture-deck', content: source }));
  const html = `${toHtml(tree, { allowDangerousHtml: true })}\n`;
  await writeAtomically(target, html);
  return Buffer.byteLength(html);
}

/** The characters the deck shows (its text, notes and quiz messages, and Latin-1 for text revealed later) and those of its math. */
function charactersOf(tree: Root): { text: Set<number>; math: Set<number> } {
  const text = new Set<number>();
  const math = new Set<number>();
  for (let code = 0x20; code <= 0xff; code++) text.add(code);
  const add = (set: Set<number>, value: string) => {
    for (const character of value) set.add(character.codePointAt(0)!);
  };
  add(text, toText(select('body', tree) ?? tree, { whitespace: 'pre' }));
  add(text, toText(select('title', tree) ?? tree));
  for (const strings of selectAll('script#quiz-strings', tree)) add(text, toText(strings));
  for (const formula of selectAll('.katex', tree)) add(math, toText(formula, { whitespace: 'pre' }));
  return { text, math };
}

/** The parent of every element of `tree`. */
function parentsOf(tree: Root): Map<Element, Root | Element> {
  const parents = new Map<Element, Root | Element>();
  visitParents(tree, 'element', (node, ancestors) => {
    parents.set(node, ancestors.at(-1)!);
  });
  return parents;
}

/** The file at `file`, when it is inside the output folder. */
async function readInside(inliner: Inliner, file: string): Promise<Buffer | undefined> {
  if (!isInside(file, inliner.out)) return undefined;
  return readFile(file).catch(() => undefined);
}

async function dataUri(inliner: Inliner, file: string): Promise<string | undefined> {
  const bytes = await readInside(inliner, file);
  if (!bytes) return undefined;
  return `data:${lookup(file) ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`;
}

/** A stylesheet with its fonts subset and every file it refers to inline. */
async function inlineCss(inliner: Inliner, file: string): Promise<string> {
  const css = (await readInside(inliner, file))?.toString('utf8') ?? '';
  const parts: string[] = [];
  let last = 0;
  for (const match of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
    parts.push(await inlineUrls(inliner, css.slice(last, match.index), file));
    parts.push(await inlineFontFace(inliner, match[0], file));
    last = match.index + match[0].length;
  }
  parts.push(await inlineUrls(inliner, css.slice(last), file));
  return parts.join('');
}

async function inlineUrls(inliner: Inliner, css: string, file: string): Promise<string> {
  const urls = [...new Set(cssUrls(css).filter(isLocal))];
  const inlined = new Map(await Promise.all(urls.map(async (url) => [url, await dataUri(inliner, path.resolve(path.dirname(file), url.split(/[?#]/)[0]!))] as const)));
  return replaceCssUrls(css, (whole, _quote, url) => (inlined.get(url) ? `url("${inlined.get(url)}")` : whole));
}

/** A font face with its font subset to the characters it will draw, or nothing when it draws none. */
async function inlineFontFace(inliner: Inliner, face: string, file: string): Promise<string> {
  const urls = cssUrls(face).filter(isLocal);
  const font = urls.find((url) => /\.woff2([?#]|$)/.test(url)) ?? urls[0];
  if (!font) return face;
  const fontFile = path.resolve(path.dirname(file), font.split(/[?#]/)[0]!);
  const range = /unicode-range\s*:\s*([^;}]+)/.exec(face)?.[1];
  const wanted = [...(/KaTeX_/.test(face) ? inliner.math : inliner.text)].filter((code) => !range || inRange(code, range));
  if (wanted.length === 0) return '';
  const bytes = await readInside(inliner, fontFile);
  if (!bytes) return face;
  // The emoji font is subset to the course already, with its colour tables, which hb-subset would drop.
  const subset = /^emoji-/.test(path.basename(fontFile)) ? bytes : await subsetCached(inliner, bytes, wanted);
  const src = `src: url("data:font/woff2;base64,${subset.toString('base64')}") format('woff2')`;
  return face.replace(/src\s*:[^;}]+/, src);
}

async function subsetCached(inliner: Inliner, font: Buffer, wanted: number[]): Promise<Buffer> {
  const key = createHash('sha256').update(font).update(wanted.sort((a, b) => a - b).join(',')).digest('hex').slice(0, 24);
  const cached = inliner.cache && path.join(inliner.cache, `single-${key}.woff2`);
  if (cached && existsSync(cached)) return readFile(cached);
  const subset = await toWoff2(await subsetFont(await toTrueType(font), { unicodes: wanted }));
  if (cached) {
    await mkdir(path.dirname(cached), { recursive: true });
    await writeAtomically(cached, subset);
  }
  return subset;
}

/** Whether `code` is in the CSS `unicode-range` list `range`. */
function inRange(code: number, range: string): boolean {
  return range.split(',').some((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    if (from?.includes('?')) return code >= Number.parseInt(from.replace(/\?/g, '0'), 16) && code <= Number.parseInt(from.replace(/\?/g, 'F'), 16);
    const start = Number.parseInt(from ?? '', 16);
    return code >= start && code <= (to ? Number.parseInt(to, 16) : start);
  });
}

function isLocal(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** Attributes that load a file, by element. */
const loading: Record<string, string[]> = {
  img: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  source: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  iframe: ['src'],
  input: ['src'],
  section: ['dataBackgroundImage', 'dataBackgroundVideo', 'dataBackgroundIframe', 'dataBackground'],
};

/** Images, media and backgrounds of the deck as data URIs (`srcset` is dropped: `src` alone is kept inside). */
async function inlineMedia(inliner: Inliner, tree: Root, folder: string): Promise<void> {
  for (const element of selectAll('*', tree)) {
    for (const property of loading[element.tagName] ?? []) {
      const value = element.properties[property];
      if (typeof value !== 'string' || !isLocal(value) || (property === 'dataBackground' && !/\.[a-z0-9]+([?#]|$)/i.test(value))) continue;
      const uri = await dataUri(inliner, path.resolve(folder, decodeURIComponent(value.split(/[?#]/)[0]!)));
      if (uri) element.properties[property] = uri;
    }
    if (element.tagName === 'img' || element.tagName === 'source') delete element.properties.srcSet;
    if (typeof element.properties.style === 'string' && element.properties.style.includes('url(')) {
      element.properties.style = await inlineUrls(inliner, element.properties.style, path.join(folder, 'index.html'));
    }
  }
}
