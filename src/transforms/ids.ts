/**
 * Give every heading an id (its `{#id}` or Pandoc's automatic one) and
 * record every id the deck will carry in `file.data.ids`, reporting ids
 * written twice. Slides take their ids from their headings.
 */
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { IdRegistry } from '../mdast/slug.js';
import { setAttributes } from './inline-attributes.js';

/** Remark plugin: assign heading ids and collect all ids. */
export function ids() {
  return (tree: Root, file: VFile): undefined => {
    const registry = new IdRegistry();
    if (file.data.meta?.title) registry.claim('title-slide');
    visit(tree, (node) => {
      const id = explicitId(node);
      if (id !== undefined && !registry.claim(id)) {
        report(file, `Id \`${id}\` is used twice in this lecture; links to it reach only the first`, rules.duplicateId, node);
      }
    });
    visit(tree, 'heading', (node) => {
      if (explicitId(node) !== undefined) return;
      const attributes = node.data?.attributes ?? { classes: [], values: {} };
      attributes.id = registry.derive(node.data?.idText ?? toString(node));
      setAttributes(node, attributes);
    });
    file.data.ids = registry.ordered;
  };
}

function explicitId(node: Nodes): string | undefined {
  const attributes = node.type === 'fencedDiv' || node.type === 'bracketedSpan' ? node.attributes : node.data?.attributes;
  return attributes?.id || undefined;
}
