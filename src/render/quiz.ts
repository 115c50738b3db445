/**
 * A quiz as HTML: a form with the question, lettered options (radio buttons
 * for one answer, checkboxes for several), Check and Reset buttons and a
 * live result region. Correctness, feedback and the explanation are written
 * here in the clear, marked for `seal-quizzes.ts`, which replaces them with
 * hashes and sealed text before the page is written.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { State } from 'mdast-util-to-hast';
import type { Quiz, QuizOption } from '../types.js';

/** Property names the sealing pass reads and removes. */
export const clearMarks = { correct: 'dataQuizCorrect', feedback: 'quiz-feedback-source', explanation: 'quiz-explanation-source' };

/** Render a quiz node. */
export function quiz(state: State, node: Quiz): Element {
  const question = node.children.filter((child) => child.type !== 'quizOption');
  const options = node.children.filter((child): child is QuizOption => child.type === 'quizOption');
  const questionId = `${node.id}-question`;
  // A quiz whose question is the slide's heading is labelled by that text.
  const label = question.length > 0 ? { ariaLabelledby: questionId } : { ariaLabel: node.title };
  const children: ElementContent[] = [
    h('div.quiz-question', { id: questionId }, state.all({ type: 'root', children: question } as never)),
    h(
      'ol.quiz-options',
      { role: node.multiple ? 'group' : 'radiogroup', ...label },
      options.map((option, index) => quizOption(state, node, option, index)),
    ),
    h('div.quiz-actions', [h('button.quiz-check', { type: 'submit' }, 'Check'), h('button.quiz-reset', { type: 'reset' }, 'Reset')]),
    h('div.quiz-result', { role: 'status', ariaLive: 'polite' }),
  ];
  if (node.explanation) children.push(h(`div.${clearMarks.explanation}`, { hidden: true }, state.all({ type: 'root', children: node.explanation } as never)));
  const form = h(
    'form.quiz',
    { id: node.id, dataQuiz: '', dataKind: node.multiple ? 'multiple' : 'single', dataShuffle: node.shuffle ? 'true' : undefined, ...label },
    children,
  );
  state.patch(node, form);
  return form;
}

function quizOption(state: State, quiz: Quiz, option: QuizOption, index: number): Element {
  const input = h('input', { type: quiz.multiple ? 'checkbox' : 'radio', name: quiz.id, value: String(index) });
  const label = h('label', [input, h('span.quiz-letter', { ariaHidden: 'true' }, option.letter), ' ', h('span.quiz-text', state.all(option))]);
  const item = h('li.quiz-option', { [clearMarks.correct]: option.correct ? 'true' : undefined }, [label, h('div.quiz-feedback', { ariaLive: 'polite' })]);
  if (option.feedback) item.children.push(h(`div.${clearMarks.feedback}`, { hidden: true }, option.feedback));
  state.patch(option, item);
  return item;
}
