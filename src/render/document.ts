/**
 * The reveal.js page around the slides: stylesheets and scripts from the
 * course's shared assets (relative URLs only, so the deck works from
 * `file://` and under any base path), the metadata, and the
 * `Reveal.initialize` call with the speaker-notes plugin.
 */
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { clientStringIds, stringsFor } from '../i18n/strings.js';
import { closest } from '../suggest.js';
import { plainTitle } from '../transforms/title-inlines.js';

/** What the page needs to know beyond the slides. */
export interface DocumentOptions {
  config: Config;
  /** URL of the shared assets folder, relative to the deck. @default "../_assets" */
  assetBase?: string | undefined;
  /** Names of the themes the build can provide. */
  themes: ReadonlySet<string>;
}

/** Stylesheets and scripts every deck loads, relative to the asset folder. */
export const deckAssets = {
  styles: ['reveal/reset.css', 'reveal/reveal.css'],
  highlight: 'highlight.css',
  layout: 'layout.css',
  katex: 'katex/katex.min.css',
  quizStyle: 'quiz/quiz.css',
  quizScript: 'quiz/quiz.js',
  emoji: 'emoji.css',
  scripts: ['reveal/reveal.js', 'reveal/plugin/notes.js'],
};

/** Rehype plugin: wrap the slides in a complete reveal.js document. */
export function revealDocument(options: DocumentOptions) {
  return (tree: Root, file: VFile): Root => {
    const base = options.assetBase ?? '../_assets';
    const meta = file.data.meta;
    const theme = chooseTheme(file, options);
    file.data.theme = theme;
    const styles = [...deckAssets.styles, `themes/${theme}.css`, deckAssets.layout, deckAssets.highlight];
    if (file.data.hasMath) styles.push(deckAssets.katex);
    if (file.data.hasQuiz) styles.push(deckAssets.quizStyle);
    // The course's emoji font (see assets/fonts/emoji.ts), for a deck that shows any.
    if (file.data.emoji || file.data.symbols) styles.push(deckAssets.emoji);
    const scripts = file.data.hasQuiz ? [...deckAssets.scripts, deckAssets.quizScript] : deckAssets.scripts;
    const plugins = file.data.hasQuiz ? ['RevealNotes', 'RevealQuiz'] : ['RevealNotes'];
    const title = meta?.title ? plainTitle(meta.title) : (file.stem ?? 'Slides');
    const head: Element[] = [
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no' }),
      h('meta', { name: 'generator', content: 'lecture' }),
      ...(meta?.author ?? []).map((author) => h('meta', { name: 'author', content: author })),
      ...(meta?.date ? [h('meta', { name: 'dcterms.date', content: meta.date })] : []),
      h('title', title),
      ...styles.map((href) => h('link', { rel: 'stylesheet', href: `${base}/${href}` })),
    ];
    const lang = meta?.lang ?? options.config.lang;
    const body: Element[] = [
      h('div.reveal', [h('div.slides', tree.children as Element[])]),
      ...(file.data.hasQuiz ? [quizStrings([lang, ...(file.data.quizLangs ?? [])], options.config)] : []),
      ...scripts.map((src) => h('script', { src: `${base}/${src}` })),
      h('script', initScript(options.config, plugins, file.data.deck?.reveal)),
    ];
    const html = h('html', { lang }, [h('head', head), h('body', body)]);
    return { type: 'root', children: [{ type: 'doctype' }, html as RootContent] };
  };
}

function chooseTheme(file: VFile, options: DocumentOptions): string {
  const wanted = file.data.meta?.theme;
  if (wanted === undefined || options.themes.has(wanted)) return wanted ?? options.config.theme;
  const guess = closest(wanted, options.themes);
  const hint = guess ? `did you mean \`${guess}\`?` : `see \`themes/\` and the README for the theme names`;
  report(file, `Unknown theme \`${wanted}\`, using \`${options.config.theme}\`; ${hint}`, rules.unknownTheme, { position: file.data.meta?.positions.theme });
  return options.config.theme;
}

/** The messages the quiz plugin shows, by language (the deck's first), as JSON the plugin reads. */
function quizStrings(langs: string[], config: Config): Element {
  const table: Record<string, Record<string, string>> = {};
  for (const lang of langs) {
    const strings = stringsFor(lang, config.strings);
    table[lang] = Object.fromEntries(clientStringIds.map((id) => [id, strings[id]]));
  }
  const json = JSON.stringify(table).replace(/</g, '\\u003c');
  return h('script', { type: 'application/json', id: 'quiz-strings' }, json);
}

/** The inline script that starts reveal.js; `<` is escaped so no value can close the script. */
function initScript(config: Config, plugins: string[], deck: Record<string, unknown> = {}): string {
  // Front matter (`slide-number`, `transition` … under `format: revealjs:`) wins over the course config.
  const options = { ...config.reveal, ...deck, hash: true, respondToHashChanges: true };
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `Reveal.initialize(Object.assign(${json}, { plugins: [${plugins.join(', ')}] }));`;
}
