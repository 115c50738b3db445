/**
 * Plain-text outlines indent sub-items by one space, which CommonMark reads
 * as siblings (or, with another bullet, as a new list). Here an item that
 * starts further right than the item above it nests under that item, as the
 * author meant; source columns decide, so nothing is re-parsed.
 */
import type { List, ListItem, Parent, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { dialectRule } from './index.js';

/** Remark plugin (outlines): nest items by their source column. */
export const outlineLists = dialectRule(['outline'], (tree) => {
  const parents: Parent[] = [];
  const written = new Map<ListItem, List>();
  visit(tree, (node) => {
    if ('children' in node && node.children.some((child) => child.type === 'list')) parents.push(node);
    if (node.type === 'list') for (const item of node.children) written.set(item, node);
  });
  for (const parent of parents) parent.children = mergeIndentedLists(parent.children as RootContent[]);
  visit(tree, 'list', (list) => {
    nestByColumn(list, written);
  });
});

function column(node: RootContent): number {
  return node.position?.start.column ?? 1;
}

/**
 * A list right after another one continues it (a sub-item with another
 * bullet, or the items after such a sub-item, start a new list in
 * CommonMark); `nestByColumn` then puts each item where its column says.
 */
function mergeIndentedLists(children: RootContent[]): RootContent[] {
  const result: RootContent[] = [];
  for (const child of children) {
    const previous = result.at(-1);
    const first = child.type === 'list' ? child.children[0] : undefined;
    if (previous?.type === 'list' && child.type === 'list' && first && (column(first) > column(previous.children[0]!) || previous.ordered === child.ordered)) {
      previous.children.push(...child.children);
      extendTo(previous, child);
    } else result.push(child);
  }
  return result;
}

/** `written` maps each item to the list it was written in, whose kind (bullets or numbers) a new sub-list takes. */
function nestByColumn(list: List, written: Map<ListItem, List>): void {
  const kept: ListItem[] = [];
  const open: ListItem[] = [];
  for (const item of list.children) {
    while (open.length > 0 && column(open.at(-1)!) >= column(item)) open.pop();
    const parent = open.at(-1);
    if (parent) addSubItem(parent, item, written.get(item) ?? list);
    else kept.push(item);
    open.push(item);
  }
  list.children = kept;
}

function addSubItem(parent: ListItem, item: ListItem, list: List): void {
  const last = parent.children.at(-1);
  if (last?.type === 'list') {
    last.children.push(item);
    extendTo(last, item);
  } else {
    parent.children.push({ type: 'list', ordered: list.ordered, start: list.ordered ? list.start : null, spread: false, children: [item], position: item.position && { ...item.position } });
  }
  extendTo(parent, item);
}

function extendTo(node: RootContent, end: RootContent): void {
  if (node.position && end.position) node.position = { start: node.position.start, end: end.position.end };
}
