/**
 * Task-list quizzes, as course notes write them:
 *
 *     ### Where do images live?      (a heading below the slide level, optional)
 *     Which answer is right?         (question paragraphs)
 *     ---                            (optional, with the line below)
 *     Possible Answers
 *     - [ ] On the client only
 *     - [x] In a registry
 *     Right: images are pulled …     (optional feedback)
 *
 * The rule inside such a quiz is not a slide break. A task list is a quiz only
 * when a question precedes it; an all-checked list with no question is a
 * checklist, and an unchecked one is a to-do list.
 */
import type { BlockContent, List, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Quiz } from '../../types.js';
import { createQuiz, itemContent } from './create.js';

/** A question: ends with `?`, or starts by telling students to choose. */
export function isQuestion(node: Nodes | undefined): boolean {
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return false;
  const text = toString(node).trim();
  return text.endsWith('?') || /^(choose|select|pick|mark|tick)\b/i.test(text);
}

function isPossibleAnswers(node: Nodes | undefined): boolean {
  return node?.type === 'paragraph' && /^possible answers:?$/i.test(toString(node).trim());
}

/** Feedback after the options: "Right: …", "Correct: …", "Answer: …", "Explanation: …". */
function isFeedback(node: Nodes | undefined): boolean {
  return node?.type === 'paragraph' && /^(right|correct|answer|explanation|because|feedback|solution)\b/i.test(toString(node).trim());
}

function isTaskList(node: Nodes | undefined): node is List {
  return node?.type === 'list' && node.children.length > 0 && node.children.every((item) => typeof item.checked === 'boolean');
}

/** Turn the task-list quizzes among `children` into quiz nodes. */
export function taskListQuizzes(children: RootContent[], slideLevel: number, file: VFile): RootContent[] {
  const result = [...children];
  for (let index = 0; index < result.length; index++) {
    const list = result[index];
    if (!isTaskList(list)) continue;
    const found = findQuestion(result, index, slideLevel);
    if (!found) continue;
    const { start, question, headingText } = found;
    const feedback = isFeedback(result[index + 1]) ? [result[index + 1] as BlockContent] : undefined;
    const quiz: Quiz | undefined = createQuiz(
      {
        form: 'task-list',
        question,
        headingText,
        options: list.children.map((item) => ({ item, correct: item.checked === true, content: itemContent(item) })),
        shuffle: false,
        explanation: feedback,
        place: { position: question[0]?.position ?? list.position },
      },
      file,
    );
    if (!quiz) continue;
    const end = index + (feedback ? 2 : 1);
    result.splice(start, end - start, quiz);
    index = start;
  }
  return result;
}

interface Question {
  start: number;
  question: BlockContent[];
  headingText?: string | undefined;
}

/** The question before the list at `index`, walking back over "Possible Answers" and a rule. */
function findQuestion(blocks: RootContent[], index: number, slideLevel: number): Question | undefined {
  let cursor = index - 1;
  const marker = isPossibleAnswers(blocks[cursor]);
  if (marker) cursor--;
  const rule = blocks[cursor]?.type === 'thematicBreak' && (marker || isQuestion(blocks[cursor - 1]));
  if (rule) cursor--;
  const question: BlockContent[] = [];
  while (cursor >= 0 && question.length < 4) {
    const block = blocks[cursor]!;
    const isSubHeading = block.type === 'heading' && block.depth > slideLevel;
    if (block.type !== 'paragraph' && !isSubHeading) break;
    question.unshift(block as BlockContent);
    cursor--;
    if (isSubHeading) break;
  }
  const heading = blocks[cursor];
  const headingText = heading?.type === 'heading' && isQuestion(heading) ? toString(heading) : undefined;
  // A rule with no question before it is a slide break, not part of a quiz.
  if (question.length === 0 && rule) return undefined;
  if (!marker && !question.some(isQuestion) && !headingText) return undefined;
  return { start: cursor + 1, question, headingText };
}
