/**
 * Questions with lettered options, as exam-style notes write them:
 *
 *     What does `docker build` read?      (a question: a paragraph or heading)
 *     a) a compose file                   (`- a) …` items, `(a)` / `A.` / `a.` lines,
 *     b) a Dockerfile                      in one paragraph or one per paragraph)
 *     Answer: b                           (optional: the key)
 *
 * The key comes only from an explicit source: the `Answer: b` line (which
 * leaves the slide), or the lecture's answers file, whose numbered list
 * gives the letters of the lecture's lettered questions in order. With no
 * key the question stays as written and `quiz-no-answer` says how to add
 * one: a key is never guessed.
 */
import type { BlockContent, Heading, List, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, rules } from '../../diagnostics.js';
import type { Quiz } from '../../types.js';
import { createQuiz, isOnlyMedia, itemContent, quote, textOf, type OptionDraft } from './create.js';
import { isQuestion } from './labels.js';
import { isLetterRun, letterOf, parseAnswerLine, splitLines, withoutLetter, type AnswerLine } from './letters.js';

/** Per-lecture count of lettered questions, which numbers them for the answers file. */
export interface LetteredState {
  count: number;
}

/** What was found at one place: the question, its options, and the blocks they span. */
interface Found {
  question: BlockContent[];
  headingText?: string | undefined;
  options: OptionDraft[];
  /** Index of the first block of the question, and one past the options (an answer line not included). */
  start: number;
  end: number;
  /** An answer line inside the options' paragraph. */
  inlineAnswer?: AnswerLine | undefined;
}

/** Turn the lettered questions among `children` (and in the list items below them, and the divs `descend` enters) into quiz nodes. */
export function letteredQuizzes(children: RootContent[], slideLevel: number, state: LetteredState, file: VFile, descend: (node: RootContent) => void): RootContent[] {
  const result = [...children];
  for (let index = 0; index < result.length; index++) {
    const node = result[index]!;
    descend(node);
    if (node.type === 'list' && !hasLetteredItems(node)) {
      for (const item of node.children) item.children = letteredQuizzes(item.children, slideLevel, state, file, descend) as typeof item.children;
    }
    const found = findAt(result, index, slideLevel);
    if (!found) continue;
    const next = result[found.end];
    const line = found.inlineAnswer ?? (next?.type === 'paragraph' ? parseAnswerLine(next.children) : undefined);
    const asked = found.question.some((block) => isQuestion(block as Nodes)) || Boolean(found.headingText);
    if (!line && !asked) continue;
    state.count++;
    const quiz = keyed(found, line, state.count, file);
    const end = found.end + (line && !found.inlineAnswer ? 1 : 0);
    if (quiz) result.splice(found.start, end - found.start, quiz);
    else if (line && !found.inlineAnswer) result.splice(found.end, 1);
    else if (!line && !file.data.answerFile?.answers[state.count] && !isAnswerMedia(next)) reportNoKey(found, file);
  }
  return result;
}

function hasLetteredItems(list: List): boolean {
  return isLetterRun(list.children.map((item) => letterOf(itemContent(item))));
}

/** The lettered question starting at `index`: a question block, then lettered options. */
function findAt(blocks: RootContent[], index: number, slideLevel: number): Found | undefined {
  const block = blocks[index]!;
  if (block.type === 'paragraph') {
    const combined = combinedQuestion(block, index);
    if (combined) return combined;
  }
  if (block.type !== 'paragraph' && block.type !== 'heading') return undefined;
  const options = optionsAt(blocks, index + 1);
  if (!options) return undefined;
  const isTitle = block.type === 'heading' && block.depth <= slideLevel;
  return {
    question: isTitle ? [] : [block as BlockContent],
    headingText: isTitle ? toString(block as Heading) : undefined,
    options: options.options,
    start: isTitle ? index + 1 : index,
    end: options.end,
  };
}

