/**
 * Keep quiz answers out of the page. Choice quizzes: each correct option
 * becomes a salted SHA-256 hash on the form (unordered, so position reveals
 * nothing). Fill-in questions: each blank holds a secret token sealed under
 * each answer it accepts. Ordering questions: the items are shuffled (the
 * page never lists them in the right order) and the right order becomes a
 * hash. Feedback and explanations become sealed text (see `client/seal.ts`).
 * What is left in the page is enough to check an answer, not to read one;
 * a last sweep removes any clear mark the handlers left anywhere.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { answerHash, explanationKey, feedbackKey, fillExplanationKey, orderExplanationKey, orderHash, seal, tokenText, blankKey } from '../client/seal.js';
import { clearMarks } from './quiz.js';

/** Options of the sealing pass. */
export interface SealOptions {
  /** Secret the per-quiz salts and blank tokens derive from; the same secret gives the same page. @default random per processor */
  secret?: string | undefined;
  /**
   * Classroom mode (`lecture serve --classroom`): answers are checked by the
   * server, so the page holds nothing to check them with — no hashes, no
   * sealed feedback or explanation — and each form says `data-check="server"`.
   * Ordering items carry opaque tokens only the server can map to the key.
   */
  classroom?: boolean | undefined;
}

/** Rehype plugin: seal every quiz form; sets `file.data.hasQuiz`. */
export function sealQuizzes(options: SealOptions = {}) {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  return (tree: Root, file: VFile): undefined => {
    let found = false;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'form' || node.properties.dataQuiz === undefined) return;
      found = true;
      const base = `${secret}\n${file.path}\n${String(node.properties.id)}`;
      const derive = (purpose: string) => createHash('sha256').update(`${base}\n${purpose}`).digest('hex').slice(0, 32);
      const salt = createHash('sha256').update(base).digest('hex').slice(0, 32);
      if (options.classroom) {
        stripForClassroom(node, salt, secret);
        return;
      }
      node.properties.dataSalt = salt;
      if (node.properties.dataKind === 'fill') sealFill(node, salt, derive);
      else if (node.properties.dataKind === 'order') sealOrder(node, salt);
      else sealChoice(node, salt);
    });
    // A score summary needs the plugin too, even on a page with no quiz.
    visit(tree, 'element', (node) => {
      if (node.properties.dataQuizSummary !== undefined) found = true;
    });
    removeClearMarks(tree);
    file.data.hasQuiz = found;
  };
}

/**
 * A form whose answers only the classroom server checks: blanks are numbered,
 * ordering items shuffled and given their server tokens, and the clear marks
 * (correct options, accepted answers, ranks, feedback, explanation) are left
 * for the final sweep to remove.
 */
function stripForClassroom(form: Element, salt: string, secret: string): void {
  form.properties.dataCheck = 'server';
  findAll(form, (node) => node.tagName === 'input' && hasClass(node, 'quiz-blank')).forEach((blank, index) => {
    blank.properties.dataBlank = String(index);
  });
  const list = orderList(form);
  if (!list) return;
  list.children.filter((child): child is Element => child.type === 'element').forEach((item, index) => {
    item.properties.dataItem = orderToken(secret, String(form.properties.id), index);
  });
  showShuffled(list, salt);
}

/** The token of the item at `index` (in source order) of ordering quiz `quiz`: opaque without the secret. */
export function orderToken(secret: string, quiz: string, index: number): string {
  return createHmac('sha256', secret).update(`order\n${quiz}\n${index}`).digest('hex').slice(0, 16);
}

function sealChoice(form: Element, salt: string): void {
  const options = findAll(form, (node) => node.tagName === 'li' && hasClass(node, 'quiz-option'));
  const correct = options.flatMap((option, index) => (option.properties[clearMarks.correct] ? [index] : []));
  sealFeedback(options, salt);
  form.properties.dataAnswers = correct.map((index) => answerHash(salt, index)).sort().join(' ');
  sealExplanation(form, explanationKey(salt, correct));
}

