/**
 * Fill-in-the-blank questions in the browser: each blank is right when what
 * was typed (case and extra whitespace ignored) opens one of its sealed
 * tokens; the explanation opens with the tokens of every blank.
 */
import { fillExplanationKey, openToken, unseal } from './seal.js';
import { clearShown, message, say, settle, showExplanation, type QuizState } from './state.js';

function blanksOf(state: QuizState): HTMLInputElement[] {
  return Array.from(state.form.querySelectorAll<HTMLInputElement>('input.quiz-blank'));
}

/** Check every blank. */
export function checkFill(state: QuizState): void {
  clearShown(state);
  const blanks = blanksOf(state);
  if (blanks.some((blank) => blank.value.trim() === '')) {
    say(state, message(state.form, 'quiz.fillFirst'));
    return;
  }
  const tokens = blanks.map((blank) => {
    const sealed = (blank.dataset.tokens ?? '').split(' ').filter(Boolean);
    const token = openToken(sealed, state.salt, Number(blank.dataset.blank), blank.value);
    blank.classList.add(token ? 'is-correct' : 'is-wrong');
    blank.setAttribute('aria-invalid', String(!token));
    return token;
  });
  const allRight = tokens.every((token) => token !== undefined);
  settle(state, allRight);
  say(state, message(state.form, allRight ? 'quiz.correct' : 'quiz.wrongFill'));
  if (!allRight) return;
  const sealed = state.form.dataset.explanation;
  showExplanation(state, sealed ? unseal(sealed, fillExplanationKey(state.salt, tokens as string[])) : undefined);
}
