/**
 * The shared assets every deck links: reveal.js and its notes plugin, the
 * themes in use with their fonts, the code colours and, when a deck has
 * math, KaTeX's stylesheet and fonts. Stored once for the whole course under
 * `_assets/`; nothing is loaded from a CDN and themes never fetch fonts.
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from './package-root.js';

const require = createRequire(import.meta.url);

/** The folder, inside the output, that holds shared assets. */
export const assetFolder = '_assets';

/** Our stylesheets that are not themes. */
const ownStyles = new Set(['highlight.css', 'course.css', 'quiz.css', 'layout.css']);

/** Every theme a deck may name: the course's `themes/`, ours, then reveal.js's. */
export function findThemes(courseRoot: string): Map<string, string> {
  const catalog = new Map<string, string>();
  const revealThemes = path.join(path.dirname(require.resolve('reveal.js')), 'theme');
  for (const folder of [path.join(courseRoot, 'themes'), path.join(packageRoot(), 'themes'), revealThemes]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder)) {
      const theme = name.replace(/\.css$/, '');
      if (name.endsWith('.css') && !ownStyles.has(name) && !catalog.has(theme)) catalog.set(theme, path.join(folder, name));
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
    if (file) jobs.push(copyStylesheet(file, target, `themes/${theme}.css`));
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
  await mkdir(path.dirname(to), { recursive: true });
  await copyFile(from, to);
}

const remoteImport = /@import\s+(?:url\()?\s*["']?https?:[^;]*;/g;
const cssUrl = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/**
 * Copy a stylesheet, dropping `@import`s of remote fonts (the theme's
 * fallback fonts apply instead) and copying the local files it refers to
 * into `_assets/fonts/`.
 */
async function copyStylesheet(from: string, target: string, name: string): Promise<void> {
  const css = (await readFile(from, 'utf8')).replace(remoteImport, '');
  const destination = path.join(target, name);
  const toFonts = path.relative(path.dirname(destination), path.join(target, 'fonts')).split(path.sep).join('/');
  const copies: Array<Promise<void>> = [];
  const rewritten = css.replace(cssUrl, (whole, quote: string, url: string) => {
    if (/^(data:|https?:|#)/.test(url)) return whole;
    const source = findLocal(url, path.dirname(from));
    if (!source) return whole;
    const base = path.basename(source);
    copies.push(copyIfChanged(source, path.join(target, 'fonts', base)));
    return `url(${quote}${toFonts}/${base}${quote})`;
  });
  await Promise.all(copies);
  await mkdir(path.dirname(destination), { recursive: true });
  await writeFile(destination, rewritten);
}

/** A file a stylesheet refers to: next to it, or one of the font packages we ship. */
function findLocal(url: string, folder: string): string | undefined {
  const clean = url.split(/[?#]/)[0]!;
  const candidates = [path.resolve(folder, clean)];
  for (const fontPackage of ['@fontsource/source-sans-3', '@fontsource/source-code-pro']) {
    candidates.push(path.join(path.dirname(require.resolve(fontPackage)), 'files', path.basename(clean)));
  }
  return candidates.find((candidate) => existsSync(candidate));
}

/** KaTeX's stylesheet with only its WOFF2 fonts (every browser that runs reveal.js reads WOFF2). */
async function copyKatex(target: string): Promise<void> {
  const dist = path.dirname(require.resolve('katex/dist/katex.min.css'));
  const css = await readFile(path.join(dist, 'katex.min.css'), 'utf8');
  const slim = css.replace(/(url\(fonts\/[^)]+\.woff2\) format\("woff2"\)),url\([^)]+\) format\("woff"\),url\([^)]+\) format\("truetype"\)/g, '$1');
  await mkdir(path.join(target, 'katex/fonts'), { recursive: true });
  await writeFile(path.join(target, 'katex/katex.min.css'), slim);
  const fonts = readdirSync(path.join(dist, 'fonts')).filter((name) => name.endsWith('.woff2'));
  await Promise.all(fonts.map((name) => copyIfChanged(path.join(dist, 'fonts', name), path.join(target, 'katex/fonts', name))));
}
