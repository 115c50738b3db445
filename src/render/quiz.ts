/**
 * A quiz as HTML: a form with the question, then what the student answers
 * with (lettered options with radio buttons or checkboxes, text inputs in
 * the question's blanks, or items to put in order), Check, Reset and Hint
 * buttons and a live result region. Correctness, accepted answers, the
 * right order, feedback and the explanation are written here in the clear,
 * marked for `seal-quizzes.ts`, which replaces them with hashes and sealed
 * text before the page is written. Button texts are string ids, written by
 * `localise.ts` in the deck's language.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import type { State } from 'mdast-util-to-hast';
import type { Quiz, QuizBlank, QuizOption, QuizSummary } from '../types.js';

/** Property names and classes the sealing pass reads and removes. */
export const clearMarks = {
  correct: 'dataQuizCorrect',
  rank: 'dataQuizRank',
  accepts: 'dataQuizAccepts',
  feedback: 'quiz-feedback-source',
  explanation: 'quiz-explanation-source',
};

const kinds = { choice: undefined, fill: 'fill', order: 'order' } as const;

/** Render a quiz node. */
export function quiz(state: State, node: Quiz): Element {
  const question = node.children.filter((child) => child.type !== 'quizOption');
  const options = node.children.filter((child): child is QuizOption => child.type === 'quizOption');
  const questionId = `${node.id}-question`;
  // A quiz whose question is the slide's heading is labelled by that text.
  const label = question.length > 0 ? { ariaLabelledby: questionId } : { ariaLabel: node.title };
  const children: ElementContent[] = [h('div.quiz-question', { id: questionId }, state.all({ type: 'root', children: question } as never))];
  if (node.kind === 'choice') children.push(choices(state, node, options, label));
  if (node.kind === 'order') children.push(h('p.quiz-order-help', { dataString: 'quiz.orderHelp' }), orderItems(state, options, label));
  children.push(actions(node), ...hint(state, node), h('div.quiz-result', { role: 'status', ariaLive: 'polite' }));
  if (node.explanation) children.push(h(`div.${clearMarks.explanation}`, { hidden: true }, state.all({ type: 'root', children: node.explanation } as never)));
  const kind = kinds[node.kind] ?? (node.multiple ? 'multiple' : 'single');
  const form = h(
    node.kind === 'choice' ? 'form.quiz' : `form.quiz.quiz-${node.kind}`,
    { id: node.id, dataQuiz: '', dataKind: kind, dataShuffle: node.shuffle && node.kind === 'choice' ? 'true' : undefined, lang: node.lang, ...label },
    children,
  );
  state.patch(node, form);
  return form;
}

function actions(node: Quiz): Element {
  const buttons = [h('button.quiz-check', { type: 'submit', dataString: 'quiz.check' }), h('button.quiz-reset', { type: 'reset', dataString: 'quiz.reset' })];
  if (node.hint) buttons.push(h('button.quiz-hint-button', { type: 'button', ariaExpanded: 'false', ariaControls: `${node.id}-hint`, dataString: 'quiz.hint' }));
  return h('div.quiz-actions', buttons);
}

function hint(state: State, node: Quiz): Element[] {
  if (!node.hint) return [];
  return [h('div.quiz-hint', { id: `${node.id}-hint`, hidden: true }, state.all({ type: 'root', children: node.hint } as never))];
}

function choices(state: State, quiz: Quiz, options: QuizOption[], label: Properties): Element {
  return h(
    'ol.quiz-options',
    { role: quiz.multiple ? 'group' : 'radiogroup', ...label },
    options.map((option, index) => {
      const input = h('input', { type: quiz.multiple ? 'checkbox' : 'radio', name: quiz.id, value: String(index) });
      const text = h('label', [input, h('span.quiz-letter', { ariaHidden: 'true' }, option.letter), ' ', h('span.quiz-text', state.all(option))]);
      const item = h('li.quiz-option', { [clearMarks.correct]: option.correct ? 'true' : undefined }, [text, h('div.quiz-feedback', { ariaLive: 'polite' })]);
      if (option.feedback) item.children.push(feedback(state, option.feedback));
      state.patch(option, item);
      return item;
    }),
  );
}

function feedback(state: State, value: NonNullable<QuizOption['feedback']>): Element {
  const content = typeof value === 'string' ? value : state.all({ type: 'root', children: value } as never);
  return h(`div.${clearMarks.feedback}`, { hidden: true }, content);
}

/** The items of an ordering question, in source (right) order: the sealing pass shuffles them. */
function orderItems(state: State, options: QuizOption[], label: Properties): Element {
  return h(
    'ol.quiz-options.quiz-order-items',
    label,
    options.map((option) => {
      const moves = h('span.quiz-moves', [
        h('button.quiz-up', { type: 'button', dataStringLabel: 'quiz.moveUp' }, '↑'),
        h('button.quiz-down', { type: 'button', dataStringLabel: 'quiz.moveDown' }, '↓'),
      ]);
      const item = h('li.quiz-option.quiz-order-item', { [clearMarks.rank]: String(option.rank ?? 0) }, [
        h('span.quiz-letter', { ariaHidden: 'true' }, option.letter),
        ' ',
        h('span.quiz-text', state.all(option)),
        moves,
      ]);
      state.patch(option, item);
      return item;
    }),
  );
}

/** A blank: a text input holding its accepted answers until they are sealed. */
export function quizBlank(state: State, node: QuizBlank): Element {
  const input = h('input.quiz-blank', {
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellCheck: 'false',
    size: 12,
    dataStringLabel: 'quiz.blank',
    dataStringN: String(node.index ?? 1),
    [clearMarks.accepts]: JSON.stringify(node.answers),
  });
  state.patch(node, input);
  return input;
}

/** Where the plugin writes the deck's score. */
export function quizSummary(state: State, node: QuizSummary): Element {
  const element = h('div.quiz-score', { dataQuizSummary: '', role: 'status', ariaLive: 'polite' }, [h('p', { dataString: 'quiz.summaryEmpty' })]);
  state.patch(node, element);
  return element;
}