function sealFeedback(options: Element[], salt: string): void {
  options.forEach((option, index) => {
    const source = takeChild(option, clearMarks.feedback);
    if (source) option.properties.dataFeedback = seal(toHtml(source.children), feedbackKey(salt, index));
  });
}

function sealFill(form: Element, salt: string, derive: (purpose: string) => string): void {
  const blanks = findAll(form, (node) => node.tagName === 'input' && hasClass(node, 'quiz-blank'));
  const tokens = blanks.map((blank, index) => {
    const token = derive(`blank-${index}`);
    const accepts = JSON.parse(String(blank.properties[clearMarks.accepts] ?? '[]')) as string[];
    blank.properties.dataTokens = accepts.map((answer) => seal(tokenText(token), blankKey(salt, index, answer))).sort().join(' ');
    blank.properties.dataBlank = String(index);
    return tokenText(token);
  });
  sealExplanation(form, fillExplanationKey(salt, tokens));
}

/** The list of an ordering question's items. */
function orderList(form: Element): Element | undefined {
  return findAll(form, (node) => node.tagName === 'ol' && hasClass(node, 'quiz-order-items'))[0];
}

/** Put the items of `list` in an order drawn from `salt`, numbered and lettered as shown; returns them. */
function showShuffled(list: Element, salt: string): Element[] {
  const shown = shuffled(list.children.filter((child): child is Element => child.type === 'element'), salt);
  list.children = shown;
  shown.forEach((item, index) => {
    item.properties.dataIndex = String(index);
    const letter = findAll(item, (node) => hasClass(node, 'quiz-letter'))[0];
    if (letter) letter.children = [{ type: 'text', value: String.fromCharCode(65 + index) }];
  });
  return shown;
}

function sealOrder(form: Element, salt: string): void {
  const list = orderList(form);
  if (!list) return;
  const shown = showShuffled(list, salt);
  const rank = (item: Element) => Number(item.properties[clearMarks.rank] ?? 0);
  const sequence = [...shown].sort((a, b) => rank(a) - rank(b)).map((item) => shown.indexOf(item));
  form.properties.dataAnswers = orderHash(salt, sequence);
  sealExplanation(form, orderExplanationKey(salt, sequence));
}

/** `items` in an order drawn from `salt` (so the page is reproducible), never the order given. */
function shuffled<T>(items: T[], salt: string): T[] {
  const order = [...items];
  let state = createHash('sha256').update(`${salt}\nshuffle`).digest();
  for (let i = order.length - 1; i > 0; i--) {
    state = createHash('sha256').update(state).digest();
    const j = state.readUInt32BE(0) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // The written order is the answer: never show it.
  if (order.every((item, index) => item === items[index]) && order.length > 1) order.push(order.shift()!);
  return order;
}

function sealExplanation(form: Element, key: Uint8Array): void {
  const explanation = takeChild(form, clearMarks.explanation);
  if (explanation) form.properties.dataExplanation = seal(toHtml(explanation.children), key);
}

/** Remove every clear mark left anywhere (a handler's slip must never reach the page). */
function removeClearMarks(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    // Deleting only what is there: a `delete` of an absent key still turns every element's properties into a slow dictionary.
    for (const property of [clearMarks.correct, clearMarks.rank, clearMarks.accepts]) if (property in node.properties) delete node.properties[property];
    if (parent && index !== undefined && (hasClass(node, clearMarks.feedback) || hasClass(node, clearMarks.explanation))) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

function hasClass(node: Element, name: string): boolean {
  const classes = node.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}

/** Remove and return the direct child of `parent` with class `name`. */
function takeChild(parent: Element, name: string): Element | undefined {
  const index = parent.children.findIndex((child) => child.type === 'element' && hasClass(child, name));
  if (index === -1) return undefined;
  return parent.children.splice(index, 1)[0] as Element;
}

function findAll(tree: Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}
