/**
 * What the quiz plugin keeps for each quiz on the page, and the messages it
 * shows, in the quiz's language: the page's `#quiz-strings` table (written
 * by the build in the deck's language, with the course's overrides), else
 * English.
 */
import { english } from '../i18n/english.js';
import { format } from '../i18n/format.js';

/** One quiz on the page. */
export interface QuizState {
  form: HTMLFormElement;
  kind: 'single' | 'multiple' | 'fill' | 'order';
  salt: string;
  /** The hashes on the form (correct options, or the right order). */
  answers: Set<string>;
  /** The options (choice) or items (order), in the order shown. */
  options: HTMLLIElement[];
  /** Answered right at least once since the page loaded (for the score summary). */
  solved: boolean;
}

type MessageId = keyof typeof english;

let table: Record<string, Record<string, string>> | undefined;

function strings(): Record<string, Record<string, string>> {
  if (table) return table;
  try {
    table = JSON.parse(document.getElementById('quiz-strings')?.textContent ?? '{}') as Record<string, Record<string, string>>;
  } catch {
    table = {};
  }
  return table;
}

/** The message `id` for the quiz `form`, filled with `values`. */
export function message(form: Element, id: MessageId, values: Record<string, string | number> = {}): string {
  const all = strings();
  const lang = form.closest('[lang]')?.getAttribute('lang') ?? '';
  const own = all[lang] ?? Object.values(all)[0] ?? {};
  return format(own[id] ?? english[id], values);
}

/** The element of `form` with class `name`. */
export function part(form: HTMLElement, name: string): HTMLElement | null {
  return form.querySelector<HTMLElement>(`.${name}`);
}

/** Show `text` in the quiz's result region. */
export function say(state: QuizState, text: string): void {
  const result = part(state.form, 'quiz-result');
  if (result) result.textContent = text;
}

/** Mark the quiz answered (right or not) for its styles. */
export function settle(state: QuizState, right: boolean): void {
  state.form.classList.add('is-answered');
  state.form.classList.toggle('is-right', right);
  if (right) state.solved = true;
}

/** Show the explanation `html` (already opened) under the quiz. */
export function showExplanation(state: QuizState, html: string | undefined): void {
  if (!html) return;
  const explanation = document.createElement('div');
  explanation.className = 'quiz-explanation';
  explanation.innerHTML = html;
  state.form.appendChild(explanation);
}

/** Clear what checking showed: result, marks, feedback, explanation. */
export function clearShown(state: QuizState): void {
  for (const element of Array.from(state.form.querySelectorAll('.is-correct, .is-wrong'))) element.classList.remove('is-correct', 'is-wrong');
  for (const element of Array.from(state.form.querySelectorAll('[aria-invalid]'))) element.removeAttribute('aria-invalid');
  for (const feedback of Array.from(state.form.querySelectorAll('.quiz-feedback'))) feedback.innerHTML = '';
  state.form.querySelector('.quiz-explanation')?.remove();
  say(state, '');
  state.form.classList.remove('is-answered', 'is-right');
}
