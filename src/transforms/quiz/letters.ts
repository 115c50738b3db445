/**
 * Reading lettered options and answer lines: `a) …`, `(a) …`, `A. …`,
 * `a. …`, `Answer A: …` at the start of a list item or of a line, and
 * `Answer: b` (or `**Answer:** b, d`, `Réponse : c`) after them.
 */
import type { PhrasingContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';

const marker = /^\s*(?:answer\s+)?\(?([a-h])(?:\)|\.|:)\s+/i;

/** The words that introduce an answer line, in the languages we have strings for. */
const answerWords = 'answers?|correct answers?|key|solution|réponses?|antworte?n?|respuestas?|risposte?a?|respostas?|antwoord(?:en)?';
const answerLine = new RegExp(`^(?:${answerWords})\\s*:\\s*(.+)$`, 'is');
/** Letters, then the end, punctuation, a closing parenthesis or an opening one (`b (the Dockerfile)`); never a word (`Answer: a Dockerfile` gives no letter). */
const letterList = /^\(?([a-h])\)?((?:\s*(?:,|and|et|und|y|en|&|\/)\s*\(?[a-h]\)?)*)(?:\s*$|\s*[.;:—–-]\s*([\s\S]*)$|(?<=\))\s*([\s\S]*)$|\s+(\([\s\S]*)$)/i;

/** The letter a line or item starts with (lower case), or `undefined`. */
export function letterOf(content: PhrasingContent[]): string | undefined {
  const head = content[0];
  return head?.type === 'text' ? marker.exec(head.value)?.[1]?.toLowerCase() : undefined;
}

/** `content` without its letter marker. */
export function withoutLetter(content: PhrasingContent[]): PhrasingContent[] {
  const [head, ...rest] = content;
  if (head?.type !== 'text') return content;
  const value = head.value.replace(marker, '');
  return value === '' ? rest : [{ ...head, value } satisfies Text, ...rest];
}

/** Whether `letters` run a, b, c… from the start. */
export function isLetterRun(letters: Array<string | undefined>): boolean {
  return letters.length >= 2 && letters.every((letter, index) => letter === String.fromCharCode(97 + index));
}

/** A parsed answer line: the letters it gives, and the text after them (an explanation). */
export interface AnswerLine {
  letters: string[];
  rest: string;
}

/** The letters at the start of `text` (`b`, `(c)`, `b, d`, `B and D. Because…`), or `undefined`. */
export function lettersOf(text: string): AnswerLine | undefined {
  const letters = letterList.exec(text.trim());
  if (!letters) return undefined;
  const more = (letters[2] ?? '').split(/[\s,&/()]+/).filter((token) => /^[a-h]$/i.test(token)).map((token) => token.toLowerCase());
  return { letters: [letters[1]!.toLowerCase(), ...more], rest: (letters[3] ?? letters[4] ?? letters[5]?.replace(/^\(([^()]*)\)\s*$/, '$1') ?? '').trim() };
}

/** The answer a line gives (`Answer: b`, `**Answer**: b, d. Because…`), or `undefined`. */
export function parseAnswerLine(content: PhrasingContent[]): AnswerLine | undefined {
  const text = toString({ type: 'paragraph', children: content }).trim();
  const line = answerLine.exec(text);
  return line ? lettersOf(line[1]!) : undefined;
}

/** The lines of a paragraph: its children split at line endings and hard breaks. */
export function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') {
      lines.push([]);
      continue;
    }
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    child.value.split('\n').forEach((value, index) => {
      if (index > 0) lines.push([]);
      if (value !== '') lines.at(-1)!.push({ type: 'text', value, position: child.position });
    });
  }
  return lines.map(trimLine).filter((line) => line.length > 0);
}

function trimLine(line: PhrasingContent[]): PhrasingContent[] {
  const result = [...line];
  const first = result[0];
  if (first?.type === 'text') result[0] = { ...first, value: first.value.trimStart() };
  const last = result.at(-1);
  if (last?.type === 'text') result[result.length - 1] = { ...last, value: last.value.trimEnd() };
  return result.filter((node) => !(node.type === 'text' && node.value === ''));
}
