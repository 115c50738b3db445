/**
 * Recognise every form of question on the tree and make it one `quiz` node:
 * task-list quizzes (course notes, DataCamp-style exercises), `::: quiz`
 * divs (our form), Quarto's `.quiz-question` slides (quarto-quiz,
 * learntest), naquiz's `.question` divs, mkdocs-quiz `<quiz>` blocks,
 * quizdown code blocks, and lettered options with an explicit key.
 * Questions whose options are not marked stay ordinary content and are
 * reported. Runs before the slide model, so the rule inside a task-list quiz
 * never splits a slide.
 */
import type { BlockContent, Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { FencedDiv, Quiz, QuizBlank, QuizKey, QuizOption } from '../types.js';
import { fencedQuiz, isQuizDiv } from './quiz/fenced.js';
import { isPossibleAnswers, isQuestionLabel } from './quiz/labels.js';
import { letteredQuizzes, type LetteredState } from './quiz/lettered.js';
import { mkdocsQuizzes } from './quiz/mkdocs.js';
import { naquizQuizzes } from './quiz/naquiz.js';
import { quartoQuizzes } from './quiz/quarto.js';
import { isQuizdown, quizdownQuizzes } from './quiz/quizdown.js';
import { taskListQuizzes } from './quiz/task-list.js';
import { reportUnmarkedQuestions } from './quiz/unmarked.js';
import { computeSlideLevel } from './slides.js';

/** Remark plugin: recognise quizzes; sets `file.data.quizzes`. */
export function quizzes() {
  return (tree: Root, file: VFile): undefined => {
    const slideLevel = file.data.meta?.slideLevel ?? computeSlideLevel(tree.children.map(asContent));
    recognise(tree, slideLevel, file);
    const lettered: LetteredState = { count: 0 };
    recogniseLettered(tree, slideLevel, lettered, file);
    reportUnusedAnswers(lettered, file);
    file.data.quizzes = numberQuizzes(tree);
  };
}

/**
 * Exercise label headings (`### Question`, `### Possible Answers`) are
 * part of the quiz they frame, not slide titles: the slide level is computed
 * as if they were text, as it will be once the quiz has taken them.
 */
function asContent(node: RootContent): RootContent {
  return node.type === 'heading' && (isQuestionLabel(node) || isPossibleAnswers(node)) ? { type: 'paragraph', children: [] } : node;
}

/** Blocks inside these divs are never quizzes: speaker notes, and questions a dialect rule marked as learning goals. */
function isOpaque(div: FencedDiv): boolean {
  return div.attributes.classes.includes('notes') || div.data?.notQuiz === true;
}

function recognise(parent: Parent, slideLevel: number, file: VFile): void {
  let children = (parent.children as RootContent[]).flatMap((child): RootContent[] => {
    if (isQuizdown(child)) return quizdownQuizzes(child, file);
    if (child.type !== 'fencedDiv' || isOpaque(child)) return [child];
    if (isQuizDiv(child)) return [fencedQuiz(child, file) ?? child];
    recognise(child, slideLevel, file);
    return [child];
  });
  children = mkdocsQuizzes(children, file);
  children = naquizQuizzes(children, file);
  children = quartoQuizzes(children, file);
  children = taskListQuizzes(children, slideLevel, file);
  reportUnmarkedQuestions(children, file);
  parent.children = children;
}

/** Lettered questions are numbered in document order (the answers file counts them), so they get a pass of their own. */
function recogniseLettered(parent: Parent, slideLevel: number, state: LetteredState, file: VFile): void {
  const descend = (child: RootContent) => {
    if (child.type === 'fencedDiv' && !isOpaque(child)) recogniseLettered(child, slideLevel, state, file);
  };
  parent.children = letteredQuizzes(parent.children as RootContent[], slideLevel, state, file, descend);
}

function reportUnusedAnswers(state: LetteredState, file: VFile): void {
  const answers = file.data.answerFile;
  if (!answers) return;
  const numbers = Object.keys(answers.answers).map(Number);
  const extra = numbers.filter((number) => number > state.count);
  if (extra.length === 0) return;
  const have = state.count === 1 ? '1 lettered question' : `${state.count} lettered questions`;
  report(file, `\`${answers.path}\` gives answers up to question ${Math.max(...numbers)}, but this lecture has ${have}; the answers are matched to the questions in order`, rules.quizAnswerKey, undefined);
}

/** Number the quizzes in document order (`quiz-1` …) and list them for the answer keys. */
function numberQuizzes(tree: Root): QuizKey[] {
  const keys: QuizKey[] = [];
  visit(tree, 'quiz', (quiz: Quiz) => {
    quiz.id = `quiz-${keys.length + 1}`;
    const options = quiz.children.flatMap((child) => (child.type === 'quizOption' ? [child] : []));
    for (const option of options) option.id = `${quiz.id}/${option.letter.toLowerCase()}`;
    keys.push(keyOf(quiz, options));
  });
  return keys;
}

/** The text of a block, with `____` for each blank. */
function plainText(node: Nodes): string {
  if (node.type === 'quizBlank') return '____';
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return 'value' in node && typeof node.value === 'string' ? node.value : '';
}

function keyOf(quiz: Quiz, options: QuizOption[]): QuizKey {
  const question = quiz.children.filter((child): child is BlockContent => child.type !== 'quizOption');
  const blanks: QuizBlank[] = [];
  for (const block of question) {
    visit(block, 'quizBlank', (blank: QuizBlank) => {
      blanks.push(blank);
      blank.index = blanks.length;
    });
  }
  return {
    id: quiz.id,
    kind: quiz.kind,
    form: quiz.form,
    title: quiz.title,
    question: question.map(plainText).join('\n').trim() || quiz.title,
    multiple: quiz.multiple,
    options: options.map((option) => ({
      id: option.id,
      letter: option.letter,
      text: toString(option).trim(),
      correct: option.correct,
      rank: option.rank,
      feedback: typeof option.feedback === 'string' ? option.feedback : option.feedback?.map((block) => toString(block)).join('\n'),
    })),
    blanks: quiz.kind === 'fill' ? blanks.map((blank, index) => ({ id: `${quiz.id}/blank-${index + 1}`, answers: blank.answers })) : undefined,
    order: quiz.kind === 'order' ? [...options].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((option) => option.id) : undefined,
    hint: quiz.hint?.map((block) => toString(block)).join('\n').trim(),
    explanation: quiz.explanation?.map((block) => toString(block)).join('\n').trim(),
    line: quiz.position?.start.line ?? 0,
    column: quiz.position?.start.column ?? 0,
  };
}
