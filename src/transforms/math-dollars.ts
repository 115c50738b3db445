/**
 * Pandoc's rules for math, on the tree:
 *
 * - `$…$`: the opening `$` must be followed by a non-space, the closing `$`
 *   preceded by a non-space and not followed by a digit, so
 *   "$20,000 and $30,000" stays text;
 * - `$$…$$` is display math inside a paragraph. The display math that
 *   starts a line (`syntax/display-math.ts`) is its own paragraph when
 *   parsed; it is joined back to the lines directly before and after it,
 *   which Pandoc reads as one paragraph;
 * - a `$$` left as text never closed: it is reported where it is written.
 */
import type { Paragraph, Parent, Root, RootContent, Text } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report, rules } from '../diagnostics.js';

/** Remark plugin: apply Pandoc's `$` rules to inline math. */
export function mathDollars() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    joinDisplayParagraphs(tree);
    visit(tree, 'inlineMath', (node, index, parent) => {
      const raw = sourceOf(node, source);
      if (raw === undefined || !parent || index === undefined || isDisplay(node)) return undefined;
      if (/^\$\$/.test(raw)) {
        setDisplay(node);
        return undefined;
      }
      const inner = raw.slice(1, -1);
      const next = source.charAt(node.position?.end.offset ?? 0);
      // reveal.js's math plugin (MathJax, KaTeX) takes `$ a_1 $` with spaces inside; Pandoc does not.
      const spaced = /^\s|\s$/.test(inner) && file.data.dialect !== 'reveal-md';
      if (spaced || /[0-9]/.test(next)) {
        const text: Text = { type: 'text', value: raw, position: node.position };
        parent.children[index] = text;
        return SKIP;
      }
      return undefined;
    });
    reportUnclosed(tree, file, source);
  };
}

/** Whether `node` is display math (`$$…$$`). */
export function isDisplay(node: InlineMath): boolean {
  const className = node.data?.hProperties?.className;
  return Array.isArray(className) && className.includes('math-display');
}

function setDisplay(node: InlineMath): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['language-math', 'math-display'] } };
}

/** Join each display-math paragraph with the paragraphs written directly before and after it. */
function joinDisplayParagraphs(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node) || !node.children.some((child) => child.type === 'paragraph' && child.data?.displayMath)) return;
    const parent = node as Parent;
    const result: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      const previous = result.at(-1);
      if (child.type === 'paragraph' && previous?.type === 'paragraph' && (child.data?.displayMath || previous.data?.displayMath) && adjacent(previous, child)) {
        join(previous, child);
      } else {
        result.push(child);
      }
    }
    parent.children = result;
  });
}

function adjacent(first: Paragraph, second: Paragraph): boolean {
  const end = first.position?.end.line;
  return end !== undefined && second.position?.start.line === end + 1;
}

function join(first: Paragraph, second: Paragraph): void {
  const lineBreak: Text = { type: 'text', value: '\n' };
  first.children.push(lineBreak, ...second.children);
  first.data = { ...first.data, displayMath: true };
  if (first.position && second.position) first.position = { start: first.position.start, end: second.position.end };
}

/** Report every `$$` written in text: display math that never closed within its paragraph. */
function reportUnclosed(tree: Root, file: VFile, source: string): void {
  const locator = location(file);
  visit(tree, 'text', (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !node.value.includes('$$')) return;
    for (const match of source.slice(start, end).matchAll(/(?<!\\)\$\$/g)) {
      const point = locator.toPoint(start + match.index);
      const place = point ? { position: { start: point, end: { ...point, column: point.column + 2, offset: (point.offset ?? 0) + 2 } } } : node;
      report(file, 'Display math `$$` is never closed: a formula ends at the next `$$` of its paragraph (a blank line ends the paragraph); it is shown as text', rules.unclosedMath, place);
    }
  });
}

function sourceOf(node: InlineMath, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}
