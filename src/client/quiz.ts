/**
 * The quiz plugin for reveal.js, compiled for the browser into
 * `_assets/quiz/quiz.js`. Each `form.quiz` is checked against what the
 * build left in the page (hashes and sealed tokens, never the answers):
 * choice quizzes (`choice.ts`), fill-in-the-blank (`fill.ts`) and ordering
 * questions (`order.ts`). A `.quiz-score` shows how many quizzes of the
 * deck were answered right.
 *
 * Keyboard: Tab to the options, blanks or items, Space to choose, Enter to
 * check, the number keys 1–9 choose the n-th option of the choice quiz on
 * the current slide, Alt+↑ / Alt+↓ move an item of an ordering question.
 * Keys pressed inside a quiz never reach reveal.js, so Space on the Check
 * button checks instead of moving to the next slide.
 */
import { checkChoice, inputOf, shuffleOptions } from './choice.js';
import { checkFill } from './fill.js';
import { checkOrder, setupOrder } from './order.js';
import { isRemote, sendAnswer } from './remote.js';
import { clearShown, message, type QuizState } from './state.js';

interface RevealLike {
  getCurrentSlide(): HTMLElement | undefined;
}

const keysReveal = new Set([' ', 'Enter', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

function check(state: QuizState): void {
  if (isRemote(state)) sendAnswer(state);
  else if (state.kind === 'fill') checkFill(state);
  else if (state.kind === 'order') checkOrder(state);
  else checkChoice(state);
}

/** Back to the state the page loaded in: nothing chosen, blanks empty, items in their first order. */
function reset(state: QuizState): void {
  clearShown(state);
  if (state.kind !== 'order') return;
  state.options.sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  state.options.forEach((item, position) => {
    item.parentElement?.appendChild(item);
    const letter = item.querySelector('.quiz-letter');
    if (letter) letter.textContent = String.fromCharCode(65 + position);
  });
}

function toggleHint(form: HTMLFormElement, button: HTMLButtonElement): void {
  const hint = form.querySelector<HTMLElement>('.quiz-hint');
  if (!hint) return;
  hint.hidden = !hint.hidden;
  button.setAttribute('aria-expanded', String(!hint.hidden));
}

function setup(form: HTMLFormElement, onChange: () => void): QuizState {
  const kind = (form.dataset.kind ?? 'single') as QuizState['kind'];
  const state: QuizState = {
    form,
    kind,
    salt: form.dataset.salt ?? '',
    answers: new Set((form.dataset.answers ?? '').split(' ').filter(Boolean)),
    options: Array.from(form.querySelectorAll<HTMLLIElement>('.quiz-option')),
    solved: false,
  };
  if (form.dataset.shuffle === 'true') shuffleOptions(state);
  if (kind === 'order') setupOrder(state);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check(state);
    onChange();
  });
  form.addEventListener('reset', () => setTimeout(() => reset(state), 0));
  const hintButton = form.querySelector<HTMLButtonElement>('.quiz-hint-button');
  hintButton?.addEventListener('click', () => toggleHint(form, hintButton));
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      check(state);
      onChange();
    }
    if (keysReveal.has(event.key)) event.stopPropagation();
  });
  return state;
}

/** Choose the n-th option (as shown) of the choice quiz on the current slide with the number keys. */
function onNumberKey(states: Map<HTMLFormElement, QuizState>, reveal: RevealLike | undefined, event: KeyboardEvent): void {
  if (!/^[1-9]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey) return;
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && !['radio', 'checkbox'].includes(active.type))) return;
  const focused = active?.closest('form.quiz');
  const form = (focused ?? reveal?.getCurrentSlide()?.querySelector('form.quiz[data-kind="single"], form.quiz[data-kind="multiple"]')) as HTMLFormElement | null | undefined;
  const state = form ? states.get(form) : undefined;
  if (!state || (state.kind !== 'single' && state.kind !== 'multiple')) return;
  const option = state.options[Number(event.key) - 1];
  if (!option) return;
  const input = inputOf(option);
  input.checked = input.type === 'radio' ? true : !input.checked;
  input.focus();
  event.preventDefault();
  event.stopPropagation();
}

/** Write the score into every `.quiz-score` (a `{.quiz-summary}` slide holds one). */
function updateSummaries(states: Map<HTMLFormElement, QuizState>): void {
  const all = [...states.values()];
  const right = all.filter((state) => state.solved).length;
  for (const summary of Array.from(document.querySelectorAll<HTMLElement>('[data-quiz-summary]'))) {
    const percent = all.length === 0 ? 0 : Math.round((100 * right) / all.length);
    summary.textContent = message(summary, 'quiz.summary', { right, total: all.length, percent });
  }
}

function init(reveal?: RevealLike): void {
  const states = new Map<HTMLFormElement, QuizState>();
  const onChange = () => updateSummaries(states);
  for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form.quiz[data-quiz]'))) states.set(form, setup(form, onChange));
  document.addEventListener('keydown', (event) => onNumberKey(states, reveal, event), true);
}

/** The plugin object reveal.js registers (`plugins: [RevealQuiz]`). */
const RevealQuiz = { id: 'quiz', init };

(globalThis as unknown as { RevealQuiz: typeof RevealQuiz }).RevealQuiz = RevealQuiz;
