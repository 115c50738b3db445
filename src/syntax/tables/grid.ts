/**
 * Pandoc's grid tables: `+---+---+` borders, `|` between cells, a `+===+`
 * line under the header, colons in it (or, without a header, in the top
 * border) for alignment. Cells hold blocks (lists, paragraphs, code).
 * Pandoc 3's row and column spans are not read: every row has every cell.
 */
import { type Align, type CellLine, type CellText, isBlank, type TableLayout, widthsFromIndices } from './layout.js';

const border = /^\+(?::?[-=]+:?\+)+\s*$/;

/** A grid table at the start of `lines`, or `undefined`. */
export function gridLayout(lines: string[]): TableLayout | undefined {
  const top = lines[0]?.trimStart() ?? '';
  const indent = (lines[0]?.length ?? 0) - top.length;
  if (!border.test(top) || top.includes('=')) return undefined;
  let end = 1;
  while (end < lines.length && /^[+|]/.test(lines[end]!.slice(indent))) end++;
  const last = end - 1;
  if (last === 0 || !border.test(lines[last]!.slice(indent))) return undefined;
  const bounds = [...top.matchAll(/\+/g)].map((match) => indent + match.index);
  const separators = lines.slice(0, end).flatMap((line, index) => (border.test(line.slice(indent)) ? [index] : []));
  const headSeparator = separators.find((index) => lines[index]!.includes('='));
  const rows = separators.slice(1).map((index, position) => [separators[position]! + 1, index - 1] as [number, number]).filter(([first, lastLine]) => lastLine >= first);
  const cells = rows.map(([first, lastLine]) => row(lines, first, lastLine, bounds));
  const headCount = headSeparator === undefined ? 0 : rows.filter(([, lastLine]) => lastLine < headSeparator).length;
  const parts = top.split('+').slice(1, -1);
  return {
    kind: 'grid',
    lineCount: end,
    aligns: alignsOf(lines[headSeparator ?? 0]!.trim()),
    widths: widthsFromIndices(0, parts.reduce<number[]>((ends, part) => [...ends, (ends.at(-1) ?? 0) + part.length + 1], []), false),
    head: cells.slice(0, headCount),
    body: cells.slice(headCount),
    blocks: true,
  };
}

function alignsOf(line: string): Align[] {
  return line
    .split('+')
    .slice(1, -1)
    .map((part) => {
      const left = part.startsWith(':');
      const right = part.endsWith(':');
      return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
    });
}

/** The cells of the row on lines `first` to `last`: each the text between its column bounds, dedented together. */
function row(lines: string[], first: number, last: number, bounds: number[]): CellText[] {
  return bounds.slice(0, -1).map((start, column) => {
    const end = bounds[column + 1]!;
    const raw: CellLine[] = lines.slice(first, last + 1).map((line, offset) => ({ line: first + offset, column: start + 1, text: line.slice(start + 1, end).trimEnd() }));
    return { lines: dedent(raw) };
  });
}

/** Remove the indentation the lines of a cell share, so `- item` under `| ` is a list and not code. */
function dedent(lines: CellLine[]): CellLine[] {
  const kept = lines.filter((line) => !isBlank(line.text));
  if (kept.length === 0) return [];
  const indent = Math.min(...kept.map((line) => line.text.length - line.text.trimStart().length));
  const first = lines.indexOf(kept[0]!);
  const last = lines.indexOf(kept.at(-1)!);
  return lines.slice(first, last + 1).map((line) => ({ line: line.line, column: line.column + indent, text: line.text.slice(indent) }));
}
