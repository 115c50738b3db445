/**
 * remark-rehype handler for tables, as Pandoc writes them: the caption,
 * a `colgroup` with the relative widths when the table has them, the header
 * row in `thead` (none for a headerless table), alignment as `text-align`,
 * and cells that hold blocks (grid and multiline tables) or inline content.
 */
import type { Element } from 'hast';
import type { Nodes, Table, TableRow } from 'mdast';
import { h } from 'hastscript';
import type { State } from 'mdast-util-to-hast';
import type { TableCaption } from '../types.js';
import { mergeProperties, toProperties } from './properties.js';

const blockTypes = new Set(['paragraph', 'list', 'code', 'blockquote', 'heading', 'table', 'thematicBreak', 'fencedDiv', 'figure', 'math']);

/** `table` handler. */
export function table(state: State, node: Table): Element {
  const [first, ...others] = node.children as Array<TableRow | TableCaption>;
  const caption = first?.type === 'tableCaption' ? first : undefined;
  const rows = (caption ? others : node.children) as TableRow[];
  const headless = node.data?.headless === true;
  const head = headless ? [] : rows.slice(0, 1);
  const body = headless ? rows : rows.slice(1);
  const children: Element[] = [];
  if (caption) children.push(patched(state, caption, h('caption', state.all(caption as unknown as Nodes))));
  // Pandoc's rounding: columns in whole percents, down; the table as wide as its columns together, rounded.
  const widths = node.data?.columnWidths?.some((width) => width > 0) ? node.data.columnWidths : undefined;
  if (widths) children.push(h('colgroup', state.wrap(widths.map((width) => h('col', { style: `width: ${percent(width)}` })), true)));
  if (head.length > 0) children.push(h('thead', state.wrap(head.map((row) => tableRow(state, row, 'th', node.align ?? [])), true)));
  if (body.length > 0) children.push(h('tbody', state.wrap(body.map((row) => tableRow(state, row, 'td', node.align ?? [])), true)));
  const total = widths?.reduce((sum, width) => sum + width, 0);
  const properties = mergeProperties(total && total < 0.995 ? { style: `width: ${Math.round(total * 100)}%` } : {}, toProperties(node.data?.attributes, 'table'));
  const result: Element = { type: 'element', tagName: 'table', properties, children: state.wrap(children, true) };
  state.patch(node, result);
  return state.applyData(node, result);
}

function percent(fraction: number): string {
  return `${Math.floor(fraction * 100 + 1e-9)}%`;
}

function tableRow(state: State, row: TableRow, tagName: 'th' | 'td', align: Table['align'] & {}): Element {
  const cells = row.children.map((cell, index) => {
    const content = state.all(cell);
    const blocks = cell.children.some((child) => blockTypes.has(child.type));
    const alignment = align[index];
    const properties = alignment ? { style: `text-align: ${alignment}` } : {};
    return patched(state, cell, h(tagName, properties, blocks ? state.wrap(content, true) : content));
  });
  return patched(state, row, h('tr', state.wrap(cells, true)));
}

function patched(state: State, node: Nodes | TableCaption, element: Element): Element {
  state.patch(node as Nodes, element);
  return element;
}