/** Lettered options from `index`: a lettered list, a paragraph of lettered lines, or lettered one-line paragraphs. */
function optionsAt(blocks: RootContent[], index: number): { options: OptionDraft[]; end: number } | undefined {
  const first = blocks[index];
  if (first?.type === 'list' && hasLetteredItems(first)) {
    return { options: first.children.map((item) => ({ place: item, correct: false, content: withoutLetter(itemContent(item)) })), end: index + 1 };
  }
  const lines: Array<{ content: PhrasingContent[]; place: Paragraph }> = [];
  let end = index;
  while (blocks[end]?.type === 'paragraph') {
    const paragraph = blocks[end] as Paragraph;
    const own = splitLines(paragraph.children);
    if (!own.every((line) => letterOf(line))) break;
    lines.push(...own.map((content) => ({ content, place: paragraph })));
    end++;
  }
  if (!isLetterRun(lines.map((line) => letterOf(line.content)))) return undefined;
  return { options: lines.map((line) => ({ place: line.place, correct: false, content: withoutLetter(line.content) })), end };
}

/** One paragraph holding the question's lines, then lettered lines, and maybe an answer line last. */
function combinedQuestion(paragraph: Paragraph, index: number): Found | undefined {
  const lines = splitLines(paragraph.children);
  const firstOption = lines.findIndex((line) => letterOf(line));
  if (firstOption < 1) return undefined;
  const inlineAnswer = parseAnswerLine(lines.at(-1) ?? []);
  const optionLines = lines.slice(firstOption, inlineAnswer ? -1 : undefined);
  if (!isLetterRun(optionLines.map(letterOf))) return undefined;
  const question: Paragraph = { type: 'paragraph', children: joinLines(lines.slice(0, firstOption)), position: paragraph.position };
  return {
    question: [question],
    options: optionLines.map((content) => ({ place: paragraph, correct: false, content: withoutLetter(content) })),
    start: index,
    end: index + 1,
    inlineAnswer,
  };
}

function joinLines(lines: PhrasingContent[][]): PhrasingContent[] {
  return lines.flatMap((line, index) => (index === 0 ? line : [{ type: 'text', value: '\n' } as PhrasingContent, ...line]));
}

/** The quiz with its key marked, or `undefined` when there is no key (or a key that names no option, reported). */
function keyed(found: Found, line: AnswerLine | undefined, number: number, file: VFile): Quiz | undefined {
  const fromFile = file.data.answerFile?.answers[number];
  const letters = line?.letters ?? fromFile;
  if (!letters) return undefined;
  const place = found.question[0] ?? found.options[0]!.place;
  if (line && fromFile && [...line.letters].sort().join() !== [...fromFile].sort().join()) {
    report(file, `The answer line gives ${list(line.letters)} but \`${file.data.answerFile!.path}\` gives ${list(fromFile)} for question ${number}; the answer line is used`, rules.quizAnswerKey, place);
  }
  const missing = letters.filter((letter) => letter.charCodeAt(0) - 97 >= found.options.length);
  if (missing.length > 0) {
    const source = line ? 'The answer line' : `\`${file.data.answerFile!.path}\` (item ${number})`;
    report(file, `${source} gives ${list(missing)}, but the question has options ${list(found.options.map((_, index) => String.fromCharCode(97 + index)))} only`, rules.quizAnswerKey, place);
    return undefined;
  }
  const options = found.options.map((option, index) => ({ ...option, correct: letters.includes(String.fromCharCode(97 + index)) }));
  const explanation: BlockContent[] | undefined = line?.rest ? [{ type: 'paragraph', children: [{ type: 'text', value: line.rest }] }] : undefined;
  return createQuiz({ form: 'lettered', question: found.question, headingText: found.headingText, options, shuffle: false, explanation, place }, file);
}

function reportNoKey(found: Found, file: VFile): void {
  const title = textOf(found.question) || found.headingText || '';
  const place = found.question[0] ?? found.options[0]!.place;
  report(
    file,
    `The question ${quote(title)} lists lettered options but gives no answer; add a line \`Answer: b\` after the options, or list the answers in an answers file (\`${answersFileName(file)}\`)`,
    rules.quizNoAnswer,
    place,
  );
}

function answersFileName(file: VFile): string {
  return `${file.stem ?? 'lecture'}-answers.md`;
}

function isAnswerMedia(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && isOnlyMedia(node.children);
}

function list(letters: string[]): string {
  return letters.map((letter) => `\`${letter}\``).join(', ');
}
