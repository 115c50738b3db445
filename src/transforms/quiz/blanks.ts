/**
 * Blanks of fill-in-the-blank questions, as mkdocs-quiz writes them:
 * `The capital of France is [[Paris]].` Several accepted answers are
 * separated by `|`: `[[colour|color]]`. Blanks are found in text only, never
 * in code.
 */
import type { BlockContent, Parent, PhrasingContent, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import type { QuizBlank } from '../../types.js';

const blank = /\[\[([^[\]]+)\]\]/g;

/** The accepted answers written in one blank: `colour | color` → `["colour", "color"]`. */
export function answersOf(written: string): string[] {
  return written.split('|').map((answer) => answer.trim()).filter((answer) => answer !== '');
}

/** Replace every `[[answer]]` in the text of `blocks` with a `quizBlank` node; returns how many were found. */
export function parseBlanks(blocks: BlockContent[]): number {
  let count = 0;
  for (const block of blocks) {
    visit(block, 'text', (node: Text, index, parent: Parent | undefined) => {
      if (!parent || index === undefined || !node.value.includes('[[')) return undefined;
      const pieces = split(node);
      if (pieces.length === 1) return undefined;
      count += pieces.filter((piece) => piece.type === 'quizBlank').length;
      parent.children.splice(index, 1, ...(pieces as typeof parent.children));
      return [SKIP, index + pieces.length];
    });
  }
  return count;
}

function split(node: Text): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(blank)) {
    const answers = answersOf(match[1]!);
    if (answers.length === 0) continue;
    if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
    pieces.push({ type: 'quizBlank', answers, position: node.position } satisfies QuizBlank);
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return [node];
  if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
  return pieces;
}
