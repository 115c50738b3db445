/**
 * Pandoc's rules for `$…$`: the opening `$` must be followed by a non-space,
 * the closing `$` preceded by a non-space and not followed by a digit, so
 * "$20,000 and $30,000" stays text. `$$…$$` inside a paragraph is display
 * math, as in Pandoc.
 */
import type { InlineMath } from 'mdast-util-math';
import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Remark plugin: apply Pandoc's `$` rules to inline math. */
export function mathDollars() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    visit(tree, 'inlineMath', (node, index, parent) => {
      const raw = sourceOf(node, source);
      if (raw === undefined || !parent || index === undefined) return undefined;
      const fence = /^\$+/.exec(raw)?.[0].length ?? 1;
      if (fence >= 2) {
        node.data = { ...node.data, hProperties: { className: ['language-math', 'math-display'] } };
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
  };
}

function sourceOf(node: InlineMath, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}
