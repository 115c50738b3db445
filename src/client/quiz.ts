/**
 * The quiz plugin for reveal.js, compiled for the browser into
 * `_assets/quiz/quiz.js`. Each `form.quiz` checks the chosen options against
 * the salted hashes the build left in the page, shows each chosen option's
 * feedback, and opens the explanation once the answer is right.
 *
 * Keyboard: Tab to the options, Space to choose, Enter to check, and the
 * number keys 1–9 choose the n-th option of the quiz on the current slide.
 * Keys pressed inside a quiz never reach reveal.js, so Space on the Check
 * button checks instead of moving to the next slide.
 */
import { answerHash, explanationKey, feedbackKey, unseal } from './seal.js';

interface RevealLike {
  getCurrentSlide(): HTMLElement | undefined;
}

interface QuizState {
  form: HTMLFormElement;
  salt: string;
  answers: Set<string>;
  options: HTMLLIElement[];
}

const keysReveal = new Set([' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

function inputOf(option: HTMLLIElement): HTMLInputElement {
  return option.querySelector('input') as HTMLInputElement;
}

function indexOf(option: HTMLLIElement): number {
  return Number(inputOf(option).value);
}

function shuffle(state: QuizState): void {
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

function clear(state: QuizState): void {
  for (const option of state.options) {
    option.classList.remove('is-correct', 'is-wrong');
    inputOf(option).removeAttribute('aria-invalid');
    const feedback = option.querySelector('.quiz-feedback');
    if (feedback) feedback.innerHTML = '';
  }
  state.form.querySelector('.quiz-explanation')?.remove();
  const result = state.form.querySelector('.quiz-result');
  if (result) result.textContent = '';
  state.form.classList.remove('is-answered', 'is-right');
}

function check(state: QuizState): void {
  clear(state);
  const chosen = state.options.filter((option) => inputOf(option).checked);
  const result = state.form.querySelector('.quiz-result');
  if (chosen.length === 0) {
    if (result) result.textContent = 'Choose an answer first.';
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
    if (feedback) feedback.innerHTML = opened ?? (right ? 'Right.' : 'Not this one.');
  }
  const allRight = rightChoices === chosen.length && chosen.length === state.answers.size;
  state.form.classList.add('is-answered');
  state.form.classList.toggle('is-right', allRight);
  if (result) result.textContent = allRight ? 'Correct!' : state.answers.size > 1 ? 'Not quite: check every correct option and no other. Try again.' : 'Not quite. Try again.';
  if (allRight) showExplanation(state, chosen.map(indexOf));
}

function showExplanation(state: QuizState, chosen: number[]): void {
  const sealed = state.form.dataset.explanation;
  const html = sealed ? unseal(sealed, explanationKey(state.salt, chosen)) : undefined;
  if (!html) return;
  const explanation = document.createElement('div');
  explanation.className = 'quiz-explanation';
  explanation.innerHTML = html;
  state.form.appendChild(explanation);
}

function setup(form: HTMLFormElement): QuizState {
  const state: QuizState = {
    form,
    salt: form.dataset.salt ?? '',
    answers: new Set((form.dataset.answers ?? '').split(' ').filter(Boolean)),
    options: Array.from(form.querySelectorAll<HTMLLIElement>('.quiz-option')),
  };
  if (form.dataset.shuffle === 'true') shuffle(state);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check(state);
  });
  form.addEventListener('reset', () => setTimeout(() => clear(state), 0));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      check(state);
    }
    if (keysReveal.has(event.key)) event.stopPropagation();
  });
  return state;
}

/** Choose the n-th option (as shown) of the quiz on the current slide with the number keys. */
function onNumberKey(states: Map<HTMLFormElement, QuizState>, reveal: RevealLike | undefined, event: KeyboardEvent): void {
  if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && !['radio', 'checkbox'].includes(active.type))) return;
  const focused = active?.closest('form.quiz');
  const form = (focused ?? reveal?.getCurrentSlide()?.querySelector('form.quiz')) as HTMLFormElement | null | undefined;
  const state = form ? states.get(form) : undefined;
  const option = state?.options[Number(event.key) - 1];
  if (!option) return;
  const input = inputOf(option);
  input.checked = input.type === 'radio' ? true : !input.checked;
  input.focus();
  event.preventDefault();
  event.stopPropagation();
}

function init(reveal?: RevealLike): void {
  const states = new Map<HTMLFormElement, QuizState>();
  for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form.quiz[data-quiz]'))) states.set(form, setup(form));
  document.addEventListener('keydown', (event) => onNumberKey(states, reveal, event), true);
}

/** The plugin object reveal.js registers (`plugins: [RevealQuiz]`). */
const RevealQuiz = { id: 'quiz', init };

(globalThis as unknown as { RevealQuiz: typeof RevealQuiz }).RevealQuiz = RevealQuiz;
