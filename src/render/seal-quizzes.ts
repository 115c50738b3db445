/**
 * Keep quiz answers out of the page: each correct option becomes a salted
 * SHA-256 hash on the form (unordered, so position reveals nothing), and the
 * feedback and explanation become sealed text (see `client/seal.ts`). What
 * is left in the page is enough to check an answer, not to read one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { answerHash, explanationKey, feedbackKey, seal } from '../client/seal.js';
import { clearMarks } from './quiz.js';

/** Options of the sealing pass. */
export interface SealOptions {
  /** Secret the per-quiz salts derive from; the same secret gives the same page. @default random per processor */
  secret?: string | undefined;
}

/** Rehype plugin: seal every quiz form; sets `file.data.hasQuiz`. */
export function sealQuizzes(options: SealOptions = {}) {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  return (tree: Root, file: VFile): undefined => {
    let found = false;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'form' || node.properties.dataQuiz === undefined) return;
      found = true;
      const salt = createHash('sha256').update(`${secret}\n${file.path}\n${String(node.properties.id)}`).digest('hex').slice(0, 32);
      sealForm(node, salt);
    });
    file.data.hasQuiz = found;
  };
}

function sealForm(form: Element, salt: string): void {
  const options = findAll(form, (node) => node.tagName === 'li' && hasClass(node, 'quiz-option'));
  const correct = options.flatMap((option, index) => (option.properties[clearMarks.correct] ? [index] : []));
  options.forEach((option, index) => {
    delete option.properties[clearMarks.correct];
    const source = takeChild(option, clearMarks.feedback);
    if (source) option.properties.dataFeedback = seal(toHtml(source.children), feedbackKey(salt, index));
  });
  form.properties.dataSalt = salt;
  form.properties.dataAnswers = correct.map((index) => answerHash(salt, index)).sort().join(' ');
  const explanation = takeChild(form, clearMarks.explanation);
  if (explanation) form.properties.dataExplanation = seal(toHtml(explanation.children), explanationKey(salt, correct));
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
