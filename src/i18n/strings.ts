/**
 * Every string the tool puts in front of students: quiz buttons and
 * messages, answer slides, the course page. One table per language
 * (`languages.ts`), chosen by the lecture's `lang` (`fr-CA` reads as `fr`;
 * an unknown language falls back to English), and any string can be
 * replaced for the whole course with the config key `strings`.
 *
 * Strings hold `{name}` placeholders filled by `format`. A string that
 * depends on a count has a `.one` and an `.other` form.
 */
import { english } from './english.js';
import { format } from './format.js';
import { translations } from './languages.js';

export { english } from './english.js';
export { format } from './format.js';

/** The id of a string (`quiz.check`, `course.footer` …). */
export type StringId = keyof typeof english;

/** A complete set of strings for one language. */
export type Strings = Record<StringId, string>;

/** Every string id, for validating the config's overrides. */
export const stringIds: ReadonlySet<string> = new Set(Object.keys(english));

/** The strings the quiz plugin needs in the browser (the others are rendered into the page). */
export const clientStringIds = [
  'quiz.chooseFirst',
  'quiz.fillFirst',
  'quiz.correct',
  'quiz.wrong',
  'quiz.wrongMultiple',
  'quiz.wrongFill',
  'quiz.wrongOrder',
  'quiz.right',
  'quiz.notThis',
  'quiz.moved',
  'quiz.summary',
] as const satisfies readonly StringId[];

/** The languages with their own strings. */
export const languages: readonly string[] = ['en', ...Object.keys(translations)];

/** The primary language of a BCP 47 tag, lower case: `pt-BR` → `pt`. */
export function baseLanguage(lang: string | undefined): string {
  return (lang ?? 'en').trim().toLowerCase().split(/[-_]/)[0] || 'en';
}

/** The strings for `lang`, with the course's `overrides` (by string id) applied over them. */
export function stringsFor(lang: string | undefined, overrides: Readonly<Record<string, string>> = {}): Strings {
  const own = translations[baseLanguage(lang)] ?? {};
  return { ...english, ...own, ...overrides } as Strings;
}

/** Which plural form `count` takes in `lang`: French and Portuguese count 0 and 1 as one. */
export function pluralForm(lang: string | undefined, count: number): 'one' | 'other' {
  const base = baseLanguage(lang);
  if (base === 'fr' || base === 'pt') return count < 2 ? 'one' : 'other';
  return count === 1 ? 'one' : 'other';
}

/** A counted string: `counted(strings, lang, 'course.slides', 3)` → `3 slides`. */
export function counted(strings: Strings, lang: string | undefined, id: 'course.lectures' | 'course.slides', count: number): string {
  return format(strings[`${id}.${pluralForm(lang, count)}`], { n: count });
}
