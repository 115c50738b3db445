/**
 * Quizzes checked by the classroom server (`data-check="server"`): the page
 * holds nothing to check an answer with, so Check sends the answer instead,
 * as a `lecture:answer` event the classroom client picks up; what comes back
 * (received, revealed right or wrong) is shown by that client.
 */
import { inputOf } from './choice.js';
import { clearShown, message, say, type QuizState } from './state.js';

/** An answer as sent: chosen option indices, the text of each blank, or the ordering items' tokens in the order shown. */
export type RemoteAnswer = { choices: number[] } | { blanks: string[] } | { order: string[] };

/** Whether the quiz of `state` is checked by the server. */
export function isRemote(state: QuizState): boolean {
  return state.form.dataset.check === 'server';
}

/** The answer the quiz shows now, or `undefined` (with a message) when there is none yet. */
function answerOf(state: QuizState): RemoteAnswer | undefined {
  if (state.kind === 'fill') {
    const blanks = Array.from(state.form.querySelectorAll<HTMLInputElement>('input.quiz-blank')).map((blank) => blank.value);
    if (blanks.some((value) => value.trim() === '')) return say(state, message(state.form, 'quiz.fillFirst')), undefined;
    return { blanks };
  }
  if (state.kind === 'order') return { order: state.options.map((item) => item.dataset.item ?? '') };
  const choices = state.options.filter((option) => inputOf(option).checked).map((option) => Number(inputOf(option).value));
  if (choices.length === 0) return say(state, message(state.form, 'quiz.chooseFirst')), undefined;
  return { choices };
}

/** Send the quiz's answer to whoever listens (the classroom client). */
export function sendAnswer(state: QuizState): void {
  clearShown(state);
  const answer = answerOf(state);
  if (!answer) return;
  state.form.dispatchEvent(new CustomEvent('lecture:answer', { bubbles: true, detail: answer }));
}
