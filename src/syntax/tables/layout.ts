/**
 * The shape of a Pandoc table read from its lines, shared by the tokenizer
 * (which needs to know how many lines a table takes, or that the lines are
 * no table at all) and the transform that builds the table (which needs its
 * cells). Pure functions of the lines; columns are character positions.
 */

/** A column's alignment; `null` is Pandoc's `AlignDefault`. */
export type Align = 'left' | 'right' | 'center' | null;

/** One line of a cell's text: which table line it is on, where it starts there, and the text. */
export interface CellLine {
  line: number;
  column: number;
  text: string;
}

/** A cell as text: its lines, and whether it holds blocks (grid, multiline) or one line of inline content. */
export interface CellText {
  lines: CellLine[];
}

/** What the lines of a table say. */
export interface TableLayout {
  kind: 'grid' | 'simple' | 'multiline' | 'pipe';
  /** How many lines the table takes. */
  lineCount: number;
  aligns: Align[];
  /** Relative column widths (fractions of the text width), or `undefined` for Pandoc's default widths. */
  widths?: number[] | undefined;
  head: CellText[][];
  body: CellText[][];
  /** Whether cells hold blocks (grid and multiline tables) rather than inline content. */
  blocks: boolean;
}

/** Pandoc's `--columns` default: tables whose source is wider get widths relative to their own width. */
export const textColumns = 72;

/** A line of dashes in groups (`-----  ------`): the start and end of each group. */
export function dashGroups(line: string): Array<[number, number]> | undefined {
  if (!/^\s*-+(?:\s+-+)*\s*$/.test(line)) return undefined;
  return [...line.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length]);
}

/** Whether `line` is blank. */
export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** The part of `line` from `start` to `end`, as a cell line with its whitespace trimmed off both sides. */
export function slice(line: string, lineIndex: number, start: number, end: number | undefined): CellLine {
  const raw = line.slice(start, end);
  const leading = raw.length - raw.trimStart().length;
  return { line: lineIndex, column: start + leading, text: raw.trim() };
}

/**
 * Pandoc's relative widths from column boundaries (`widthsFromIndices`):
 * each column runs to the next one's start (for dashed tables the last,
 * which has no trailing space, gets one: `padLast`); fractions of the wider
 * of the table and 72 characters.
 */
export function widthsFromIndices(indent: number, ends: number[], padLast: boolean): number[] {
  if (ends.length === 0) return [];
  const adjusted = padLast ? [...ends.slice(0, -1), ends.at(-1)! + 1] : ends;
  const lengths = adjusted.map((end, index) => end - (index === 0 ? indent : adjusted[index - 1]!));
  if (lengths.length > 1) {
    const last = lengths.at(-1)!;
    const before = lengths.at(-2)!;
    if (last < before && before - last <= 2) lengths[lengths.length - 1] = before;
  }
  const total = indent + lengths.reduce((sum, length) => sum + length, 0);
  const quotient = Math.max(total, textColumns);
  return lengths.map((length) => length / quotient);
}
