/**
 * quizdown blocks (```` ```quizdown ````): a header of options, then one
 * question per heading:
 *
 *     ---
 *     shuffleAnswers: false        (header options; also right after a heading)
 *     locale: de
 *     ---
 *     ### Which are namespaces?
 *     > Look at `/proc/self/ns`.   (a blockquote before the list: the hint)
 *     - [x] pid                    (unordered task list: several answers)
 *       > Yes, process ids.        (nested blockquote: the option's feedback)
 *     - [ ] disk
 *     ### Put in order             (an ordered list without boxes: put in order)
 *     1. FROM
 *     2. RUN
 *
 * An ordered task list is a single-answer question. Of the header options,
 * `shuffleAnswers` and `locale` are honoured; the others (colours,
 * `shuffleQuestions`, `nQuestions`) concern quizdown's own player.
 */
import type { BlockContent, Code, Heading, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { remarkLimits } from '../../mdast/remark-limits.js';
import type { Quiz } from '../../types.js';
import { createQuiz, itemContent, type OptionDraft } from './create.js';

// Quizdown's own markdown, under the limits of the lecture's parse: a block is lecture text too.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkLimits);

type Options = Record<string, string>;

/** Whether `node` is a quizdown code block. */
export function isQuizdown(node: RootContent): node is Code {
  return node.type === 'code' && node.lang?.toLowerCase() === 'quizdown';
}

/** The quizzes a quizdown block holds; a question with no answer marked stays ordinary content (and is reported). */
export function quizdownQuizzes(code: Code, file: VFile): RootContent[] {
  const { text, header, perHeading } = readHeaders(code.value);
  const tree = parser.parse(text);
  shiftPositions(tree, code, file);
  const questions = splitQuestions(tree.children);
  return questions.flatMap((blocks) => {
    const heading = blocks[0]?.type === 'heading' ? (blocks[0] as Heading) : undefined;
    const options = { ...header, ...(heading?.position ? perHeading.get(heading.position.start.line - lineShift(code)) : undefined) };
    const quiz = questionOf(blocks, options, file);
    return quiz ? [quiz] : blocks.map((block) => (block.type === 'heading' ? asQuestion(block) : block));
  });
}

/** The block's text with its option headers blanked out (lines kept, so positions hold), and the options they set. */
function readHeaders(value: string): { text: string; header: Options; perHeading: Map<number, Options> } {
  const lines = value.split('\n');
  const header: Options = {};
  const perHeading = new Map<number, Options>();
  const take = (start: number, into: Options): void => {
    if (lines[start]?.trim() !== '---') return;
    const end = lines.findIndex((line, index) => index > start && line.trim() === '---');
    if (end === -1 || !lines.slice(start + 1, end).every((line) => /^\s*[\w-]+\s*:/.test(line) || line.trim() === '')) return;
    for (let index = start; index <= end; index++) {
      const line = lines[index]!;
      const match = /^\s*([\w-]+)\s*:/.exec(line);
      if (match && index !== start && index !== end) into[match[1]!] = line.slice(match[0].length).trim().replace(/^(['"])(.*)\1$/, '$2');
      lines[index] = '';
    }
  };
  take(lines.findIndex((line) => line.trim() !== ''), header);
  lines.forEach((line, index) => {
    if (!/^#{1,6}\s/.test(line)) return;
    const options: Options = {};
    let next = index + 1;
    while (lines[next]?.trim() === '') next++;
    take(next, options);
    perHeading.set(index + 1, options);
  });
  return { text: lines.join('\n'), header, perHeading };
}

/** How many lines the block's content is below the start of the file. */
function lineShift(code: Code): number {
  return code.position?.start.line ?? 0;
}

/** Move the positions of the parsed block into the lecture's coordinates. */
function shiftPositions(tree: Root, code: Code, file: VFile): void {
  const lines = lineShift(code);
  const indent = (code.position?.start.column ?? 1) - 1;
  const fenceOffset = code.position?.start.offset;
  const source = String(file.value ?? '');
  const contentOffset = fenceOffset === undefined ? undefined : source.indexOf('\n', fenceOffset) + 1;
  visit(tree, (node) => {
    if (!node.position) return;
    for (const point of [node.position.start, node.position.end]) {
      point.line += lines;
      point.column += indent;
      point.offset = contentOffset === undefined || point.offset === undefined ? undefined : point.offset + contentOffset;
    }
  });
}

/** The blocks of each question: a heading and what follows it up to the next heading. */
function splitQuestions(blocks: RootContent[]): RootContent[][] {
  const questions: RootContent[][] = [];
  for (const block of blocks) {
    if (block.type === 'heading' || questions.length === 0) questions.push([]);
    questions.at(-1)!.push(block);
  }
  return questions;
}

function questionOf(blocks: RootContent[], options: Options, file: VFile): Quiz | undefined {
  const listAt = blocks.findIndex((block) => block.type === 'list');
  if (listAt === -1) return undefined;
  const list = blocks[listAt] as List;
  const before = blocks.slice(0, listAt);
  const hint = before.filter((block) => block.type === 'blockquote').flatMap((block) => block.children as BlockContent[]);
  const question = before.filter((block) => block.type !== 'blockquote').map(asQuestion);
  const isTask = list.children.every((item) => typeof item.checked === 'boolean');
  const after = blocks.slice(listAt + 1) as BlockContent[];
  return createQuiz(
    {
      form: 'quizdown',
      kind: isTask ? 'choice' : list.ordered ? 'order' : 'choice',
      question,
      options: list.children.map(optionOf),
      multiple: isTask ? !list.ordered : undefined,
      multipleByForm: true,
      shuffle: options.shuffleAnswers !== 'false',
      hint: hint.length > 0 ? hint : undefined,
      explanation: after.length > 0 ? after : undefined,
      lang: options.locale || undefined,
      place: blocks[0]!,
    },
    file,
  );
}

/** A question heading becomes a bold paragraph: the slide keeps its own title. */
function asQuestion(block: RootContent): BlockContent {
  if (block.type !== 'heading') return block as BlockContent;
  const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: block.children }], position: block.position };
  return paragraph;
}

function optionOf(item: ListItem): OptionDraft {
  const comment = item.children.find((child) => child.type === 'blockquote');
  return {
    place: item,
    correct: item.checked === true,
    content: itemContent(item),
    feedback: comment?.type === 'blockquote' ? (comment.children as BlockContent[]) : undefined,
  };
}
