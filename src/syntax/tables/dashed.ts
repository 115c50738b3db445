/**
 * Pandoc's simple and multiline tables: columns given by groups of dashes,
 * alignment by where the header text sits over its dashes, in Pandoc's order
 * of trying them (multiline with a header, simple, then headerless
 * multiline). Unlike Pandoc, a table needs two columns: one column of text
 * between dash lines is how decks write `---` slide breaks without blank
 * lines around them.
 */
import { type Align, type CellLine, type CellText, dashGroups, isBlank, type TableLayout, widthsFromIndices } from './layout.js';

const dashLine = /^\s*-[-\s]*$/;
const fullDashLine = /^\s*-+\s*$/;

/** A simple or multiline table at the start of `lines`, or `undefined`. */
export function dashedLayout(lines: string[]): TableLayout | undefined {
  return multiline(lines, true) ?? simple(lines, false) ?? simple(lines, true) ?? multiline(lines, false);
}

function columnsOf(groups: Array<[number, number]>): Array<[number, number | undefined]> {
  return groups.map(([start], index) => [start, index + 1 < groups.length ? groups[index + 1]![0] : undefined]);
}

function cellLine(line: string, lineIndex: number, [start, end]: [number, number | undefined]): CellLine {
  const raw = line.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  return { line: lineIndex, column: start + leading, text: raw.trim() };
}

/** One cell per column from the table lines `first` to `last` (inclusive), blank lines left out. */
function row(lines: string[], first: number, last: number, columns: Array<[number, number | undefined]>): CellText[] {
  return columns.map((column) => ({
    lines: lines.slice(first, last + 1).flatMap((line, offset) => (isBlank(line) ? [] : [cellLine(line, first + offset, column)])),
  }));
}

/** Pandoc's `alignType`: from the shortest line of a header cell, whether it starts with a space and ends before its dashes. */
function alignType(cells: string[], length: number): Align {
  const lines = cells.map((cell) => cell.trimEnd()).filter((cell) => cell !== '');
  if (lines.length === 0) return null;
  const shortest = lines.reduce((best, line) => (line.length < best.length ? line : best));
  const left = shortest.startsWith(' ');
  const right = shortest.length < length;
  if (left && right) return 'center';
  if (left) return 'right';
  if (right) return 'left';
  return null;
}

function aligns(lines: string[], rows: number[], groups: Array<[number, number]>): Align[] {
  const columns = columnsOf(groups);
  return groups.map(([start, end], index) => alignType(rows.map((line) => lines[line]!.slice(start, columns[index]![1])), end - start));
}

function simple(lines: string[], headless: boolean): TableLayout | undefined {
  const dashIndex = headless ? 0 : 1;
  if (!headless && (isBlank(lines[0]) || dashLine.test(lines[0]!))) return undefined;
  const groups = dashGroups(lines[dashIndex] ?? '');
  if (!groups || groups.length < 2) return undefined;
  let end = dashIndex + 1;
  while (end < lines.length && !isBlank(lines[end]) && !dashLine.test(lines[end]!)) end++;
  if (end === dashIndex + 1) return undefined;
  const closed = end < lines.length && dashLine.test(lines[end]!);
  if (headless && !closed) return undefined;
  if (closed && !isBlank(lines[end + 1])) return undefined;
  const columns = columnsOf(groups);
  const bodyLines = Array.from({ length: end - dashIndex - 1 }, (_, index) => dashIndex + 1 + index);
  return {
    kind: 'simple',
    lineCount: closed ? end + 1 : end,
    aligns: aligns(lines, headless ? [bodyLines[0]!] : [0], groups),
    head: headless ? [] : [row(lines, 0, 0, columns)],
    body: bodyLines.map((line) => row(lines, line, line, columns)),
    blocks: false,
  };
}

function multiline(lines: string[], headed: boolean): TableLayout | undefined {
  let dashIndex = 0;
  if (headed) {
    if (!fullDashLine.test(lines[0] ?? '')) return undefined;
    dashIndex = 1;
    while (dashIndex < lines.length && !isBlank(lines[dashIndex]) && !dashLine.test(lines[dashIndex]!)) dashIndex++;
    if (dashIndex === 1) return undefined;
  }
  const groups = dashGroups(lines[dashIndex] ?? '');
  if (!groups || groups.length < 2) return undefined;
  // Without a header, the first row follows the dashes at once: dashes, a blank line and text are a rule and a paragraph, as Pandoc reads them.
  if (!headed && isBlank(lines[dashIndex + 1])) return undefined;
  const rows: Array<[number, number]> = [];
  let index = dashIndex + 1;
  while (index < lines.length && !dashLine.test(lines[index]!)) {
    if (isBlank(lines[index])) {
      if (isBlank(lines[index + 1])) return undefined;
      index++;
      continue;
    }
    const first = index;
    while (index + 1 < lines.length && !isBlank(lines[index + 1]) && !dashLine.test(lines[index + 1]!)) index++;
    rows.push([first, index]);
    index++;
  }
  if (index >= lines.length || rows.length === 0 || !isBlank(lines[index + 1])) return undefined;
  const columns = columnsOf(groups);
  const headRows = headed ? Array.from({ length: dashIndex - 1 }, (_, line) => line + 1) : [];
  const alignRows = headed ? headRows : Array.from({ length: rows[0]![1] - rows[0]![0] + 1 }, (_, line) => rows[0]![0] + line);
  const ends = [...groups.slice(1).map(([start]) => start), groups.at(-1)![1]];
  return {
    kind: 'multiline',
    lineCount: index + 1,
    aligns: aligns(lines, alignRows, groups),
    widths: widthsFromIndices(groups[0]![0], ends, true),
    head: headed ? [row(lines, 1, dashIndex - 1, columns)] : [],
    body: rows.map(([first, last]) => row(lines, first, last, columns)),
    blocks: true,
  };
}
