/**
 * Choice quizzes in the browser: check the chosen options against the
 * hashes, show each chosen option's feedback, open the explanation once the
 * answer is right; shuffle the options when the quiz asks.
 */
import { answerHash, explanationKey, feedbackKey, unseal } from './seal.js';
import { clearShown, message, say, settle, showExplanation, type QuizState } from './state.js';

/** The input of an option. */
export function inputOf(option: HTMLLIElement): HTMLInputElement {
  return option.querySelector('input') as HTMLInputElement;
}

function indexOf(option: HTMLLIElement): number {
  return Number(inputOf(option).value);
}

/** Show the options in a random order, lettered A, B, C… as shown. */
export function shuffleOptions(state: QuizState): void {
  const list = state.form.querySelector('.quiz-options');
  if (!list) return;
  const order = [...state.options];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  order.forEach((option, position) => {
    list.appendChild(option);
    const letter = option.querySelector('.quiz-letter');
    if (letter) letter.textContent = String.fromCharCode(65 + position);
  });
  state.options = order;
}

/** Check the chosen options. */
export function checkChoice(state: QuizState): void {
  clearShown(state);
  const chosen = state.options.filter((option) => inputOf(option).checked);
  if (chosen.length === 0) {
    say(state, message(state.form, 'quiz.chooseFirst'));
    return;
  }
  let rightChoices = 0;
  for (const option of chosen) {
    const index = indexOf(option);
    const right = state.answers.has(answerHash(state.salt, index));
    if (right) rightChoices++;
    option.classList.add(right ? 'is-correct' : 'is-wrong');
    inputOf(option).setAttribute('aria-invalid', String(!right));
    const feedback = option.querySelector('.quiz-feedback');
    const sealed = option.dataset.feedback;
    const opened = sealed ? unseal(sealed, feedbackKey(state.salt, index)) : undefined;
    if (feedback) feedback.innerHTML = opened ?? message(state.form, right ? 'quiz.right' : 'quiz.notThis');
  }
  const allRight = rightChoices === chosen.length && chosen.length === state.answers.size;
  settle(state, allRight);
  say(state, message(state.form, allRight ? 'quiz.correct' : state.answers.size > 1 ? 'quiz.wrongMultiple' : 'quiz.wrong'));
  if (allRight) showExplanation(state, openExplanation(state, chosen.map(indexOf)));
}

function openExplanation(state: QuizState, chosen: number[]): string | undefined {
  const sealed = state.form.dataset.explanation;
  return sealed ? unseal(sealed, explanationKey(state.salt, chosen)) : undefined;
}
