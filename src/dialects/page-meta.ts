/**
 * Course web pages: the front matter `description` (Jekyll's summary line)
 * is the deck's subtitle unless `subtitle` is set; an `Instructor: …` line
 * before the first heading gives the author when front matter names none
 * (it then shows on the title slide, not on a slide of its own); the list of
 * "questions you will be able to answer" is a set of learning goals, shown
 * as a list (class `objectives`) and never taken for unanswered quizzes.
 */
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FencedDiv } from '../types.js';
import { dialectRule } from './index.js';

const goalWords = /learning (objectives|goals|outcomes)|you will learn|objectives/i;
const question = /questions?\b/i;
const ableToAnswer = /\bable to answer/i;

/**
 * Whether `text` announces learning goals: what
 * `/questions?\b.*\bable to answer|learning (objectives|goals|outcomes)|you will learn|objectives/i`
 * matches, with "able to answer" looked for once after the first "question"
 * of each line (the pattern went to the line's end from every "question").
 */
export function announcesGoals(text: string): boolean {
  if (goalWords.test(text)) return true;
  return text.split(/[\n\r\u2028\u2029]/).some((line) => {
    const found = question.exec(line);
    return found !== null && ableToAnswer.test(line.slice(found.index + found[0].length));
  });
}

/** Remark plugin (pages): description as subtitle, instructor line as author; learning-goal lists are not quizzes. */
export const pageMeta = dialectRule(['page'], (tree, file) => {
  const meta = file.data.meta;
  const description = meta?.raw.description;
  if (meta && meta.subtitle === undefined && typeof description === 'string' && description.trim() !== '') meta.subtitle = description.trim();
  const byline = tree.children.findIndex((block) => block.type === 'heading' || isByline(block));
  const found = tree.children[byline];
  if (meta && meta.author.length === 0 && found?.type === 'paragraph') {
    meta.author = [toString(found).replace(bylinePattern, '').trim()];
    tree.children.splice(byline, 1);
  }
  tree.children = tree.children.map((block, index) => (block.type === 'list' && isGoalsLeadIn(tree.children[index - 1]) ? wrapGoals(block) : block));
});

const bylinePattern = /^\s*(instructors?|teachers?|lecturers?|authors?)\s*:\s*/i;

function isByline(block: RootContent): boolean {
  return block.type === 'paragraph' && bylinePattern.test(toString(block)) && !toString(block).includes('\n') && toString(block).length <= 120;
}

function isGoalsLeadIn(block: RootContent | undefined): boolean {
  return (block?.type === 'heading' || block?.type === 'paragraph') && announcesGoals(toString(block));
}

function wrapGoals(list: RootContent): FencedDiv {
  return { type: 'fencedDiv', attributes: { classes: ['objectives'], values: {} }, children: [list], position: list.position, data: { notQuiz: true } };
}
