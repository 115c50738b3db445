/**
 * mkdocs-quiz blocks:
 *
 *     <quiz>
 *     What is 2 × 2?           (the question: everything before the options)
 *     - [ ] 3
 *     > Close, but no.         (feedback for the option right above)
 *     - [x] 4
 *
 *     Multiplication is …      (after the options: the explanation)
 *     </quiz>
 *
 * `- []` is a wrong option too. A block whose question holds `[[answer]]`
 * blanks is a fill-in-the-blank question; a `---` rule separates it from
 * its explanation.
 */
import type { BlockContent, List, ListItem, PhrasingContent, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../../diagnostics.js';
import type { Quiz } from '../../types.js';
import { parseBlanks } from './blanks.js';
import { createQuiz, itemContent, type OptionDraft } from './create.js';

function isTag(node: RootContent | undefined, kind: 'open' | 'close'): boolean {
  return node?.type === 'quizTag' && node.kind === kind;
}

/** Turn the `<quiz>…</quiz>` blocks among `children` into quiz nodes; unpaired tags are reported and dropped. */
export function mkdocsQuizzes(children: RootContent[], file: VFile): RootContent[] {
  const result: RootContent[] = [];
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (isTag(node, 'close')) {
      report(file, '`</quiz>` closes no `<quiz>`; it is left out', rules.strayFence, node);
      continue;
    }
    if (!isTag(node, 'open')) {
      result.push(node);
      continue;
    }
    const close = children.findIndex((child, at) => at > index && (isTag(child, 'close') || isTag(child, 'open')));
    if (close === -1 || !isTag(children[close], 'close')) {
      report(file, '`<quiz>` is never closed by a `</quiz>` line; what follows it is read as ordinary slide content', rules.unclosedFence, node);
      continue;
    }
    const inside = children.slice(index + 1, close) as BlockContent[];
    const quiz = mkdocsQuiz(inside, node, file);
    result.push(...(quiz ? [quiz] : inside));
    index = close;
  }
  return result;
}

function mkdocsQuiz(blocks: BlockContent[], place: RootContent, file: VFile): Quiz | undefined {
  const rule = blocks.findIndex((block) => block.type === 'thematicBreak');
  const question = rule === -1 ? blocks : blocks.slice(0, rule);
  if (!blocks.some((block) => block.type === 'list' && isOptionList(block)) && parseBlanks(question) > 0) {
    const explanation = rule === -1 ? [] : blocks.slice(rule + 1);
    return createQuiz({ form: 'mkdocs', kind: 'fill', question, options: [], shuffle: false, explanation: explanation.length > 0 ? explanation : undefined, place }, file);
  }
  const first = blocks.findIndex((block) => block.type === 'list' && isOptionList(block));
  if (first === -1) return undefined;
  const { options, end } = readOptions(blocks, first);
  const rest = blocks.slice(end);
  return createQuiz(
    { form: 'mkdocs', question: blocks.slice(0, first), options, shuffle: false, explanation: rest.length > 0 ? rest : undefined, place },
    file,
  );
}

/** A list of checkbox items: `- [x]`, `- [ ]`, or mkdocs-quiz's `- []`. */
function isOptionList(list: List): boolean {
  return list.children.length > 0 && list.children.every((item) => typeof item.checked === 'boolean' || emptyBox(item) !== undefined);
}

/** The content of an item written `- [] text`, which GFM does not read as a task. */
function emptyBox(item: ListItem): PhrasingContent[] | undefined {
  const [head, ...rest] = itemContent(item);
  if (head?.type !== 'text' || !/^\[\]\s*/.test(head.value)) return undefined;
  const value = head.value.replace(/^\[\]\s*/, '');
  return value === '' ? rest : [{ ...head, value }, ...rest];
}

/** The options from the list at `start` on: lists of options, each followed by its `>` feedback. */
function readOptions(blocks: BlockContent[], start: number): { options: OptionDraft[]; end: number } {
  const options: OptionDraft[] = [];
  let index = start;
  for (; index < blocks.length; index++) {
    const block = blocks[index]!;
    const last = options.at(-1);
    if (block.type === 'list' && isOptionList(block)) options.push(...block.children.map(optionOf));
    else if (block.type === 'blockquote' && last && !last.feedback && follows(block, last)) last.feedback = block.children as BlockContent[];
    else break;
  }
  return { options, end: index };
}

function optionOf(item: ListItem): OptionDraft {
  const nested = item.children.find((child) => child.type === 'blockquote');
  return {
    place: item,
    correct: item.checked === true,
    content: emptyBox(item) ?? itemContent(item),
    feedback: nested?.type === 'blockquote' ? (nested.children as BlockContent[]) : undefined,
  };
}

/** Whether `block` starts on the line right after `option` ends (feedback must follow its option directly). */
function follows(block: BlockContent, option: OptionDraft): boolean {
  const end = option.place.position?.end.line;
  const start = block.position?.start.line;
  return end === undefined || start === undefined || start === end + 1;
}
