/**
 * A limit on nesting, enforced as the tree is made. Lists in lists, block
 * quotes in block quotes, links in links can nest as deep as the text goes,
 * and every later stage (transforms, rendering, HTML output) walks the tree
 * recursively, as unified's utilities do: thousands of levels overflowed
 * the stack. Content nested deeper than `maxNesting` levels is kept,
 * flattened to plain text in the node where the limit is passed, and
 * reported once per lecture at that line.
 *
 * The limit is a from-markdown transform that runs before any other
 * (remark-gfm's autolink transform walks the tree recursively, copying the
 * ancestors at each level: 3,000 nested block quotes cost it 2 s); the
 * remark plugin reports what it flattened.
 *
 * Fenced divs are paired into a tree later (`fenced-divs.ts`), which applies
 * the same limit with `nestingStep`. This file walks with an explicit stack,
 * so no input depth can overflow it.
 */
import type { Nodes, Paragraph, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

/** Levels of nesting (lists, block quotes, divs, emphasis, links …) a lecture may use. */
export const maxNesting = 100;

/** Parents that do not add a level of their own: a list item is one level with its list, a table row and cell with their table, a paragraph or heading with the block around it. */
const free = new Set(['root', 'listItem', 'tableRow', 'tableCell', 'paragraph', 'heading']);

/** Parents whose children are phrasing content (text), where flattened content stays inline. */
const inline = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'bracketedSpan', 'footnoteReference']);

/** The level a node adds to the nesting of its children: 1 for a parent that nests, else 0. */
export function nestingStep(node: { type: string; children?: unknown }): 0 | 1 {
  return Array.isArray(node.children) && !free.has(node.type) ? 1 : 0;
}

/** The from-markdown extension: flatten what is nested deeper than `maxNesting`, first of all transforms. */
export function nestingFromMarkdown(): FromMarkdownExtension {
  return {
    transforms: [
      (tree) => {
        const flattened = limitNesting(tree, maxNesting);
        // Kept in the tree, for the report: a tree read in pieces (`chunked-parse.ts`) joins them.
        if (flattened.length > 0) (tree.data ??= {}).tooDeep = flattened.map((node) => ({ position: node.position }));
      },
    ],
  };
}

/** Remark plugin: report what the parse flattened, once. */
export function nesting() {
  return (tree: Root, file: VFile): undefined => {
    reportTooDeep(file, tree.data?.tooDeep ?? [], 'lists, block quotes, links or emphasis');
  };
}

/** Report the first of `places` (in source order) once, counting the others. */
export function reportTooDeep(
  file: VFile,
  places: Array<{ position?: Nodes['position'] }>,
  what: string,
  { limit = maxNesting, outcome = 'what is deeper is shown as plain text' } = {},
): void {
  if (places.length === 0) return;
  const first = places.reduce((a, b) => ((b.position?.start.offset ?? Infinity) < (a.position?.start.offset ?? Infinity) ? b : a));
  const more = places.length > 1 ? ` (and ${places.length - 1} more place${places.length === 2 ? '' : 's'})` : '';
  report(file, `Nested deeper than ${limit} levels (${what}); ${outcome}${more}`, rules.tooDeep, first);
}

/** Replace every parent nested deeper than `limit` with its text; returns the nodes replaced. */
export function limitNesting(tree: Parent, limit: number, start = 0): Nodes[] {
  const replaced: Nodes[] = [];
  const stack: Array<[Parent, number]> = [[tree, start]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [parent, level] = entry;
    parent.children.forEach((child, index) => {
      if (!('children' in child)) return;
      const depth = level + nestingStep(child);
      if (depth <= limit) {
        stack.push([child, depth]);
        return;
      }
      replaced.push(child);
      (parent.children as RootContent[])[index] = asText(child, inline.has(parent.type));
    });
  }
  return replaced;
}

/** `node` as text: inline, or as a paragraph when it stood among blocks. */
function asText(node: Nodes, phrasing: boolean): Text | Paragraph {
  const text: Text = { type: 'text', value: textOf(node), position: node.position };
  return phrasing ? text : { type: 'paragraph', children: [text as PhrasingContent], position: node.position };
}

/** The text of `node`, its blocks on lines of their own; without recursion. */
export function textOf(node: Nodes): string {
  const parts: string[] = [];
  const stack: Array<Nodes | '\n'> = [node];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === '\n') parts.push('\n');
    else if ('value' in item && typeof item.value === 'string') parts.push(item.value);
    else if ('children' in item) {
      if (!inline.has(item.type)) stack.push('\n');
      for (let index = item.children.length - 1; index >= 0; index--) stack.push(item.children[index] as Nodes);
    }
  }
  return parts.join('').replace(/\n{2,}/g, '\n').trim();
}
