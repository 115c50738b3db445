/**
 * No built page of any fixture gives an answer away: every markdown file of
 * the fixtures that builds a page (render and dialect cases, the fixture
 * courses, the checker's examples) is built as a whole page, and then
 *
 * - no attribute anywhere holds a correct option's text, a blank's accepted
 *   answer, an explanation or a correct option's feedback;
 * - no element is marked correct (`.correct`, `.correct-choice`,
 *   `data-quiz-correct` …), no checked box sits in a list that is not all
 *   checked, and no answer text is shown, except where the lecture shows
 *   answers on purpose (`{.show-answers}`, answer slides);
 * - an ordering question never lists its items in the right order.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../src/config/schema.js';
import { readAnswerFile } from '../src/course/answer-file.js';
import { isAnswerFileName } from '../src/course/discover.js';
import { createProcessor } from '../src/pipeline.js';
import type { QuizKey } from '../src/types.js';
import { fixturesRoot } from './helpers/fixtures.js';

/** Every markdown file under the fixtures that is built into a page (parse-stage trees and answers files are not). */
function pageSources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === 'parse' && folder === fixturesRoot ? [] : pageSources(full);
    return name.endsWith('.md') && !isAnswerFileName(name, readdirSync(folder)) ? [full] : [];
  });
}

const marks = new Set(['correct', 'correct-choice', 'is-correct', 'quiz-feedback-source', 'quiz-explanation-source']);
const clearAttributes = ['dataQuizCorrect', 'dataQuizRank', 'dataQuizAccepts', 'dataCorrect', 'dataSolution', 'dataShortSolution', 'dataAnswer'];
/** Outside quizzes, URLs and ids name files and anchors the lecture wrote (`![Not here](nowhere.png)`), not answers. */
const authored = new Set(['src', 'href', 'id']);
/** Attributes whose short values are positions, not text (`value="2"` is the third option, not the answer "2"). */
const positional = new Set(['value', 'size', 'dataIndex', 'dataBlank', 'tabIndex', 'start']);

function normal(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** What the page must not give away, from the deck's own answer key. */
function secretsOf(keys: QuizKey[]): { answers: string[]; texts: string[] } {
  const answers = keys.flatMap((key) => [
    ...(key.kind === 'choice' ? key.options.filter((option) => option.correct).map((option) => option.text) : []),
    ...(key.blanks ?? []).flatMap((blank) => blank.answers),
  ]);
  const texts = keys.flatMap((key) => [key.explanation ?? '', ...key.options.filter((option) => option.correct).map((option) => option.feedback ?? '')]);
  return { answers: answers.map(normal).filter(Boolean), texts: texts.map(normal).filter((text) => text.length >= 12) };
}

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** Inside a part of the page that shows answers on purpose. */
function isShownOnPurpose(ancestors: Array<Root | Element>): boolean {
  return ancestors.some((node) => node.type === 'element' && (classes(node).includes('show-answers') || classes(node).includes('quiz-answers')));
}

function checkAttributes(node: Element, inQuiz: boolean, answers: string[], texts: string[], where: string): void {
  for (const [name, raw] of Object.entries(node.properties)) {
    if (raw === undefined || raw === null || typeof raw === 'boolean' || (!inQuiz && authored.has(name))) continue;
    const value = normal(Array.isArray(raw) ? raw.join(' ') : String(raw));
    for (const answer of answers) {
      const leaks = answer.length >= 4 ? value.includes(answer) : !positional.has(name) && value === answer;
      expect(leaks, `${where}: <${node.tagName} ${name}="${value}"> holds the answer \`${answer}\``).toBe(false);
    }
    for (const text of texts) expect(value.includes(text), `${where}: <${node.tagName} ${name}> holds \`${text}\``).toBe(false);
  }
}

function checkMarks(node: Element, ancestors: Array<Root | Element>, where: string): void {
  if (isShownOnPurpose(ancestors)) return;
  for (const name of classes(node)) expect(marks.has(name), `${where}: <${node.tagName} class="${name}">`).toBe(false);
  for (const name of clearAttributes) expect(node.properties[name], `${where}: <${node.tagName}> has ${name}`).toBeUndefined();
  if (node.properties.dataAnswers !== undefined) {
    expect(node.properties.dataQuiz, `${where}: <${node.tagName}> has data-answers`).toBeDefined();
    expect(String(node.properties.dataAnswers)).toMatch(/^([0-9a-f]{64}( |$))+$/);
  }
  const optedList = node.children.some((item) => item.type === 'element' && classes(item).includes('show-answers'));
  if ((node.tagName === 'ul' || node.tagName === 'ol') && !optedList) {
    const boxes = node.children.flatMap((item) => (item.type === 'element' ? item.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'input') : []));
    const checked = boxes.filter((box) => box.properties.checked === true);
    expect(checked.length === 0 || checked.length === boxes.length, `${where}: a list with ${checked.length} of ${boxes.length} boxes checked`).toBe(true);
  }
}

function checkOrder(tree: Root, keys: QuizKey[], where: string): void {
  for (const key of keys.filter((quiz) => quiz.kind === 'order')) {
    const right = key.order!.map((id) => normal(key.options.find((option) => option.id === id)!.text));
    let shown: string[] = [];
    visitParents(tree, 'element', (node) => {
      if (node.properties.id === key.id) shown = [...toStringAll(node, 'quiz-text')];
    });
    expect(shown.length, `${where}: ${key.id} shows its items`).toBe(right.length);
    expect(shown, `${where}: ${key.id} lists its items in the right order`).not.toEqual(right);
  }
}

function* toStringAll(node: Element, className: string): Generator<string> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (classes(child).includes(className)) yield normal(toString(child));
    else yield* toStringAll(child, className);
  }
}

function checkShownText(tree: Root, answers: string[], texts: string[], where: string): void {
  visitParents(tree, 'text', (node, ancestors) => {
    if (isShownOnPurpose(ancestors as Array<Root | Element>)) return;
    const value = normal(node.value);
    for (const text of texts) expect(value.includes(text), `${where}: the page shows \`${text}\``).toBe(false);
  });
  void answers;
}

describe('no built page gives an answer away', () => {
  const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'secrecy' });
  const sources = pageSources(fixturesRoot);

  test('the fixtures hold quizzes of every kind and form', async () => {
    expect(sources.length).toBeGreaterThan(80);
  });

  for (const source of sources) {
    const where = path.relative(fixturesRoot, source);
    test(where, async () => {
      const file = new VFile({ path: source, value: readFileSync(source, 'utf8') });
      const answersFile = await readAnswerFile(source, path.dirname(source));
      if (answersFile.file) file.data.answerFile = answersFile.file;
      await processor.process(file);
      const keys = file.data.quizzes ?? [];
      const { answers, texts } = secretsOf(keys);
      const tree = fromHtml(String(file.value));
      visitParents(tree, 'element', (node, ancestors) => {
        const inQuiz = [node, ...ancestors].some((parent) => parent.type === 'element' && parent.properties.dataQuiz !== undefined);
        checkAttributes(node, inQuiz, answers, texts, where);
        checkMarks(node, ancestors as Array<Root | Element>, where);
      });
      checkShownText(tree, answers, texts, where);
      checkOrder(tree, keys, where);
    });
  }
});
