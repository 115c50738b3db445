/**
 * Ordering questions in the browser: each item has Move up / Move down
 * buttons, and Alt+↑ / Alt+↓ move the item that has the focus; a live
 * message says where it went. The order is right when its hash is the one
 * on the form; the explanation opens with the right order.
 */
import { orderExplanationKey, orderHash, unseal } from './seal.js';
import { clearShown, message, say, settle, showExplanation, type QuizState } from './state.js';

function sequenceOf(state: QuizState): number[] {
  return state.options.map((item) => Number(item.dataset.index));
}

/** Move `item` by `step` (−1 up, +1 down); keeps the focus on the same control. */
function move(state: QuizState, item: HTMLLIElement, step: number, focus: HTMLElement | null): void {
  const from = state.options.indexOf(item);
  const to = from + step;
  if (from === -1 || to < 0 || to >= state.options.length) return;
  state.options.splice(from, 1);
  state.options.splice(to, 0, item);
  const list = item.parentElement!;
  for (const option of state.options) list.appendChild(option);
  state.options.forEach((option, position) => {
    const letter = option.querySelector('.quiz-letter');
    if (letter) letter.textContent = String.fromCharCode(65 + position);
  });
  clearShown(state);
  focus?.focus();
  const text = item.querySelector('.quiz-text')?.textContent?.trim() ?? '';
  say(state, message(state.form, 'quiz.moved', { item: text, n: to + 1, total: state.options.length }));
}

/** Wire the move buttons and keys of an ordering question. */
export function setupOrder(state: QuizState): void {
  for (const item of state.options) {
    item.querySelector('.quiz-up')?.addEventListener('click', (event) => move(state, item, -1, event.currentTarget as HTMLElement));
    item.querySelector('.quiz-down')?.addEventListener('click', (event) => move(state, item, 1, event.currentTarget as HTMLElement));
    item.addEventListener('keydown', (event) => {
      if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      move(state, item, event.key === 'ArrowUp' ? -1 : 1, document.activeElement as HTMLElement | null);
    });
  }
}

/** Check the order shown. */
export function checkOrder(state: QuizState): void {
  clearShown(state);
  const sequence = sequenceOf(state);
  const right = state.answers.has(orderHash(state.salt, sequence));
  for (const item of state.options) item.classList.add(right ? 'is-correct' : 'is-wrong');
  settle(state, right);
  say(state, message(state.form, right ? 'quiz.correct' : 'quiz.wrongOrder'));
  if (!right) return;
  const sealed = state.form.dataset.explanation;
  showExplanation(state, sealed ? unseal(sealed, orderExplanationKey(state.salt, sequence)) : undefined);
}
