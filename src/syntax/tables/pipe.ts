/**
 * Pandoc's pipe tables, split into cells the way Pandoc splits them: at
 * each `|` that is not escaped (`\|`) and not inside a code span; a row with
 * too many cells loses the extra ones, one with too few is padded. The
 * header is required; widths are relative to the dashes of the separator
 * line when a line is wider than 72 characters, as in Pandoc.
 */
import { type Align, type CellLine, isBlank, type TableLayout, textColumns } from './layout.js';

const separatorCell = /^\s*(:?)(-+)(:?)\s*$/;

/** A pipe table at the start of `lines`, or `undefined`. */
export function pipeLayout(lines: string[]): TableLayout | undefined {
  const [header, separator] = lines;
  if (header === undefined || separator === undefined || isBlank(header)) return undefined;
  const separatorCells = splitRow(separator, 1);
  const parts = separatorCells.map((cell) => separatorCell.exec(cell.text.length > 0 ? ` ${cell.text} ` : '') ?? undefined);
  if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
  if (!hasPipe(header) && !hasPipe(separator)) return undefined;
  // As in Pandoc, a one-column table needs the separator's opening pipe (else `a | b` over `---` is a heading).
  if (parts.length === 1 && !separator.trimStart().startsWith('|')) return undefined;
  let end = 2;
  while (end < lines.length && !isBlank(lines[end]) && hasPipe(lines[end]!)) end++;
  const count = parts.length;
  const cells = (line: string, index: number) => {
    const found = splitRow(line, index).slice(0, count).map((cell) => ({ lines: cell.text === '' ? [] : [cell] }));
    while (found.length < count) found.push({ lines: [] });
    return found;
  };
  const lengths = parts.map((part) => part![1]!.length + part![2]!.length + part![3]!.length);
  const wide = lines.slice(0, end).some((line) => line.length > textColumns);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  return {
    kind: 'pipe',
    lineCount: end,
    aligns: parts.map((part): Align => (part![1] && part![3] ? 'center' : part![1] ? 'left' : part![3] ? 'right' : null)),
    widths: wide ? lengths.map((length) => length / total) : undefined,
    head: [cells(header, 0)],
    body: lines.slice(2, end).map((line, offset) => cells(line, offset + 2)),
    blocks: false,
  };
}

/** Whether `line` has a `|` that separates cells. */
function hasPipe(line: string): boolean {
  return separators(line).length > 0;
}

/** Positions of the `|` that separate cells: not escaped, not in a code span. */
function separators(line: string): number[] {
  const found: number[] = [];
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === '\\') index++;
    else if (char === '`') {
      const run = /^`+/.exec(line.slice(index))![0];
      const close = findClosingRun(line, index + run.length, run.length);
      index = close === -1 ? index + run.length - 1 : close + run.length - 1;
    } else if (char === '|') found.push(index);
  }
  return found;
}

function findClosingRun(line: string, from: number, size: number): number {
  for (const match of line.slice(from).matchAll(/`+/g)) if (match[0].length === size) return from + match.index;
  return -1;
}

/** The cells of a row, without the empty ones outside a leading and a trailing pipe. */
function splitRow(line: string, lineIndex: number): CellLine[] {
  const pipes = separators(line);
  const bounds = [-1, ...pipes, line.length];
  const cells = bounds.slice(0, -1).map((start, index) => {
    const raw = line.slice(start + 1, bounds[index + 1]);
    const leading = raw.length - raw.trimStart().length;
    return { line: lineIndex, column: start + 1 + leading, text: raw.trim() };
  });
  if (pipes.length > 0 && line.slice(0, pipes[0]).trim() === '') cells.shift();
  if (pipes.length > 0 && line.slice(pipes.at(-1)! + 1).trim() === '') cells.pop();
  return cells;
}
