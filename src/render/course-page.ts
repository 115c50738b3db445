/**
 * The course page (`dist/index.html`): every deck with its title, authors,
 * date, slide count and links. Relative URLs only.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { baseLanguage, counted, stringsFor, type StringId, type Strings } from '../i18n/strings.js';

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
  downloads?: Array<{ label: string; href: string; string?: StringId | undefined }> | undefined;
  /** Slides that still overflow their canvas after fitting (1-based, presentation order), with the overflow in pixels. */
  overflows?: Array<{ slide: number; pixels: number }> | undefined;
}

/**
 * The course page as HTML, its strings with the course's `overrides`
 * (config `strings`) in the language every deck shares, else in `fallback`
 * (config `lang`).
 */
export function renderCoursePage(title: string, decks: DeckSummary[], fallback: string, overrides: Readonly<Record<string, string>> = {}): string {
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
    ]),
    h('body', [
      h('main', [
        h('h1', title),
        h('p.course-summary', `${counted(strings, lang, 'course.lectures', decks.length)}, ${counted(strings, lang, 'course.slides', total)}`),
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
      ? [h('p.deck-links', deck.downloads.map((download) => h('a', { href: download.href }, download.string ? strings[download.string] : download.label)))]
      : []),
  ]);
}
