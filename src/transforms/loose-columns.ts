/**
 * A `::: column` with no `::: columns` around it is still laid out side by
 * side: consecutive loose columns are wrapped in a `.columns` div, as
 * authors who forget the outer div expect (Quarto lays them out alike).
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { FencedDiv } from '../types.js';

/** Remark plugin: wrap loose `.column` divs in `.columns`. */
export function looseColumns() {
  return (tree: Root): undefined => {
    walk(tree, false);
  };
}

function isColumn(node: RootContent): node is FencedDiv {
  return node.type === 'fencedDiv' && node.attributes.classes.includes('column');
}

function walk(parent: Parent, inColumns: boolean): void {
  const result: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if ('children' in child) walk(child, child.type === 'fencedDiv' && child.attributes.classes.includes('columns'));
    const last = result.at(-1);
    if (!inColumns && isColumn(child)) {
      if (last?.type === 'fencedDiv' && last.data?.looseColumns) last.children.push(child);
      else result.push({ type: 'fencedDiv', attributes: { classes: ['columns'], values: {} }, children: [child], position: child.position, data: { looseColumns: true } });
    } else result.push(child);
  }
  parent.children = result as Parent['children'];
}
