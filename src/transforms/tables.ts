/**
 * Build Pandoc's tables from their layout (`syntax/tables/`): each cell's
 * text is parsed as markdown with the lecture's own parser — blocks for grid
 * and multiline tables, one line of inline content for simple and pipe
 * tables, as in Pandoc (`mdast/parse-inline.ts`: `- a` or `1.` stays
 * text) — with positions mapped back into the lecture, so
 * later transforms and messages see the cell content where it is written.
 * A `Table: …` or `: …` paragraph right before or after a table becomes its
 * caption, `{#id .class}` at its end the table's attributes.
 */
import type { BlockContent, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { parseInlines } from '../mdast/parse-inline.js';
import type { CellText } from '../syntax/tables/layout.js';
import type { Attributes, PandocTable, TableCaption } from '../types.js';

/** Remark plugin: replace `pandocTable` nodes with mdast tables, and read their captions. */
export function tables(this: Processor) {
  const processor = this;
  return (tree: Root): undefined => {
    visit(tree, 'pandocTable', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      parent.children[index] = buildTable(node, (text) => processor.parse(text) as Root);
      return undefined;
    });
    visit(tree, 'table', (node, index, parent) => {
      if (parent && index !== undefined) return readCaption(parent.children as RootContent[], index);
      return undefined;
    });
  };
}

/** Build the mdast table of `node`, parsing cell text with `parse`. */
export function buildTable(node: PandocTable, parse: (text: string) => Root): Table {
  const { layout } = node;
  const bases = lineBases(node);
  const cells = [...layout.head, ...layout.body];
  // Inline cells are read in one parse for the whole table (`parseInlines`); block cells one by one.
  const inline = layout.blocks ? undefined : inlineCells(cells.flat(), bases, parse);
  let next = 0;
  const toRow = (row: CellText[]): TableRow => ({
    type: 'tableRow',
    children: row.map((cell): TableCell => ({ type: 'tableCell', children: inline ? inline[next++]! : blockCell(cell, bases, parse) })),
  });
  return {
    type: 'table',
    align: layout.aligns,
    children: cells.map(toRow),
    position: node.position,
    data: { columnWidths: layout.widths, headless: layout.head.length === 0 },
  };
}

/** Where column 0 of each table line is in the lecture. */
function lineBases(node: PandocTable): Array<Point | undefined> {
  const firstLine = node.position?.start.line ?? 1;
  const bases: Array<Point | undefined> = [];
  for (const line of node.lines) {
    const index = line.start.line - firstLine;
    const shift = index === 0 ? node.indent : 0;
    bases[index] = { line: line.start.line, column: line.start.column - shift, offset: (line.start.offset ?? 0) - shift };
  }
  return bases;
}

/** A function moving a point of `cell`'s text (its lines joined) to where it is in the lecture. */
function cellMap(cell: CellText, bases: Array<Point | undefined>): (point: Point) => Point {
  return (point: Point): Point => {
    const line = cell.lines[point.line - 1];
    const base = line && bases[line.line];
    if (!line || !base) return point;
    const column = point.column - 1;
    return { line: base.line, column: base.column + line.column + column, offset: (base.offset ?? 0) + line.column + column };
  };
}

/** The text of `cell`: its lines joined. */
function cellText(cell: CellText): string {
  return cell.lines.map((line) => line.text).join('\n');
}

/** The inline content of every one of `cells`, in order. */
function inlineCells(cells: CellText[], bases: Array<Point | undefined>, parse: (text: string) => Root): PhrasingContent[][] {
  const filled = cells.filter((cell) => cell.lines.length > 0);
  const parsed = parseInlines(parse, filled.map(cellText), filled.map((cell) => cellMap(cell, bases)));
  let next = 0;
  return cells.map((cell) => (cell.lines.length === 0 ? [] : parsed[next++]!));
}

/** The content of one cell of a grid or multiline table: its blocks, or its inline content when that is all it is. */
function blockCell(cell: CellText, bases: Array<Point | undefined>, parse: (text: string) => Root): PhrasingContent[] {
  if (cell.lines.length === 0) return [];
  const map = cellMap(cell, bases);
  const root = parse(cellText(cell));
  visit(root, (child: Nodes) => {
    if (child.position) child.position = { start: map(child.position.start), end: map(child.position.end) };
  });
  const [first] = root.children;
  if (root.children.length === 1 && first?.type === 'paragraph') return first.children;
  // Block content in a cell: mdast types cells as phrasing, our table handler renders blocks.
  return root.children as BlockContent[] as unknown as PhrasingContent[];
}

const captionStart = /^(?:[Tt]able)?:\s+/;

/** A caption paragraph before the table (Pandoc's first choice) or after it; returns where to continue. */
function readCaption(siblings: RootContent[], index: number): number | undefined {
  const table = siblings[index] as Table;
  for (const at of [index - 1, index + 1]) {
    const paragraph = siblings[at];
    if (paragraph?.type !== 'paragraph' || !isCaption(paragraph)) continue;
    const { caption, attributes } = toCaption(paragraph);
    table.children.unshift(caption as unknown as TableRow);
    if (attributes) table.data = { ...table.data, attributes };
    siblings.splice(at, 1);
    return at < index ? index : index + 1;
  }
  return undefined;
}

function isCaption(paragraph: Paragraph): boolean {
  const [first] = paragraph.children;
  return first?.type === 'text' && captionStart.test(first.value);
}

/** The caption, without its `Table:` and without the `{#id .class}` at its end, which are the table's. */
function toCaption(paragraph: Paragraph): { caption: TableCaption; attributes?: Attributes | undefined } {
  const children = [...paragraph.children];
  const first = children[0] as { value: string };
  first.value = first.value.replace(captionStart, '');
  const last = children.at(-1);
  const caption: TableCaption = { type: 'tableCaption', children, position: paragraph.position };
  if (last?.type !== 'inlineAttributes') return { caption };
  children.pop();
  const text = children.at(-1);
  if (text?.type === 'text') text.value = text.value.trimEnd();
  return { caption, attributes: last.attributes };
}
