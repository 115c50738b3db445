/**
 * Fragments, as Pandoc makes them for reveal.js:
 *
 * - a `. . .` paragraph is a pause: what follows it in the same block
 *   (slide, column, div) appears on the next step;
 * - lists inside `::: incremental`, or every list when front matter sets
 *   `incremental: true` (except inside `::: nonincremental`), reveal one
 *   item per step; a list that is the only content of a block quote flips
 *   the deck's setting for that list, as in Pandoc.
 */
import type { Blockquote, List, Nodes, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import type { FencedDiv } from '../types.js';

/** Remark plugin: turn pauses and incremental lists into fragments. */
export function fragments() {
  return (tree: Root, file: VFile): undefined => {
    markIncremental(tree, file.data.meta?.incremental ?? false);
    splitPauses(tree);
  };
}

/** Whether `node` is a `. . .` paragraph. */
export function isPause(node: Nodes): boolean {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false;
  const [child] = node.children;
  return child?.type === 'text' && child.value.trim() === '. . .';
}

function splitPauses(parent: Parent): void {
  const index = parent.children.findIndex((child) => isPause(child as Nodes));
  const before = index === -1 ? parent.children : parent.children.slice(0, index);
  for (const child of before) if ('children' in child && child.type !== 'paragraph') splitPauses(child);
  if (index === -1) return;
  const fragment: FencedDiv = {
    type: 'fencedDiv',
    attributes: { classes: ['fragment'], values: {} },
    children: parent.children.slice(index + 1) as RootContent[],
  };
  splitPauses(fragment);
  parent.children = fragment.children.length > 0 ? [...before, fragment] : before;
}

function markIncremental(node: Nodes, incremental: boolean): void {
  if (node.type === 'list' && incremental) markList(node);
  if (!('children' in node)) return;
  const setting = settingOf(node, incremental);
  node.children.forEach((child, index) => {
    if (child.type === 'blockquote' && isListOnly(child)) {
      const list = child.children[0] as List;
      node.children[index] = list;
      markIncremental(list, !setting);
    } else {
      markIncremental(child as Nodes, setting);
    }
  });
}

function settingOf(node: Parent, incremental: boolean): boolean {
  if (node.type !== 'fencedDiv') return incremental;
  const { classes } = (node as FencedDiv).attributes;
  if (classes.includes('incremental')) return true;
  if (classes.includes('nonincremental')) return false;
  return incremental;
}

function isListOnly(node: Blockquote): boolean {
  return node.children.length === 1 && node.children[0]?.type === 'list';
}

function markList(list: List): void {
  for (const item of list.children) {
    const className = ['fragment'];
    if (typeof item.checked === 'boolean') className.unshift('task-list-item');
    item.data = { ...item.data, hProperties: { ...item.data?.hProperties, className } };
  }
}
