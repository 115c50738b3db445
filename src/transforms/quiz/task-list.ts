/**
 * Task-list quizzes, as course notes and DataCamp-style exercises write them:
 *
 *     ### Where do images live?      (a heading below the slide level, optional)
 *     Question                       (a label, optional: `**Question**`, `### Question`)
 *     Which answer is right?         (question paragraphs, or a `>` blockquote)
 *     ---                            (optional, with the line below)
 *     Possible Answers               (optional; `**Possible answers**`, a heading)
 *     - [ ] On the client only
 *     - [x] In a registry
 *     Right: images are pulled …     (optional feedback)
 *
 * The rule inside such a quiz is not a slide break. A task list is a quiz only
 * when a question precedes it (a label, a "Possible Answers" line, or text
 * that reads as a question); an all-checked list with no question is a
 * checklist, and stays one.
 */
import type { BlockContent, List, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Quiz } from '../../types.js';
import { createQuiz, itemContent } from './create.js';
import { isPossibleAnswers, isQuestion, isQuestionLabel, withoutAnswersLine, withoutLabelLine, withoutTrailingMarker } from './labels.js';

export { isQuestion } from './labels.js';

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
        options: list.children.map((item) => ({ place: item, correct: item.checked === true, content: itemContent(item) })),
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

/** What walking back from the options found. */
interface Walk {
  cursor: number;
  question: BlockContent[];
  labelled: boolean;
}

/** The question before the list at `index`, walking back over "Possible Answers", a rule and a "Question" label. */
function findQuestion(blocks: RootContent[], index: number, slideLevel: number): Question | undefined {
  let cursor = index - 1;
  let marker = isPossibleAnswers(blocks[cursor]);
  if (marker) cursor--;
  const before = blocks[cursor];
  // "Possible Answers" with no blank line before the options ends the block above it.
  const swallowed = !marker && before?.type === 'blockquote' ? withoutTrailingMarker(before) : !marker && before?.type === 'paragraph' ? withoutAnswersLine(before) : undefined;
  if (swallowed) marker = true;
  const rule = !swallowed && blocks[cursor]?.type === 'thematicBreak' && (marker || isQuestion(blocks[cursor - 1] as Nodes | undefined));
  if (rule) cursor--;
  const walk = walkQuestion(blocks, cursor, slideLevel, swallowed);
  const heading = blocks[walk.cursor];
  const headingText = heading?.type === 'heading' && isQuestion(heading) ? toString(heading) : undefined;
  // A rule with no question before it is a slide break, not part of a quiz.
  if (walk.question.length === 0 && rule) return undefined;
  if (!marker && !walk.labelled && !walk.question.some((block) => isQuestion(block)) && !headingText) return undefined;
  return { start: walk.cursor + 1, question: walk.question, headingText };
}

/** Collect the question's blocks from `cursor` backwards: paragraphs, a blockquote (unwrapped), a sub-heading, up to a label. */
function walkQuestion(blocks: RootContent[], start: number, slideLevel: number, swallowed: BlockContent | undefined): Walk {
  const question: BlockContent[] = [];
  let cursor = start;
  let labelled = false;
  while (cursor >= 0 && question.length < 4) {
    const block = cursor === start && swallowed ? swallowed : blocks[cursor]!;
    const isSubHeading = block.type === 'heading' && block.depth > slideLevel;
    if (isQuestionLabel(block) && (block.type === 'paragraph' || isSubHeading)) {
      labelled = true;
      cursor--;
      break;
    }
    if (block.type === 'paragraph' && withoutLabelLine(block)) {
      question.unshift(withoutLabelLine(block)!);
      labelled = true;
      cursor--;
      break;
    }
    if (block.type === 'blockquote') question.unshift(...(block.children as BlockContent[]));
    else if (block.type === 'paragraph' || isSubHeading) question.unshift(block as Paragraph);
    else break;
    cursor--;
    if (isSubHeading) break;
  }
  return { cursor, question, labelled };
}
