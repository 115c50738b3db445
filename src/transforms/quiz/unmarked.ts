/**
 * Questions that list options but mark none, which stay ordinary slides
 * (lettered options with no key are reported by `lettered.ts`):
 *
 * - a question followed by options and then only an answer link or image
 *   (`[Answer](https://…)`, a QR code): the answer students cannot read;
 * - a list item that asks a question (`- What does … read?`) with a nested
 *   list of options.
 *
 * A question followed by an ordinary list ("Why containers?" and reasons) is
 * not a quiz and is left alone.
 */
import type { List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, rules } from '../../diagnostics.js';
import { isOnlyMedia, itemContent } from './create.js';
import { isQuestion } from './labels.js';
import { isLetterRun, letterOf } from './letters.js';

function hasLetteredOptions(list: List): boolean {
  return isLetterRun(list.children.map((item) => letterOf(itemContent(item))));
}

function isAnswerMedia(node: RootContent | undefined): node is Paragraph {
  return node?.type === 'paragraph' && isOnlyMedia(node.children);
}

/** Report the unmarked questions among `children` (and in list items below them). */
export function reportUnmarkedQuestions(children: RootContent[], file: VFile): void {
  children.forEach((node, index) => {
    if (node.type === 'list') {
      checkList(node, children, index, file);
      for (const item of node.children) checkItem(item, file);
    }
  });
}

function checkList(list: List, siblings: RootContent[], index: number, file: VFile): void {
  if (list.children.some((item) => typeof item.checked === 'boolean')) return;
  const question = [siblings[index - 1], siblings[index - 2]].find((node) => isQuestion(node as Nodes | undefined));
  if (!question) return;
  const after = siblings[index + 1];
  if (isAnswerMedia(after)) {
    report(file, 'The answer to this question is only a link or an image; printed, students cannot read it. Mark the right option with `[x]` instead', rules.quizAnswerOnlyInMedia, after);
  }
}

function checkItem(item: ListItem, file: VFile): void {
  const [first, nested] = item.children;
  if (first?.type !== 'paragraph' || nested?.type !== 'list' || !isQuestion(first)) return;
  if (nested.children.length < 2 || nested.children.some((option) => typeof option.checked === 'boolean') || hasLetteredOptions(nested)) return;
  report(file, `The question \`${shorten(toString(first))}\` lists options but marks none correct; check the right ones (\`- [x]\`)`, rules.quizNoAnswer, first);
}

function shorten(text: string): string {
  const clean = text.trim().replace(/\s+/g, ' ');
  return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean;
}
