/**
 * Strings shown to students: one table per language, chosen by the
 * lecture's `lang`, complete in every language we ship, overridable by id
 * from the config; the course page speaks the course's language.
 */
import { describe, expect, test } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';
import { english } from '../../src/i18n/english.js';
import { translations } from '../../src/i18n/languages.js';
import { counted, languages, stringsFor } from '../../src/i18n/strings.js';
import { renderCoursePage } from '../../src/render/course-page.js';

describe('strings', () => {
  test('at least English, French, German, Spanish, Italian, Portuguese and Dutch, each complete', () => {
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    for (const [lang, table] of Object.entries(translations)) {
      expect(Object.keys(table).sort(), lang).toEqual(Object.keys(english).sort());
      for (const [id, text] of Object.entries(table)) {
        const placeholders = (value: string) => [...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
        expect(placeholders(text!), `${lang} ${id}`).toEqual(placeholders(english[id as keyof typeof english]));
      }
    }
  });

  test('a region or script tag reads as its language; an unknown one as English', () => {
    expect(stringsFor('fr-CA')['quiz.check']).toBe('Vérifier');
    expect(stringsFor('pt_BR')['quiz.correct']).toBe('Correto!');
    expect(stringsFor('DE')['quiz.hint']).toBe('Hinweis');
    expect(stringsFor('xx')['quiz.check']).toBe('Check');
    expect(stringsFor(undefined)['quiz.reset']).toBe('Reset');
  });

  test('the config replaces any string, in every language', () => {
    expect(stringsFor('fr', { 'quiz.check': 'Valider' })['quiz.check']).toBe('Valider');
    expect(stringsFor('en', { 'course.footer': 'Bye' })['course.footer']).toBe('Bye');
  });

  test('counts take the plural form of their language', () => {
    expect(counted(stringsFor('en'), 'en', 'course.slides', 1)).toBe('1 slide');
    expect(counted(stringsFor('en'), 'en', 'course.slides', 0)).toBe('0 slides');
    expect(counted(stringsFor('fr'), 'fr', 'course.slides', 0)).toBe('0 diapositive');
    expect(counted(stringsFor('nl'), 'nl', 'course.slides', 2)).toBe("2 dia's");
  });

  test('an unknown string id in the config is a configuration problem, with a suggestion', () => {
    expect(validateConfig({ strings: { 'quiz.chek': 'OK' } }).problems).toEqual(['Unknown string `strings.quiz.chek`; did you mean `quiz.check`?']);
    expect(validateConfig({ strings: { 'quiz.check': 'OK' } }).problems).toEqual([]);
  });

  test('the course page speaks the language all its decks share, else the config\'s', () => {
    const deck = (slug: string, lang?: string) => ({ slug, title: slug, author: [], slides: 2, source: `${slug}.md`, lang });
    expect(renderCoursePage('Cours', [deck('a', 'fr'), deck('b', 'fr-FR')], 'en')).toContain('2 cours, 4 diapositives');
    expect(renderCoursePage('Cours', [deck('a', 'fr'), deck('b')], 'en')).toContain('2 lectures, 4 slides');
    expect(renderCoursePage('Cours', [deck('a', 'fr'), deck('b')], 'fr')).toContain('<html lang="fr">');
  });

  test('the course page in German, with an overridden footer', () => {
    const page = renderCoursePage('Kurs', [{ slug: 'a', title: 'A', author: [], slides: 1, source: 'a.md', downloads: [{ label: 'PDF', href: 'a/a.pdf', string: 'course.handout' }] }], 'de', { 'course.footer': 'Viel Erfolg!' });
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('1 Vorlesung, 1 Folie');
    expect(page).toContain('<footer>Viel Erfolg!</footer>');
    expect(page).toContain('>Handout (PDF)</a>');
  });
});
