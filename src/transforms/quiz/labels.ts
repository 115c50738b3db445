/**
 * The lines that frame a question in course notes and DataCamp-style
 * exercises: a "Question" label before it (`Question`, `**Question**`,
 * `### Question`), a "Possible Answers" line before the options, and what
 * makes a paragraph read as a question.
 */
import type { Blockquote, Nodes, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

const questionLabel = /^(question|exercise)\s*:?$/i;
const possibleAnswers = /^possible answers\s*:?$/i;

/** A question: ends with `?`, or starts by telling students to choose. */
export function isQuestion(node: Nodes | undefined): boolean {
  if (node?.type === 'blockquote') return node.children.some((child) => isQuestion(child));
  if (!node || (node.type !== 'paragraph' && node.type !== 'heading')) return false;
  const text = toString(node).trim();
  return text.endsWith('?') || /^(choose|select|pick|mark|tick|which)\b/i.test(text);
}

/** A "Question" label on its own: a paragraph (plain or bold) or a heading. */
export function isQuestionLabel(node: Nodes | undefined): boolean {
  return (node?.type === 'paragraph' || node?.type === 'heading') && questionLabel.test(toString(node).trim());
}

/** A "Possible Answers" line: a paragraph (plain or bold) or a heading. */
export function isPossibleAnswers(node: Nodes | undefined): boolean {
  return (node?.type === 'paragraph' || node?.type === 'heading') && possibleAnswers.test(toString(node).trim());
}

/** The first line of a paragraph's text and where the rest starts: `[line, child index, offset in that child]`. */
function firstLine(paragraph: Paragraph): [string, number, number] | undefined {
  let line = '';
  for (const [index, child] of paragraph.children.entries()) {
    if (child.type === 'break') return [line, index + 1, 0];
    const text = toString(child);
    const end = child.type === 'text' ? text.indexOf('\n') : -1;
    if (end !== -1) return [line + text.slice(0, end), index, end + 1];
    line += text;
  }
  return undefined;
}

/** `paragraph` without its first line, or `undefined` when that line is not a "Question" label (`**Question**` + line break + the question). */
export function withoutLabelLine(paragraph: Paragraph): Paragraph | undefined {
  return withoutFirstLine(paragraph, questionLabel);
}

/** `paragraph` without its last line, when that line is "Possible Answers" (written with no blank line before the options). */
export function withoutAnswersLine(paragraph: Paragraph): Paragraph | undefined {
  const children = paragraph.children;
  let line = '';
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index]!;
    const cut = child.type === 'text' ? child.value.lastIndexOf('\n') : -1;
    if (child.type === 'break' || cut !== -1) {
      const text = child.type === 'text' ? child.value.slice(cut + 1) + line : line;
      if (!possibleAnswers.test(text.trim())) return undefined;
      const head: PhrasingContent[] = child.type === 'text' && cut > 0 ? [{ ...child, value: child.value.slice(0, cut) }] : [];
      return { ...paragraph, children: [...children.slice(0, index), ...head] };
    }
    line = toString(child) + line;
  }
  return undefined;
}

function withoutFirstLine(paragraph: Paragraph, pattern: RegExp): Paragraph | undefined {
  const found = firstLine(paragraph);
  if (!found || !pattern.test(found[0].trim())) return undefined;
  const [, index, offset] = found;
  const rest = paragraph.children.slice(index);
  const head = rest[0];
  if (head?.type === 'text' && offset > 0) rest[0] = { ...head, value: head.value.slice(offset) };
  return rest.length > 0 ? { ...paragraph, children: rest } : undefined;
}

/** A blockquote that ends with a swallowed "Possible Answers" line, without that line. */
export function withoutTrailingMarker(quote: Blockquote): Blockquote | undefined {
  const last = quote.children.at(-1);
  const trimmed = last?.type === 'paragraph' ? withoutAnswersLine(last) : undefined;
  return trimmed ? { ...quote, children: [...quote.children.slice(0, -1), trimmed] } : undefined;
}
