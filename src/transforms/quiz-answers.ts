/**
 * Where a deck shows its quizzes' answers (deck option `quiz.answers`):
 * `hidden` (the default) nowhere; `after-each` on a slide right after each
 * slide with quizzes; `appendix` on answer-key slides at the end. The slides
 * are ordinary slides, so they present, print and export like the others.
 */
import type { BlockContent, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { format, stringsFor, type Strings } from '../i18n/strings.js';
import type { Quiz, QuizBlank, QuizOption, Slide, Stack } from '../types.js';
import { recordSlides } from './slides.js';

/** Where answers are shown. */
export type AnswerMode = 'hidden' | 'after-each' | 'appendix';

const modes: AnswerMode[] = ['hidden', 'after-each', 'appendix'];

/** Quizzes per answer-key slide in `appendix` mode. */
const perKeySlide = 3;

/** Remark plugin: add answer slides as the deck's `quiz.answers` says, titled in the deck's language. */
export function quizAnswers(options: { answers?: AnswerMode | undefined; config?: Config | undefined } = {}) {
  return (tree: Root, file: VFile): undefined => {
    const mode = modeOf(file, options.answers ?? 'hidden');
    const strings = stringsFor(file.data.meta?.lang ?? options.config?.lang, options.config?.strings);
    if (mode === 'after-each') addAfterEach(tree, strings);
    if (mode === 'appendix') addAppendix(tree, strings);
    if (mode !== 'hidden') recordSlides(tree, file);
  };
}

function modeOf(file: VFile, fallback: AnswerMode): AnswerMode {
  const quiz = file.data.meta?.raw.quiz;
  const wanted = quiz && typeof quiz === 'object' ? (quiz as { answers?: unknown }).answers : undefined;
  if (wanted === undefined) return fallback;
  if (modes.includes(wanted as AnswerMode)) return wanted as AnswerMode;
  report(file, `Front matter \`quiz.answers\` must be one of ${modes.map((mode) => `\`${mode}\``).join(', ')}`, rules.frontMatter, { position: file.data.meta?.positions.quiz });
  return fallback;
}

function quizzesOf(slide: Slide): Quiz[] {
  const found: Quiz[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<{ type: string; children?: unknown[] }>) {
      if (node.type === 'quiz') found.push(node as Quiz);
      else if (node.children) walk(node.children);
    }
  };
  walk(slide.children);
  return found;
}

function addAfterEach(tree: Root, strings: Strings): void {
  const withAnswers = (slides: Slide[]) => slides.flatMap((slide) => {
    const quizzes = quizzesOf(slide);
    return quizzes.length === 0 ? [slide] : [slide, answerSlide(strings['answers.title'], quizzes, strings)];
  });
  tree.children = tree.children.flatMap((item): RootContent[] => {
    if (item.type === 'stack') return [{ ...item, children: withAnswers(item.children) } as Stack];
    return item.type === 'slide' ? withAnswers([item]) : [item];
  });
}

function addAppendix(tree: Root, strings: Strings): void {
  const all = tree.children.flatMap((item) => (item.type === 'stack' ? item.children : item.type === 'slide' ? [item] : [])).flatMap(quizzesOf);
  const pages = Math.ceil(all.length / perKeySlide);
  for (let page = 0; page < pages; page++) {
    const title = pages > 1 ? format(strings['answers.keyPage'], { page: page + 1, pages }) : strings['answers.key'];
    tree.children.push(answerSlide(title, all.slice(page * perKeySlide, (page + 1) * perKeySlide), strings));
  }
}

/** A slide listing each quiz with its answer (options with the correct ones marked, the blanks' answers, or the right order) and the explanation. */
function answerSlide(title: string, quizzes: Quiz[], strings: Strings): Slide {
  const children: BlockContent[] = [{ type: 'heading', depth: 2, children: [{ type: 'text', value: title }] }];
  for (const quiz of quizzes) {
    children.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: quiz.title }] }] });
    children.push(quiz.kind === 'fill' ? blankList(quiz, strings) : quiz.kind === 'order' ? orderList(quiz) : optionList(quiz));
    if (quiz.explanation) children.push(...quiz.explanation);
  }
  return { type: 'slide', kind: 'slide', attributes: { classes: ['quiz-answers'], values: {} }, children };
}

function blankList(quiz: Quiz, strings: Strings): List {
  const blanks: QuizBlank[] = [];
  for (const child of quiz.children) visit(child, 'quizBlank', (blank: QuizBlank) => void blanks.push(blank));
  const items: ListItem[] = blanks.map((blank, index) => ({
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: [{ type: 'text', value: format(strings['answers.blank'], { n: index + 1, answers: blank.answers.join(' / ') }) }] }],
  }));
  return { type: 'list', ordered: false, spread: false, children: items, data: { hProperties: { className: ['quiz-answer-options'] } } };
}

function orderList(quiz: Quiz): List {
  const options = quiz.children.filter((child): child is QuizOption => child.type === 'quizOption').sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const items: ListItem[] = options.map((option) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [...option.children] }] }));
  return { type: 'list', ordered: true, start: 1, spread: false, children: items };
}

function optionList(quiz: Quiz): List {
  const options = quiz.children.filter((child): child is QuizOption => child.type === 'quizOption');
  const items: ListItem[] = options.map((option) => {
    const label: PhrasingContent = { type: 'text', value: `${option.letter}. ` };
    const content: PhrasingContent[] = option.correct ? [{ type: 'strong', children: [label, ...option.children] }, { type: 'text', value: ' ✓' }] : [label, ...option.children];
    return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: content }], data: { hProperties: { className: [option.correct ? 'quiz-answer-correct' : 'quiz-answer-wrong'] } } };
  });
  return { type: 'list', ordered: false, spread: false, children: items, data: { hProperties: { className: ['quiz-answer-options'] } } };
}
