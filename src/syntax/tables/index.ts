/**
 * Tokenizer for Pandoc's tables — grid, simple, multiline and pipe — as one
 * flow construct: it reads the lines ahead, asks the layouts (`grid.ts`,
 * `dashed.ts`, `pipe.ts`) whether they make a table and how many lines it
 * takes, then takes exactly those lines, one `pandocTableLine` token each.
 * The layout rides on the token to the tree, where `transforms/tables.ts`
 * parses the cells. As in Pandoc, a grid, simple or multiline table cannot
 * interrupt a paragraph; a pipe table can, as in GFM (course notes and web
 * pages are written for GitHub). A caption (`Table: …`) is an ordinary
 * paragraph until that transform.
 *
 * The construct is not `concrete`: while it reads ahead, a line that starts
 * a container (`- item`, `> quote`) still starts it and ends the lines read,
 * so a failed lookahead leaves the document exactly as CommonMark reads it.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { dashedLayout } from './dashed.js';
import { gridLayout } from './grid.js';
import type { TableLayout } from './layout.js';
import { pipeLayout } from './pipe.js';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    pandocTable: 'pandocTable';
    pandocTableLine: 'pandocTableLine';
  }
  interface Token {
    /** On a `pandocTable` token: its layout, and the indentation of its first line (read before the construct started). */
    pandocTable?: { layout: TableLayout; indent: number } | undefined;
  }
}

/** Lines read ahead at most, so a runaway candidate stays cheap. */
const maxLines = 2000;

export const pandocTable: Construct = {
  name: 'pandocTable',
  tokenize: tokenizePandocTable,
};

/** The layout of the table at the start of `lines`, trying Pandoc's table kinds in its order. */
export function tableLayout(lines: string[]): TableLayout | undefined {
  const first = lines[0]?.trimStart() ?? '';
  if (first.startsWith('+')) return gridLayout(lines);
  return pipeLayout(lines) ?? dashedLayout(lines);
}

/** Whether to read another line: enough to decide, and no more. */
function wantsMore(lines: string[]): boolean {
  const first = lines[0]!.trimStart();
  const last = lines.at(-1)!;
  if (lines.length >= maxLines) return false;
  if (first.startsWith('+')) return /^\s*[+|]/.test(last);
  if (/^-[-\s]*$/.test(first)) {
    // Every table that starts with dashes has a row or a header line right after them (as in Pandoc): a blank line ends the look.
    if (lines.length === 2 && last.trim() === '') return false;
    const dashLines = lines.filter((line) => /^\s*-[-\s]*$/.test(line)).length;
    const twoBlank = lines.length > 1 && last.trim() === '' && lines.at(-2)!.trim() === '';
    return dashLines < 3 && !twoBlank;
  }
  const separator = lines[1]!;
  if (lines.length === 2) return /^\s*[-|:]/.test(last) && /^[\s|:-]+$/.test(last);
  if (last.trim() === '') return false;
  // A pipe table's rows have pipes; a simple table ends at a blank line or after a closing dash line.
  if (/[|:]/.test(separator)) return last.includes('|');
  return !(lines.length > 3 && /^\s*-[-\s]*$/.test(lines.at(-2)!));
}

function tokenizePandocTable(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const tail = self.events.at(-1);
  const indent = tail && tail[1].type === types.linePrefix ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let layout: TableLayout | undefined;
  let remaining = 0;

  /** Lookahead: read lines while they may still belong to a table, then ask the layouts. */
  const reader: Construct = {
    partial: true,
    tokenize(this: TokenizeContext, lookahead, found, notFound) {
      const reading = this;
      const lines = [' '.repeat(indent)];
      // Each line is one data token, read back as text when it ends (tabs as spaces): a token and a string per line, not per character.
      let inLine = false;
      const endLine = () => {
        if (!inLine) return;
        inLine = false;
        lines[lines.length - 1] += reading.sliceSerialize(lookahead.exit(types.data), true);
      };
      const decide = (code: Code): State | undefined => {
        endLine();
        layout = self.interrupt ? pipeLayout(lines) : tableLayout(lines);
        return layout ? found(code) : notFound(code);
      };
      const read = (code: Code): State | undefined => {
        if (code === codes.eof) return decide(code);
        if (markdownLineEnding(code)) {
          endLine();
          if (!wantsMore(lines)) return decide(code);
          lookahead.enter(types.lineEnding);
          lookahead.consume(code);
          lookahead.exit(types.lineEnding);
          lines.push('');
          return (next: Code) => (self.parser.lazy[self.now().line] ? decide(next) : read(next));
        }
        if (!inLine) lookahead.enter(types.data);
        inLine = true;
        lookahead.consume(code);
        return read;
      };
      return read;
    },
  };

  return start;

  function start(code: Code): State | undefined {
    // A `---` on the first line is front matter, whose construct comes after this one.
    if (self.now().line === 1 && code === codes.dash) return nok(code);
    return effects.check(reader, take, nok)(code);
  }

  function take(code: Code): State | undefined {
    remaining = layout!.lineCount;
    effects.enter('pandocTable', { pandocTable: { layout: layout!, indent } });
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return lineEnd(code);
    effects.enter('pandocTableLine');
    return line(code);
  }

  function line(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('pandocTableLine');
      return lineEnd(code);
    }
    effects.consume(code);
    return line;
  }

  function lineEnd(code: Code): State | undefined {
    remaining--;
    if (remaining === 0 || code === codes.eof) {
      effects.exit('pandocTable');
      return ok(code);
    }
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return lineStart;
  }
}
