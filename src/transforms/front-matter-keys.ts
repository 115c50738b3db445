/**
 * Front matter keys, in every dialect: each is one we read, one another tool
 * reads (Jekyll, Quarto, reveal-md, Pandoc's Beamer and reveal.js
 * templates), or the author's own. A key a letter or two from one we read
 * (`subtitel:`, `slide_level:`, `footers:`) is reported at its line with the
 * fix; other tools' keys and the author's own are never warned about, and
 * `lecture build --explain` lists them all. The sorting lands in
 * `file.data.frontMatterKeys`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import leven from 'leven';
import { report, rules } from '../diagnostics.js';
import type { FrontMatterKeys } from '../types.js';
import { deckOptionNames, ignored as quartoOptions, metaKeys } from './deck-options.js';

/** Keys the build reads, beside the deck options: metadata, the dialects' own, quizzes. */
const readKeys = [...metaKeys, 'quiz', 'separator', 'verticalSeparator'];

/** Keys other tools read that have no effect here, by tool (a key is named for the first tool listing it). */
export const otherTools: Readonly<Record<string, readonly string[]>> = {
  Jekyll: [
    'layout', 'permalink', 'published', 'categories', 'category', 'tags', 'excerpt', 'excerpt_separator', 'last_modified_at', 'nav_order',
    'nav_exclude', 'parent', 'grand_parent', 'has_children', 'has_toc', 'search_exclude', 'sidebar', 'toc_sticky', 'toc_label', 'toc_icon',
    'header', 'image', 'redirect_from', 'redirect_to', 'sitemap', 'comments', 'share', 'related', 'author_profile', 'classes', 'slug',
    'collection', 'order', 'render_with_liquid', 'exclude',
  ],
  Quarto: [
    ...quartoOptions, 'crossref', 'lightbox', 'citation', 'license', 'copyright', 'date-format', 'date-modified', 'params', 'freeze',
    'resources', 'draft', 'abstract', 'listing', 'appendix-style', 'affiliations', 'funding', 'title-block-banner', 'page-layout', 'other-links',
  ],
  'reveal-md': ['highlightTheme', 'revealOptions', 'scripts', 'preprocessor', 'template', 'listingTemplate', 'notesSeparator', 'static', 'staticDirs', 'assetsDir', 'absoluteUrl'],
  Beamer: [
    'aspectratio', 'beamerarticle', 'beameroption', 'classoption', 'colortheme', 'fonttheme', 'innertheme', 'outertheme', 'themeoptions',
    'colorthemeoptions', 'fontthemeoptions', 'innerthemeoptions', 'outerthemeoptions', 'navigation', 'section-titles', 'titlegraphic',
    'titlegraphicoptions', 'logooptions', 'shorttitle', 'shortsubtitle', 'shortauthor', 'shortinstitute', 'shortdate', 'handout',
    'documentclass', 'fontsize', 'fontfamily', 'fontfamilyoptions', 'mainfont', 'sansfont', 'monofont', 'mathfont', 'CJKmainfont',
    'mainfontoptions', 'sansfontoptions', 'monofontoptions', 'geometry', 'papersize', 'linestretch', 'colorlinks', 'linkcolor', 'urlcolor',
    'citecolor', 'toccolor', 'links-as-notes', 'pdf-engine', 'secnumdepth', 'numbersections', 'thanks', 'dir', 'babel-lang', 'babel-otherlangs',
    'hyperrefoptions', 'indent', 'pagestyle', 'csquotes', 'biblatex', 'natbib', 'biblio-style', 'biblio-title', 'biblatexoptions', 'nocite',
    'link-citations', 'references',
  ],
  Pandoc: [
    'header-includes', 'include-before', 'include-after', 'revealjs-url', 'document-css', 'pagetitle', 'title-prefix', 'author-meta', 'date-meta',
    'abstract-title', 'controlsTutorial', 'controlsLayout', 'controlsBackArrows', 'keyboard', 'overview', 'touch', 'shuffle', 'fragmentInURL',
    'embedded', 'help', 'showNotes', 'autoPlayMedia', 'preloadIframes', 'autoSlide', 'autoSlideStoppable', 'autoSlideMethod', 'defaultTiming',
    'mouseWheel', 'display', 'hideInactiveCursor', 'hideCursorTime', 'previewLinks', 'transitionSpeed', 'viewDistance', 'mobileViewDistance',
    'parallaxBackgroundImage', 'parallaxBackgroundSize', 'parallaxBackgroundHorizontal', 'parallaxBackgroundVertical', 'hash', 'hashOneBasedIndex',
    'respondToHashChanges', 'jumpToSlide', 'history', 'rtl', 'navigationMode', 'minScale', 'maxScale', 'disableLayout', 'pdfMaxPagesPerSlide',
    'pdfPageHeightOffset', 'showSlideNumber', 'totalTime', 'fragments',
  ],
};

const toolOf = new Map<string, string>();
for (const [tool, keys] of Object.entries(otherTools)) for (const key of keys) if (!toolOf.has(key)) toolOf.set(key, tool);

/** Every key the build reads. */
export const knownKeys: ReadonlySet<string> = new Set([...readKeys, ...deckOptionNames]);

/** `slide_level`, `Slide-Level` and `slideLevel` all read as `slidelevel`. */
function folded(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Whether `a` is `b` with two neighbouring letters swapped (`titel`, `title`). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const differ = [...a].flatMap((letter, index) => (letter === b[index] ? [] : [index]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

/**
 * The key we read that `name` is most likely a slip for: the same but for
 * case, `-` or `_`, or two letters swapped; else one letter off in a name of
 * five letters, two in a longer one. A name of four letters or fewer must be
 * one of the first kind, so an author's own `data:` or `name:` is not taken
 * for `date:`.
 */
export function likelyKey(name: string, candidates: Iterable<string> = knownKeys): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const key of candidates) {
    if (key === name) return undefined;
    const distance = folded(key) === folded(name) || swapped(folded(key), folded(name)) ? 0 : leven(folded(name), folded(key));
    if (distance < (best?.distance ?? Infinity)) best = { key, distance };
  }
  const allowed = name.length >= 6 ? 2 : name.length === 5 ? 1 : 0;
  return best && best.distance <= allowed ? best.key : undefined;
}

/** Sort the front matter keys of `raw` (top level only; Quarto's `format: revealjs:` block is checked by deck-options). */
export function sortKeys(raw: Record<string, unknown>, fromBlock: Record<string, unknown> = {}): FrontMatterKeys {
  const sorted: FrontMatterKeys = { used: [], otherTools: [], own: [], misspelt: [] };
  for (const name of Object.keys(raw)) {
    if (name in fromBlock) continue;
    if (knownKeys.has(name)) sorted.used.push(name);
    else if (toolOf.has(name)) sorted.otherTools.push({ key: name, tool: toolOf.get(name)! });
    else {
      const guess = likelyKey(name);
      if (guess) sorted.misspelt.push({ key: name, guess });
      else sorted.own.push(name);
    }
  }
  return sorted;
}

/** Remark plugin: report misspelt front matter keys; record how every key was read. */
export function frontMatterKeys() {
  return (_tree: Root, file: VFile): undefined => {
    const meta = file.data.meta;
    if (!meta || Object.keys(meta.raw).length === 0) return;
    const sorted = sortKeys(meta.raw, meta.formatOptions);
    for (const { key, guess } of sorted.misspelt) {
      report(file, `Unknown front matter key \`${key}\`; did you mean \`${guess}\`?`, rules.frontMatter, { position: meta.positions[key] });
    }
    file.data.frontMatterKeys = sorted;
  };
}
