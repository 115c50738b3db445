/**
 * The characters a deck shows, for its fonts: the emoji (and symbols) the
 * course's emoji font is subset to, and every other character beyond ASCII
 * with the line it is first written on, so the PDF export can report one
 * that no font on the printing machine has at that line. Runs on the sealed
 * page: text only a quiz's hidden feedback holds is not counted, so the
 * font's character list tells students nothing the page does not.
 */
import type { Element, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
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
    visitParents(tree, 'text', (node, ancestors) => {
      if (ancestors.some(isSkipped)) return;
      emojiOf(node.value, found);
      const line = lineOf(node) ?? [...ancestors].reverse().map(lineOf).find((found) => found !== undefined) ?? 1;
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

/** Scripts, styles and typeset math (KaTeX's own fonts draw it) hold no text the theme's fonts show. */
function isSkipped(node: Root | Element): boolean {
  return node.type === 'element' && (node.tagName === 'script' || node.tagName === 'style' || classList(node.properties.className).includes('katex'));
}
