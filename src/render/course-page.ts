/**
 * The course page (`dist/index.html`), the students' download page: every
 * deck with its title, authors, date, slide count, its PDFs and single-file
 * copy with their sizes, and one link to download every PDF at once.
 * Relative URLs only.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { baseLanguage, counted, format, stringsFor, type StringId, type Strings } from '../i18n/strings.js';

/** What the course page shows of one deck. */
export interface DeckSummary {
  slug: string;
  title: string;
  author: string[];
  date?: string | undefined;
  /** The deck's own language (front matter `lang`), if it sets one. */
  lang?: string | undefined;
  /** What the deck is about (front matter `subject`, `subtitle` or `description`), for PDF properties. */
  subject?: string | undefined;
  /** Front matter `keywords`, for PDF properties. */
  keywords?: string[] | undefined;
  slides: number;
  /** Number of quizzes in the deck. */
  quizzes?: number | undefined;
  /** Source line of each slide, in presentation order (for reports on printed pages). */
  lines?: number[] | undefined;
  /** Source file, relative to the course root. */
  source: string;
  /** Extra downloads (PDF, handout), relative to the output folder; `string` names the label's string, shown in the course's language. */
  downloads?: Array<{ label: string; href: string; string?: StringId | undefined; bytes?: number | undefined }> | undefined;
  /** The page's fingerprint (see `render/fingerprint.ts`): which version of the deck a PDF was printed from. */
  fingerprint?: string | undefined;
  /** The deck's theme. */
  theme?: string | undefined;
  /** Characters the deck shows as emoji (see `assets/fonts/emoji.ts`). */
  emoji?: string | undefined;
  /** Symbols the deck shows that the emoji font also has. */
  symbols?: string | undefined;
  /** Every character beyond ASCII the deck shows, with its first source line (for missing glyphs in PDFs). */
  glyphs?: Record<string, number> | undefined;
  /** Slides that still overflow their canvas after fitting (1-based, presentation order), with the overflow in pixels. */
  overflows?: Array<{ slide: number; pixels: number }> | undefined;
}

/**
 * The course page as HTML, its strings with the course's `overrides`
 * (config `strings`) in the language every deck shares, else in `fallback`
 * (config `lang`).
 */
export function renderCoursePage(
  title: string,
  decks: DeckSummary[],
  fallback: string,
  overrides: Readonly<Record<string, string>> = {},
  extras: { downloadAll?: { href: string; bytes: number } | undefined; filename?: string | undefined; emoji?: boolean | undefined } = {},
): string {
  const own = decks.map((deck) => deck.lang ?? fallback);
  const lang = new Set(own.map(baseLanguage)).size === 1 && own[0] ? own[0] : fallback;
  const strings = stringsFor(lang, overrides);
  const total = decks.reduce((sum, deck) => sum + deck.slides, 0);
  const tree = h('html', { lang }, [
    h('head', [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: 'lecture' }),
      h('title', title),
      h('link', { rel: 'stylesheet', href: '_assets/course.css' }),
      ...(extras.emoji ? [h('link', { rel: 'stylesheet', href: '_assets/emoji.css' })] : []),
    ]),
    h('body', [
      h('main', [
        h('h1', title),
        h('p.course-summary', `${counted(strings, lang, 'course.lectures', decks.length)}, ${counted(strings, lang, 'course.slides', total)}`),
        ...(extras.downloadAll ? [downloadAll(extras.downloadAll, extras.filename, strings, lang)] : []),
        h('ol.decks', decks.map((deck) => deckItem(deck, strings, lang))),
        h('footer', strings['course.footer']),
      ]),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}

function deckItem(deck: DeckSummary, strings: Strings, lang: string): Element {
  const meta = [...(deck.author.length > 0 ? [deck.author.join(', ')] : []), ...(deck.date ? [deck.date] : []), counted(strings, lang, 'course.slides', deck.slides)];
  return h('li.deck', { id: `deck-${deck.slug}` }, [
    h('h2', [h('a', { href: `${deck.slug}/index.html` }, deck.title)]),
    h('p.deck-meta', meta.map((part) => h('span', part))),
    ...(deck.downloads && deck.downloads.length > 0
      ? [h('p.deck-links', deck.downloads.map((download) => downloadLink(download, strings, lang)))]
      : []),
  ]);
}

function downloadLink(download: NonNullable<DeckSummary['downloads']>[number], strings: Strings, lang: string): Element {
  const label = download.string ? strings[download.string] : download.label;
  return h('a', { href: download.href }, [label, ...(download.bytes === undefined ? [] : [' ', h('span.size', formatSize(download.bytes, lang))])]);
}

function downloadAll(zip: { href: string; bytes: number }, filename: string | undefined, strings: Strings, lang: string): Element {
  return h('p.download-all', [
    h('a.download-all-link', { href: zip.href, download: filename }, strings['course.downloadAll']),
    ' ',
    h('span.download-all-hint', format(strings['course.downloadAllHint'], { size: formatSize(zip.bytes, lang) })),
  ]);
}

/** A file size as people read it, in the page's language: `340 kB`, `1.2 MB` (`1,2 Mo` in French). */
export function formatSize(bytes: number, lang: string): string {
  const [unit, value] = bytes >= 1_000_000 ? (['megabyte', bytes / 1_000_000] as const) : (['kilobyte', Math.max(bytes / 1000, 1)] as const);
  const digits = value < 10 ? 1 : 0;
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: digits }).format(value);
  } catch {
    return `${value.toFixed(digits)} ${unit === 'megabyte' ? 'MB' : 'kB'}`;
  }
}
