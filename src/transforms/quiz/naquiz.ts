/**
 * The naquiz form (a Quarto filter), fenced divs all the way down:
 *
 *     :::::{.question}
 *     Bill Gates was the founder of:
 *     ::::{.choices}
 *     :::{.choice}
 *     Apple
 *     :::
 *     :::{.choice .correct-choice}
 *     Microsoft
 *     :::
 *     ::::
 *     :::::
 *     :::{.button-hint title="Show hint"}
 *     The name starts with an M.
 *     :::
 *     :::{.button-answer}
 *     Bill Gates and Paul Allen founded Microsoft in 1975.
 *     :::
 *
 * The `.button-hint` and `.button-answer` divs, inside the question or right
 * after it, are the hint and the explanation; `.button-clear` is our Reset.
 */
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { FencedDiv } from '../../types.js';
import { createQuiz, isCorrectMark, type OptionDraft } from './create.js';

function hasClass(node: RootContent | undefined, name: string): node is FencedDiv {
  return node?.type === 'fencedDiv' && node.attributes.classes.includes(name);
}

/** Whether `node` is a naquiz `.question` div (one holding `.choices`). */
export function isNaquizQuestion(node: RootContent | undefined): node is FencedDiv {
  return hasClass(node, 'question') && node.children.some((child) => hasClass(child, 'choices'));
}

/** Turn the naquiz questions among `children` into quiz nodes. */
export function naquizQuizzes(children: RootContent[], file: VFile): RootContent[] {
  const result = [...children];
  for (let index = 0; index < result.length; index++) {
    const div = result[index];
    if (!isNaquizQuestion(div)) continue;
    const inside = div.children as RootContent[];
    const choices = inside.find((child) => hasClass(child, 'choices')) as FencedDiv;
    let after = index + 1;
    while (hasClass(result[after], 'button-hint') || hasClass(result[after], 'button-answer')) after++;
    const buttons = [...inside, ...result.slice(index + 1, after)];
    const hint = buttons.find((child) => hasClass(child, 'button-hint')) as FencedDiv | undefined;
    const answer = buttons.find((child) => hasClass(child, 'button-answer')) as FencedDiv | undefined;
    const quiz = createQuiz(
      {
        form: 'naquiz',
        question: inside.filter((child) => child !== choices && child !== hint && child !== answer) as BlockContent[],
        options: (choices.children as RootContent[]).filter((child) => hasClass(child, 'choice')).map((child) => choiceOf(child as FencedDiv)),
        shuffle: false,
        hint: hint?.children as BlockContent[] | undefined,
        explanation: answer?.children as BlockContent[] | undefined,
        place: div,
      },
      file,
    );
    if (quiz) result.splice(index, after - index, quiz);
  }
  return result;
}

/** One `.choice` div as an option: its paragraphs, joined by line breaks. */
function choiceOf(div: FencedDiv): OptionDraft {
  const content: PhrasingContent[] = [];
  for (const block of div.children) {
    if (block.type !== 'paragraph') continue;
    if (content.length > 0) content.push({ type: 'break' });
    content.push(...block.children);
  }
  return { place: div, correct: isCorrectMark(div.attributes), content };
}
