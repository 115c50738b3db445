/**
 * Our recommended form, a fenced div:
 *
 *     ::: {.quiz multiple=true shuffle=true}
 *     Which commands create a layer?
 *     - [x] `RUN`
 *     - [x] `COPY`
 *     - [ ] `CMD`
 *     ::: explanation
 *     Only instructions that change files add a layer.
 *     :::
 *     :::
 *
 * Correct options are checked (`[x]`), or marked `{.correct}` after the option
 * or on a span around it (`[RUN]{.correct}`); `feedback="…"` on either gives
 * the option its own feedback. A `::: hint` div is the hint. With no list and
 * `[[answer]]` blanks in the question it is a fill-in-the-blank question;
 * with `.order` (or `order=true`) its list, in the right order, is an
 * ordering question.
 */
import type { BlockContent, List, ListItem, PhrasingContent } from 'mdast';
import type { VFile } from 'vfile';
import type { FencedDiv, Quiz } from '../../types.js';
import { parseBlanks } from './blanks.js';
import { createQuiz, feedbackOf, isCorrectMark, itemContent, type OptionDraft } from './create.js';

/** Whether `div` is a `::: quiz`. */
export function isQuizDiv(div: FencedDiv): boolean {
  return div.attributes.classes.includes('quiz');
}

function takeDiv(blocks: BlockContent[], name: string): FencedDiv | undefined {
  const index = blocks.findIndex((child) => child.type === 'fencedDiv' && child.attributes.classes.includes(name));
  return index === -1 ? undefined : (blocks.splice(index, 1)[0] as FencedDiv);
}

/** The quiz written as `div`, or `undefined` (reported) when it has no answer. */
export function fencedQuiz(div: FencedDiv, file: VFile): Quiz | undefined {
  const blocks = [...div.children] as BlockContent[];
  const explanationDiv = takeDiv(blocks, 'explanation');
  const hintDiv = takeDiv(blocks, 'hint');
  const listIndex = blocks.findIndex((child) => child.type === 'list');
  const list = blocks[listIndex] as List | undefined;
  const question = listIndex === -1 ? blocks : blocks.slice(0, listIndex);
  const others = listIndex === -1 ? [] : blocks.slice(listIndex + 1);
  const values = div.attributes.values;
  const order = div.attributes.classes.includes('order') || values.order === 'true' || values.type === 'order';
  const fill = !list && parseBlanks(question) > 0;
  return createQuiz(
    {
      form: 'fenced',
      kind: fill ? 'fill' : order ? 'order' : 'choice',
      question,
      options: list ? list.children.map(optionOf) : [],
      multiple: values.multiple === undefined ? undefined : values.multiple === 'true',
      shuffle: values.shuffle === 'true',
      hint: hintDiv ? (hintDiv.children as BlockContent[]) : undefined,
      explanation: explanationDiv ? (explanationDiv.children as BlockContent[]) : others.length > 0 ? others : undefined,
      place: div,
    },
    file,
  );
}

/** An option: checked, `{.correct}` after it, or a `[…]{.correct}` span around it. */
export function optionOf(item: ListItem): OptionDraft {
  const content = itemContent(item);
  const only = soleNode(content);
  const span = only?.type === 'bracketedSpan' ? only : undefined;
  const attributes = span?.attributes ?? item.data?.attributes;
  // `- [ ]` with nothing after it is no task-list item in GFM: its text is the box.
  const box = only?.type === 'text' ? /^\[([ xX])\]$/.exec(only.value.trim()) : null;
  // Quarto writes unmarked options as `[option]` too; without attributes the brackets are text.
  const bracketed = only?.type === 'text' && !box ? /^\[(.+)\]$/.exec(only.value.trim()) : null;
  return {
    place: item,
    correct: item.checked === true || isCorrectMark(attributes) || box?.[1]?.toLowerCase() === 'x',
    content: span ? span.children : box ? [] : bracketed ? [{ type: 'text', value: bracketed[1]!, position: only?.position }] : content,
    feedback: feedbackOf(attributes),
  };
}

function soleNode(content: PhrasingContent[]): PhrasingContent | undefined {
  const meaningful = content.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  return meaningful.length === 1 ? meaningful[0] : undefined;
}
