/**
 * Parse raw HTML from the lecture into the tree (rehype-raw), so images,
 * links and attributes written as HTML are seen by every later stage. The
 * HTML parser loads only for decks that contain HTML.
 *
 * HTML nested thousands of elements deep overflows the stack of the tree
 * conversion (hast-util-raw recurses per element); the deck's raw HTML is
 * then shown as text, with one warning, and the slides still build.
 * `hastNesting` bounds what does get through.
 */
import type { Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { visit, EXIT } from 'unist-util-visit';
import { report, rules } from '../diagnostics.js';

/** Rehype plugin: like rehype-raw, but free for decks without HTML. */
export function raw() {
  return async (tree: Root, file: VFile): Promise<Root> => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    if (!found) return tree;
    const { raw: toTree } = await import('hast-util-raw');
    try {
      return toTree(tree, { file }) as Root;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return rawAsText(tree, file);
    }
  };
}

/** The tree with every raw HTML node turned into text, reported once. */
function rawAsText(tree: Root, file: VFile): Root {
  let first: Text | undefined;
  visit(tree, 'raw', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const text: Text = { type: 'text', value: node.value, position: node.position };
    parent.children[index] = text;
    first ??= text;
  });
  report(file, 'Raw HTML nested too deep to read (thousands of elements); the raw HTML of this lecture is shown as text', rules.tooDeep, first);
  return tree;
}
