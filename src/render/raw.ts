/**
 * Parse raw HTML from the lecture into the tree (rehype-raw), so images,
 * links and attributes written as HTML are seen by every later stage. The
 * HTML parser loads only for decks that contain HTML.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, EXIT } from 'unist-util-visit';

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
    return toTree(tree, { file }) as Root;
  };
}
