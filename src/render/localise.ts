/**
 * Fill in the strings our elements show (quiz buttons, labels, links) in the
 * deck's language, or a quiz's own (`lang` on its form). Handlers mark an
 * element with the id of its text (`data-string`), of its accessible name
 * (`data-string-label`, with `data-string-n` for `{n}`) or of its tooltip
 * (`data-string-title`); this pass writes the text and removes the marks,
 * and records the languages the page's quizzes use, for their messages in
 * the browser.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import { baseLanguage, format, stringsFor, type StringId, type Strings } from '../i18n/strings.js';

/** Rehype plugin: write the marked strings; sets `file.data.quizLangs`. */
export function localise(options: { config: Config }) {
  return (tree: Root, file: VFile): undefined => {
    const deck = file.data.meta?.lang ?? options.config.lang;
    const cache = new Map<string, Strings>();
    const stringsOf = (lang: string) => {
      if (!cache.has(lang)) cache.set(lang, stringsFor(lang, options.config.strings));
      return cache.get(lang)!;
    };
    const others = new Set<string>();
    const walk = (node: Root | Element, lang: string): void => {
      for (const child of node.children) {
        if (child.type !== 'element') continue;
        const own = typeof child.properties.lang === 'string' ? child.properties.lang : undefined;
        if (own && child.properties.dataQuiz !== undefined && baseLanguage(own) !== baseLanguage(deck)) others.add(own);
        write(child, stringsOf(own ?? lang));
        walk(child, own ?? lang);
      }
    };
    walk(tree, deck);
    file.data.quizLangs = [...others];
  };
}

function write(node: Element, strings: Strings): void {
  const text = node.properties.dataString;
  if (typeof text === 'string' && text in strings) node.children = [{ type: 'text', value: strings[text as StringId] }];
  const title = node.properties.dataStringTitle;
  if (typeof title === 'string' && title in strings) node.properties.title = strings[title as StringId];
  delete node.properties.dataStringTitle;
  const label = node.properties.dataStringLabel;
  if (typeof label === 'string' && label in strings) node.properties.ariaLabel = format(strings[label as StringId], { n: String(node.properties.dataStringN ?? '') });
  delete node.properties.dataString;
  delete node.properties.dataStringLabel;
  delete node.properties.dataStringN;
}
