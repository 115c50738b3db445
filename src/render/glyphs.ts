/**
 * The characters a deck shows, for its fonts: the emoji (and symbols) the
 * course's emoji font is subset to, and every other character beyond ASCII
 * with the line it is first written on, so the PDF export can report one
 * that no font on the printing machine has at that line. Runs on the sealed
 * page: text only a quiz's hidden feedback holds is not counted, so the
 * font's character list tells students nothing the page does not.
 */
import type { Element, Root } from 'hast';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { emojiOf } from '../assets/fonts/emoji.js';
import { classList } from './properties.js';

/** Characters no font is needed for: spaces, controls, combining marks, joiners and selectors. */
const invisible = /[\p{White_Space}\p{Cc}\p{Cf}\p{M}\u{FE00}-\u{FE0F}\u{E0000}-\u{E007F}]/u;

/** Rehype plugin: set `file.data.emoji`, `symbols` and `glyphLines`. */
export function glyphs() {
  return (tree: Root, file: VFile): undefined => {
    const found = { emoji: new Set<number>(), symbols: new Set<number>() };
    const lines: Record<string, number> = {};
    visitParents(tree, (node, ancestors) => {
      if (node.type === 'element' && isSkipped(node)) return SKIP;
      if (node.type !== 'text') return;
      emojiOf(node.value, found);
      const line = lineOf(node) ?? nearestLine(ancestors);
      for (const character of node.value) {
        if (character.codePointAt(0)! < 0x80 || invisible.test(character)) continue;
        lines[character] ??= line;
      }
    });
    file.data.emoji = String.fromCodePoint(...found.emoji);
    file.data.symbols = String.fromCodePoint(...found.symbols);
    file.data.glyphLines = lines;
  };
}

/** The source line a node starts on, when it has one (generated nodes may carry an empty position). */
function lineOf(node: { position?: { start?: { line?: number } } | undefined }): number | undefined {
  return node.position?.start?.line;
}

/** The line of the nearest of `ancestors` that has one (a highlighted token's text has none; its code block has). */
function nearestLine(ancestors: Array<{ position?: { start?: { line?: number } } | undefined }>): number {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const line = lineOf(ancestors[index]!);
    if (line !== undefined) return line;
  }
  return 1;
}

/** Scripts, styles and typeset math (KaTeX's own fonts draw it) hold no text the theme's fonts show. */
function isSkipped(node: Element): boolean {
  if (node.tagName === 'script' || node.tagName === 'style') return true;
  const classes = node.properties.className;
  return Array.isArray(classes) ? classes.includes('katex') : classList(classes).includes('katex');
}
