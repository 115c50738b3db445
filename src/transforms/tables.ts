/**
 * Build Pandoc's tables from their layout (`syntax/tables/`): each cell's
 * text is parsed as markdown with the lecture's own parser — blocks for grid
 * and multiline tables, one line of inline content for simple and pipe
 * tables, as in Pandoc (`mdast/parse-inline.ts`: `- a` or `1.` stays
 * text; the one-line cells of all a lecture's tables in one parse) — with
 * positions mapped back into the lecture, so
 * later transforms and messages see the cell content where it is written.
 * A `Table: …` or `: …` paragraph right before or after a table becomes its
 * caption, `{#id .class}` at its end the table's attributes.
 */
import type { BlockContent, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { InlineBatch } from '../mdast/parse-inline.js';
import type { CellText } from '../syntax/tables/layout.js';
import type { Attributes, PandocTable, TableCaption } from '../types.js';

/** Remark plugin: replace `pandocTable` nodes with mdast tables, and read their captions. */
export function tables(this: Processor) {
  const processor = this;
  return (tree: Root): undefined => {
    const parse = (text: string) => processor.parse(text) as Root;
    const batch = new InlineBatch(parse);
    visit(tree, 'pandocTable', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      parent.children[index] = buildTable(node, parse, batch);
      return undefined;
    });
    batch.flush();
    visit(tree, 'table', (node, index, parent) => {
      if (parent && index !== undefined) return readCaption(parent.children as RootContent[], index);
      return undefined;
    });
  };
}

/**
 * Build the mdast table of `node`, parsing cell text with `parse`; one-line
 * cells are filled in when `batch` is flushed (at once without a batch).
 */
export function buildTable(node: PandocTable, parse: (text: string) => Root, batch?: InlineBatch): Table {
  const { layout } = node;
  const bases = lineBases(node);
  const cells = batch ?? new InlineBatch(parse);
  const toCell = (text: CellText): TableCell => {
    const cell: TableCell = { type: 'tableCell', children: [] };
    cellContent(text, layout.blocks, bases, parse, cells, (children) => (cell.children = children));
    return cell;
  };
  const rows = [...layout.head, ...layout.body].map((row): TableRow => ({ type: 'tableRow', children: row.map(toCell) }));
  if (!batch) cells.flush();
  return {
    type: 'table',
    align: layout.aligns,
    children: rows,
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

/** The content of one cell, handed to `done`: its blocks, or its inline content when that is all it is. */
function cellContent(cell: CellText, blocks: boolean, bases: Array<Point | undefined>, parse: (text: string) => Root, batch: InlineBatch, done: (children: PhrasingContent[]) => void): void {
  if (cell.lines.length === 0) return done([]);
  const text = cell.lines.map((line) => line.text).join('\n');
  const map = (point: Point): Point => {
    const line = cell.lines[point.line - 1];
    const base = line && bases[line.line];
    if (!line || !base) return point;
    const column = point.column - 1;
    return { line: base.line, column: base.column + line.column + column, offset: (base.offset ?? 0) + line.column + column };
  };
  if (!blocks) return batch.add(text, map, done);
  const root = parse(text);
  visit(root, (child: Nodes) => {
    if (child.position) child.position = { start: map(child.position.start), end: map(child.position.end) };
  });
  const [first] = root.children;
  if (root.children.length === 1 && first?.type === 'paragraph') return done(first.children);
  // Block content in a cell: mdast types cells as phrasing, our table handler renders blocks.
  done(root.children as BlockContent[] as unknown as PhrasingContent[]);
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
