/**
 * Recognise every form of multiple-choice question on the tree and make it
 * one `quiz` node: task-list quizzes (course notes), `::: quiz` divs (our
 * form), Quarto's `.quiz-question` slides. Questions whose options are not
 * marked stay ordinary content and are reported. Runs before the slide
 * model, so the rule inside a task-list quiz never splits a slide.
 */
import type { Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { FencedDiv, Quiz, QuizKey } from '../types.js';
import { fencedQuiz, isQuizDiv } from './quiz/fenced.js';
import { quartoQuizzes } from './quiz/quarto.js';
import { taskListQuizzes } from './quiz/task-list.js';
import { reportUnmarkedQuestions } from './quiz/unmarked.js';
import { computeSlideLevel } from './slides.js';

/** Remark plugin: recognise quizzes; sets `file.data.quizzes`. */
export function quizzes() {
  return (tree: Root, file: VFile): undefined => {
    const slideLevel = file.data.meta?.slideLevel ?? computeSlideLevel(tree.children);
    recognise(tree, slideLevel, file);
    file.data.quizzes = numberQuizzes(tree);
  };
}

/** Blocks inside these divs are never quizzes: speaker notes, and questions a dialect rule marked as learning goals. */
function isOpaque(div: FencedDiv): boolean {
  return div.attributes.classes.includes('notes') || div.data?.notQuiz === true;
}

function recognise(parent: Parent, slideLevel: number, file: VFile): void {
  const children = (parent.children as RootContent[]).map((child) => {
    if (child.type !== 'fencedDiv' || isOpaque(child)) return child;
    if (isQuizDiv(child)) return fencedQuiz(child, file) ?? child;
    recognise(child, slideLevel, file);
    return child;
  });
  const found = taskListQuizzes(quartoQuizzes(children, file), slideLevel, file);
  reportUnmarkedQuestions(found, file);
  parent.children = found;
}

/** Number the quizzes in document order (`quiz-1` …) and list them for the answer keys. */
function numberQuizzes(tree: Root): QuizKey[] {
  const keys: QuizKey[] = [];
  visit(tree, 'quiz', (quiz: Quiz) => {
    quiz.id = `quiz-${keys.length + 1}`;
    const options = quiz.children.flatMap((child) => (child.type === 'quizOption' ? [child] : []));
    for (const option of options) option.id = `${quiz.id}/${option.letter.toLowerCase()}`;
    keys.push({
      id: quiz.id,
      title: quiz.title,
      question: quiz.children.flatMap((child) => (child.type === 'quizOption' ? [] : [toString(child)])).join('\n').trim() || quiz.title,
      multiple: quiz.multiple,
      options: options.map((option) => ({
        id: option.id,
        letter: option.letter,
        text: toString(option).trim(),
        correct: option.correct,
        feedback: option.feedback,
      })),
      explanation: quiz.explanation?.map((block) => toString(block)).join('\n').trim(),
      line: quiz.position?.start.line ?? 0,
      column: quiz.position?.start.column ?? 0,
    });
  });
  return keys;
}
