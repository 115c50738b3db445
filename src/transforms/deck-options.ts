/**
 * Deck options from front matter, as Quarto and reveal.js users write them:
 * top-level keys or keys under Quarto's `format: revealjs:` (merged by the
 * front-matter transform). Each is checked against the shape Quarto accepts;
 * a key under `format: revealjs:` that we do not know is reported with the
 * closest known name, and Quarto's own options that have no effect here are
 * listed in one hint. reveal.js's camel-case names (`slideNumber`, as Pandoc
 * documents them) are read too. The result lands in `file.data.deck`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { closest } from '../suggest.js';
import type { DeckOptions, LectureMeta } from '../types.js';

const transitions = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'];
const slideNumbers = ['h.v', 'h/v', 'c', 'c/t'];

type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false; expected: string };

const boolean: Check = (value) => (typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: '`true` or `false`' });
const text: Check = (value) => (typeof value === 'string' || typeof value === 'number' ? { ok: true, value: String(value) } : { ok: false, expected: 'text' });
const oneOf = (values: string[]): Check => (value) => (typeof value === 'string' && values.includes(value) ? { ok: true, value } : { ok: false, expected: `one of ${values.map((name) => `\`${name}\``).join(', ')}` });
const size: Check = (value) => (typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?(px|%)?$/.test(value)) ? { ok: true, value: typeof value === 'string' && /^\d+(\.\d+)?(px)?$/.test(value) ? Number.parseFloat(value) : value } : { ok: false, expected: 'a number of pixels or a percentage' });
const fraction: Check = (value) => (typeof value === 'number' && value >= 0 && value < 1 ? { ok: true, value } : { ok: false, expected: 'a fraction from 0 to 1, such as `0.1`' });
const depth: Check = (value) => (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 6 ? { ok: true, value } : { ok: false, expected: 'a whole number from 1 to 6' });
const slideNumber: Check = (value) => (typeof value === 'boolean' || (typeof value === 'string' && slideNumbers.includes(value)) ? { ok: true, value } : { ok: false, expected: `\`true\`, \`false\` or one of ${slideNumbers.map((name) => `\`${name}\``).join(', ')}` });
const mapping: Check = (value) => (value && typeof value === 'object' && !Array.isArray(value) ? { ok: true, value } : { ok: false, expected: 'a mapping of attributes' });

/** The deck options we honour: the check for the value and, for reveal.js's own, the name `Reveal.initialize` takes. */
const options: Record<string, { check: Check; reveal?: string }> = {
  footer: { check: text },
  logo: { check: text },
  'slide-number': { check: slideNumber, reveal: 'slideNumber' },
  transition: { check: oneOf(transitions), reveal: 'transition' },
  'background-transition': { check: oneOf(transitions), reveal: 'backgroundTransition' },
  smaller: { check: boolean },
  scrollable: { check: boolean },
  center: { check: boolean, reveal: 'center' },
  width: { check: size, reveal: 'width' },
  height: { check: size, reveal: 'height' },
  margin: { check: fraction, reveal: 'margin' },
  controls: { check: boolean, reveal: 'controls' },
  progress: { check: boolean, reveal: 'progress' },
  loop: { check: boolean, reveal: 'loop' },
  'auto-animate': { check: boolean, reveal: 'autoAnimate' },
  'pdf-separate-fragments': { check: boolean, reveal: 'pdfSeparateFragments' },
  'hash-type': { check: oneOf(['number', 'title']) },
  toc: { check: boolean },
  'toc-depth': { check: depth },
  'toc-title': { check: text },
  'auto-stretch': { check: boolean },
  'title-slide-attributes': { check: mapping },
};

/** Keys the front-matter transform reads (title, theme …), or that are not deck options at all. */
export const metaKeys = ['title', 'subtitle', 'author', 'date', 'institute', 'theme', 'slide-level', 'incremental', 'lang', 'format', 'description', 'keywords', 'subject'];

