/**
 * Code as the author wrote it. The indentation limit (`syntax/indentation.ts`)
 * turns a line's start past 200 columns into no-break spaces before
 * micromark reads the lecture, so deep nesting cannot cost the parse the
 * square of its size; in a code block that indentation is the code's own
 * (generated code, ASCII art), and must not change. After the parse, each
 * code block over a changed line gets the line back from the source.
 *
 * A code block's value is its lines without what the block's syntax takes
 * from their start (container markers, the fence's indentation, four columns
 * of an indented block), so a changed line is the end of its source line:
 * the same length of the source as written is the line given back. A value
 * line that is not such an end (a tab the syntax cut into columns) is left
 * as read.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Give back the `changed` lines (1-based, ascending) of `original`, read as
 * `limited`, in the code blocks of `tree`; returns the changed lines that
 * are in a code block (given back, or already right).
 */
export function restoreCode(tree: Root, original: string, limited: string, changed: readonly number[]): Set<number> {
  const inCode = new Set<number>();
  if (changed.length === 0) return inCode;
  const starts = lineStarts(original);
  const lineOf = (text: string, line: number): string => text.slice(starts[line - 1], (starts[line] ?? text.length + 1) - 1);
  visit(tree, 'code', (node: Code) => {
    const first = node.position?.start.line;
    const last = node.position?.end.line;
    if (first === undefined || last === undefined) return;
    const lines = node.value.split('\n');
    let edited = false;
    for (const line of changed) {
      if (line < first) continue;
      if (line > last) break;
      const read = lineOf(limited, line);
      const written = lineOf(original, line);
      // A fenced block's value starts a line after its fence; an indented block's on its first line.
      for (const index of [line - first - 1, line - first]) {
        const value = lines[index];
        if (value === undefined) continue;
        if (written.endsWith(value)) {
          inCode.add(line);
          break;
        }
        if (read.endsWith(value)) {
          lines[index] = written.slice(written.length - value.length);
          edited = true;
          inCode.add(line);
          break;
        }
      }
    }
    if (edited) node.value = lines.join('\n');
  });
  return inCode;
}

/** The offset where each line of `text` starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}
