/**
 * The shared assets every deck links: reveal.js and its notes plugin, the
 * themes in use with their fonts, the code colours and, when a deck has
 * math, KaTeX's stylesheet and fonts; the emoji font is written by the build
 * (`fonts/emoji.ts`). Stored once for the whole course under `_assets/`;
 * nothing is loaded from a CDN and themes never fetch fonts.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { withEmojiFallback } from './fonts/emoji.js';
import { replaceCssUrls } from './css-url.js';
import { packageRoot } from './package-root.js';
import { copyAtomically, writeAtomically } from './write.js';
import { createScope, isInside, resolveInScope, type Scope } from './scope.js';

const require = createRequire(import.meta.url);

/** The folder, inside the output, that holds shared assets. */
export const assetFolder = '_assets';

/** Our stylesheets that are not themes. */
const ownStyles = new Set(['highlight.css', 'course.css', 'quiz.css', 'layout.css']);

/**
 * Every theme a deck may name: the course's `themes/`, ours, then reveal.js's.
 * A course theme that is a symbolic link out of the course's scope is left
 * out (and reported when a deck names it, as an unknown theme).
 */
export function findThemes(courseRoot: string, scope: Scope = createScope(courseRoot)): Map<string, string> {
  const catalog = new Map<string, string>();
  const revealThemes = path.join(path.dirname(require.resolve('reveal.js')), 'theme');
  const course = path.join(courseRoot, 'themes');
  for (const folder of [course, path.join(packageRoot(), 'themes'), revealThemes]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const theme = name.replace(/\.css$/, '');
      const file = path.join(folder, name);
      if (folder === course && !resolveInScope(file, scope).inside) continue;
      if (name.endsWith('.css') && !ownStyles.has(name) && !catalog.has(theme)) catalog.set(theme, file);
    }
  }
  return catalog;
}

/** What the decks of this build need. */
export interface AssetNeeds {
  themes: Iterable<string>;
  catalog: Map<string, string>;
  math: boolean;
  quiz: boolean;
  /** Where a course theme may take its fonts and images from; files outside are not copied. */
  scope?: Scope | undefined;
  /** Called for each `url(…)` of a theme that points outside the scope (and is dropped). */
  refuse?: ((theme: string, url: string) => void) | undefined;
}

/** Copy the shared assets into `out/_assets`. */
export async function copyVendorAssets(out: string, needs: AssetNeeds): Promise<void> {
  const target = path.join(out, assetFolder);
  const reveal = path.dirname(require.resolve('reveal.js'));
  const jobs: Array<Promise<unknown>> = [
    copyIfChanged(path.join(reveal, 'reset.css'), path.join(target, 'reveal/reset.css')),
    copyIfChanged(path.join(reveal, 'reveal.css'), path.join(target, 'reveal/reveal.css')),
    copyIfChanged(path.join(reveal, 'reveal.js'), path.join(target, 'reveal/reveal.js')),
    copyIfChanged(path.join(reveal, 'plugin/notes.js'), path.join(target, 'reveal/plugin/notes.js')),
    copyStylesheet(path.join(packageRoot(), 'themes/highlight.css'), target, 'highlight.css'),
    copyStylesheet(path.join(packageRoot(), 'themes/layout.css'), target, 'layout.css'),
    copyStylesheet(path.join(packageRoot(), 'themes/course.css'), target, 'course.css'),
  ];
  for (const theme of new Set(needs.themes)) {
    const file = needs.catalog.get(theme);
    if (file) jobs.push(copyStylesheet(file, target, `themes/${theme}.css`, needs));
  }
  if (needs.math) jobs.push(copyKatex(target));
  if (needs.quiz) {
    jobs.push(copyIfChanged(path.join(packageRoot(), 'lib/client/quiz.js'), path.join(target, 'quiz/quiz.js')));
    jobs.push(copyStylesheet(path.join(packageRoot(), 'themes/quiz.css'), target, 'quiz/quiz.css'));
  }
  await Promise.all(jobs);
}

/** Copy `from` to `to` unless an identical-sized copy is already there. */
export async function copyIfChanged(from: string, to: string): Promise<void> {
  const [source, existing] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (existing && existing.size === source.size && existing.mtimeMs >= source.mtimeMs) return;
  await copyAtomically(from, to);
}

const remoteImport = /@import\s+(?:url\()?\s*["']?https?:[^;]*;/g;

/**
 * Copy a stylesheet, dropping `@import`s of remote fonts (the theme's
 * fallback fonts apply instead) and copying the local files it refers to
 * into `_assets/fonts/`.
 */
async function copyStylesheet(from: string, target: string, name: string, needs?: AssetNeeds): Promise<void> {
  const css = (await readFile(from, 'utf8')).replace(remoteImport, '');
  const destination = path.join(target, name);
  const toFonts = path.relative(path.dirname(destination), path.join(target, 'fonts')).split(path.sep).join('/');
  const copies: Array<Promise<void>> = [];
  // Only a course's own theme can point anywhere; ours and reveal.js's are trusted.
  const scope = needs?.scope && isInside(from, needs.scope.root) ? needs.scope : undefined;
  const rewritten = replaceCssUrls(css, (whole, quote, url) => {
    if (/^(data:|https?:|#)/.test(url)) return whole;
    const source = findLocal(url, path.dirname(from));
    if (!source) return whole;
    if (scope && !resolveInScope(source, scope).inside && !isShippedFont(source)) {
      needs?.refuse?.(from, url);
      return 'url("")';
    }
    const base = path.basename(source);
    copies.push(copyIfChanged(source, path.join(target, 'fonts', base)));
    return `url(${quote}${toFonts}/${base}${quote})`;
  });
  await Promise.all(copies);
  // Every font list falls back to the course's emoji font (see fonts/emoji.ts).
  await writeAtomically(destination, withEmojiFallback(rewritten));
}

/** Whether `file` is one of the font files we ship. */
function isShippedFont(file: string): boolean {
  return shippedFonts().some((folder) => isInside(file, folder));
}

function shippedFonts(): string[] {
  return fontPackages.map((name) => path.join(path.dirname(require.resolve(name)), 'files'));
}

const fontPackages = ['@fontsource/source-sans-3', '@fontsource/source-code-pro'];

/** A file a stylesheet refers to: next to it, or one of the font packages we ship. */
function findLocal(url: string, folder: string): string | undefined {
  const clean = url.split(/[?#]/)[0]!;
  const candidates = [path.resolve(folder, clean)];
  for (const folder of shippedFonts()) candidates.push(path.join(folder, path.basename(clean)));
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

/** KaTeX's stylesheet with only its WOFF2 fonts (every browser that runs reveal.js reads WOFF2). */
async function copyKatex(target: string): Promise<void> {
  const dist = path.dirname(require.resolve('katex/dist/katex.min.css'));
  const css = await readFile(path.join(dist, 'katex.min.css'), 'utf8');
  const slim = css.replace(/(url\(fonts\/[^)]+\.woff2\) format\("woff2"\)),url\([^)]+\) format\("woff"\),url\([^)]+\) format\("truetype"\)/g, '$1');
  await writeAtomically(path.join(target, 'katex/katex.min.css'), slim);
  const fonts = readdirSync(path.join(dist, 'fonts')).filter((name) => name.endsWith('.woff2'));
  await Promise.all(fonts.map((name) => copyIfChanged(path.join(dist, 'fonts', name), path.join(target, 'katex/fonts', name))));
}