/** Quarto's revealjs options that have no effect in lecture: hinted at once, never called unknown. */
export const ignored = [
  'css', 'code-fold', 'code-summary', 'code-overflow', 'code-block-height', 'code-copy', 'code-link', 'code-tools', 'chalkboard', 'preview-links',
  'menu', 'embed-resources', 'self-contained', 'multiplex', 'highlight-style', 'history', 'navigation-mode', 'touch', 'keyboard', 'overview',
  'mouse-wheel', 'view-distance', 'html-math-method', 'fig-width', 'fig-height', 'fig-format', 'fig-dpi', 'fig-responsive', 'fig-align', 'fig-cap-location',
  'tbl-cap-location', 'echo', 'eval', 'warning', 'message', 'output', 'include-in-header', 'include-before-body', 'include-after-body', 'output-file',
  'template-partials', 'revealjs-plugins', 'filters', 'execute', 'jupyter', 'engine', 'knitr', 'link-external-newwindow', 'link-external-icon',
  'reference-location', 'citations-hover', 'footnotes-hover', 'number-sections', 'number-depth', 'df-print', 'preload-iframes', 'parallax-background-image',
  'parallax-background-size', 'show-slide-number', 'auto-play-media', 'jump-to-slide', 'shuffle', 'fragment-in-url', 'show-notes', 'transition-speed',
  'auto-slide', 'hide-inactive-cursor', 'mermaid', 'mermaid-format', 'toc-location', 'bibliography', 'csl', 'cap-location', 'strip-comments',
  'width-min', 'min-scale', 'max-scale', 'disable-layout', 'data-background', 'smart', 'editor', 'code-annotations', 'hide-cursor-time', 'fragments',
];

/**
 * Every deck option read from front matter: its kebab-case name (Quarto's)
 * and, for reveal.js's own, the camel-case name Pandoc's and reveal.js's
 * users write (`slideNumber`). Top-level keys are checked for typos in
 * `front-matter-keys.ts`.
 */
export const deckOptionNames: readonly string[] = Object.entries(options).flatMap(([name, option]) => (option.reveal && option.reveal !== name ? [name, option.reveal] : [name]));

/** Remark plugin: read the deck options into `file.data.deck`. */
export function deckOptions() {
  return (_tree: Root, file: VFile): undefined => {
    const meta = file.data.meta ?? { author: [], incremental: false, raw: {}, positions: {} };
    file.data.deck = readOptions(meta, file);
    checkBlockKeys(meta, file);
  };
}

function readOptions(meta: LectureMeta, file: VFile): DeckOptions {
  const deck: DeckOptions = { reveal: {}, smaller: false, scrollable: false, autoStretch: true };
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(options)) {
    // Pandoc's and reveal.js's own spelling (`slideNumber`) counts too; Quarto's (`slide-number`) wins.
    const key = meta.raw[name] === undefined && option.reveal && meta.raw[option.reveal] !== undefined ? option.reveal : name;
    const value = meta.raw[key];
    if (value === undefined || value === null) continue;
    const result = option.check(value);
    if (!result.ok) {
      report(file, `Front matter \`${key}\` must be ${result.expected}; it is ignored`, rules.frontMatter, { position: meta.positions[key] });
      continue;
    }
    values[name] = result.value;
    if (option.reveal) deck.reveal[option.reveal] = result.value;
  }
  if (values['hash-type'] === 'number') deck.reveal.hashOneBasedIndex = true;
  if (typeof values.footer === 'string') deck.footer = values.footer;
  if (typeof values.logo === 'string') deck.logo = values.logo;
  deck.smaller = values.smaller === true;
  deck.scrollable = values.scrollable === true;
  deck.autoStretch = values['auto-stretch'] !== false;
  if (values['pdf-separate-fragments'] === true) deck.pdfFragments = true;
  if (values.toc === true) deck.toc = { depth: (values['toc-depth'] as number | undefined) ?? 1, title: (values['toc-title'] as string | undefined) ?? 'Table of contents' };
  if (values['title-slide-attributes']) deck.titleAttributes = stringValues(values['title-slide-attributes'] as Record<string, unknown>);
  return deck;
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).flatMap(([key, value]) => (value === null || typeof value === 'object' ? [] : [[key, String(value)]])));
}

/** Report the keys under `format: revealjs:` that we do not read: a typo with its fix, Quarto's own options in one hint. */
function checkBlockKeys(meta: LectureMeta, file: VFile): void {
  if (!meta.formatOptions) return;
  const known = [...Object.keys(options), ...metaKeys];
  const unused: string[] = [];
  for (const name of Object.keys(meta.formatOptions)) {
    if (known.includes(name)) continue;
    if (ignored.includes(name) || name.startsWith('data-')) {
      unused.push(name);
      continue;
    }
    const guess = closest(name, [...known, ...ignored]);
    const hint = guess ? `; did you mean \`${guess}\`?` : '; it is ignored';
    report(file, `Unknown option \`${name}\` under \`format: revealjs:\`${hint}`, rules.frontMatter, { position: meta.positions[name] });
  }
  if (unused.length > 0) {
    const names = unused.map((name) => `\`${name}\``).join(', ');
    report(file, `Quarto option${unused.length === 1 ? '' : 's'} ${names} ha${unused.length === 1 ? 's' : 've'} no effect in lecture (see docs/quarto.md)`, rules.frontMatter, { position: meta.positions[unused[0]!] }, 'info');
  }
}
