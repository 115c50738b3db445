/**
 * Emoji shortcodes (`:smile:` 😄, `:heavy_check_mark:` ✔️), by GitHub's
 * names (gemoji, the list Pandoc's `emoji` extension uses), where the
 * lecture's own tools show them: course notes and tutorials, which GitHub
 * renders, and Pandoc or Quarto lectures that turn the extension on
 * (`from: markdown+emoji`, as Quarto decks do, or a `format:` with
 * `+emoji`); `-emoji` turns it off. A name GitHub does not know stays as
 * written. Only text: never code, math, raw HTML or a URL shown as a link.
 */
import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import { nameToEmoji } from 'gemoji';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lectureExtensions } from '../dialects/format.js';
import { isAutolink } from './written.js';

const shortcode = /:([+\w-]+):/g;

/** Remark plugin: emoji shortcodes. */
export function emoji() {
  return (tree: Root, file: VFile): undefined => {
    if (!wanted(file)) return;
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (isAutolink(node)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined || !node.value.includes(':')) return undefined;
      const value = node.value.replace(shortcode, (written, name: string) => nameToEmoji[name] ?? written);
      if (value === node.value) return undefined;
      // The emoji are shorter than their names: positions inside the text no longer hold, the node's do.
      parent.children[index] = { type: 'text', value, position: node.position } satisfies PhrasingContent;
      return undefined;
    });
  };
}

function wanted(file: VFile): boolean {
  return lectureExtensions(file.data.meta?.raw).emoji ?? file.data.dialect === 'notes';
}
