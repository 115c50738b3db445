/**
 * A long lecture read in pieces. micromark holds every event of a document,
 * and every tokenizer those events point to, until the whole document is
 * turned into a tree: a 2 MB lecture kept about 700 MB alive while it was
 * read, and the garbage collector's work grew with it (about a third of the
 * build). Cut at safe places, each piece's events are dropped as soon as its
 * tree is made, and the heap stays small.
 *
 * A safe place is an ATX heading (`#` to `######`) at column 0 after a blank
 * line, once the piece before it is at least `chunkSize` long. There nothing
 * is open in CommonMark: a blank line ends a paragraph, and a line that is
 * not indented ends every list item, block quote and footnote definition,
 * with whatever they hold. What a heading does not end is checked on the
 * piece's tree: when its last block is one that a blank line may not end (a
 * fenced code block without its closing fence, an HTML block, a front
 * matter, a Pandoc table, …), the rest of the lecture is read in one piece.
 *
 * Link and footnote definitions hold for the whole document: every piece is
 * read knowing the labels defined anywhere in the lecture (found by a scan
 * of the text, then checked against the definitions the pieces hold; when
 * they differ, the pieces are read again with the right ones). Positions are
 * moved to where each piece starts, and so are the messages the parser
 * reports. The tree is the one a single parse gives (an equivalence test
 * checks it on the fixture corpus and on random lectures).
 */
import type { Nodes, Parent, Root, RootContent, RootData } from 'mdast';
import type { Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ParseMemo } from './parse-memo.js';

/** Options of `chunkedParse`. */
export interface ChunkedParseOptions {
  /** Smallest piece, in characters; `Infinity` reads every lecture whole. @default 65536 */
  chunkSize?: number | undefined;
  /**
   * Parses to reuse and remember (`lecture serve`, `parse-memo.ts`): every
   * lecture is then cut at every heading it can be, whatever `chunkSize`,
   * and a piece read before is not read again.
   */
  memo?: ParseMemo | undefined;
}

type Parse = (document: string, file: VFile) => Root;

/** Labels defined in the document, as micromark's parser keeps them. */
interface Labels {
  definitions: string[];
  footnotes: string[];
}

/** Where a piece starts in the lecture. */
interface Piece {
  text: string;
  line: number;
  offset: number;
}

/** The labels to give the parser that is about to start (read synchronously, in `parsePiece`). */
let seed: Labels | undefined;

/**
 * A construct that never matches: on its first try in a document it hands
 * the parser the labels. It is tried first at every flow start that is not
 * blank (`flowInitial`, keyed by no character): as a `flow` construct it
 * came after the ones keyed by the line's first character, so a piece
 * holding only headings, fences and HTML (`## See [the docs][docs]` and a
 * code block, a slide `lecture serve` reads alone) never gave its labels,
 * and its references stayed text.
 */
const seedLabels: Construct = {
  name: 'chunkedParseLabels',
  tokenize(this: TokenizeContext, _effects: Effects, _ok: State, nok: State): State {
    if (seed) {
      const parser = this.parser as TokenizeContext['parser'] & { gfmFootnotes?: string[] };
      parser.defined.push(...seed.definitions);
      (parser.gfmFootnotes ??= []).push(...seed.footnotes);
      seed = undefined;
    }
    return nok;
  },
};

const labelsExtension: Extension = { flowInitial: { null: [seedLabels] } };

/** Remark plugin (right after `remark-parse`): read long lectures in pieces. */
export function chunkedParse(this: Processor, options: ChunkedParseOptions = {}): undefined {
  const { memo } = options;
  const chunkSize = memo ? 0 : (options.chunkSize ?? 65_536);
  const data = this.data();
  (data.micromarkExtensions ??= []).push(labelsExtension);
  const plain = this.parser as Parse | undefined;
  if (!plain || chunkSize === Infinity) return;
  const parse = memo ? remembering(plain, memo) : plain;
  const read = (document: string, file: VFile): Root => {
    // Lone CRs are line endings to micromark: the cut counts `\n` only, so such a lecture is read whole.
    const pieces = /\r(?!\n)/.test(document) ? [] : cut(document, chunkSize);
    return pieces.length < 2 ? parse(document, file) : parseInPieces(parse, document, pieces, file);
  };
  // A lecture's pieces are remembered for its last two reads (`ParseMemo.document`).
  this.parser = memo ? (document: string, file: VFile): Root => (file.path ? memo.document(file.path, () => read(document, file)) : read(document, file)) : read;
}

/** `parse`, reusing `memo`'s tree of the same text read with the same labels; a parse that reported nothing is remembered. */
function remembering(parse: Parse, memo: ParseMemo): Parse {
  return (text, file) => {
    const key = `${seed ? `${seed.definitions.join('\u0001')}\u0002${seed.footnotes.join('\u0001')}` : ''}\u0003${text}`;
    const known = memo.get(key);
    if (known) {
      seed = undefined;
      return known;
    }
    const messages = file.messages.length;
    const tree = parse(text, file);
    if (file.messages.length === messages) memo.set(key, tree);
    return tree;
  };
}

const heading = /^#{1,6}(?:[ \t]|$)/;
const fenceLine = /^ {0,3}(`{3,}|~{3,})/;
const dashes = /^\s*-[-\s]*$/;

/**
 * The lecture cut before headings at column 0 after a blank line, in pieces
 * of at least `size`, never inside its front matter, nor (as far as a look
 * at each line tells) a fenced code block, an HTML comment or a Pandoc
 * multiline table: a cut there
 * would only be undone by `endsSafely`, at the cost of the rest in one piece.
 */
function cut(document: string, size: number): Piece[] {
  const lines = document.split('\n');
  const pieces: Piece[] = [];
  let start = 0;
  let startLine = 1;
  let offset = 0;
  let open: string | undefined = frontMatterEnd(lines);
  let blank = false;
  let table = false;
  for (const [index, line] of lines.entries()) {
    const at = offset;
    offset += line.length + 1;
    if (open === undefined && blank && !table && heading.test(line) && at - start >= size) {
      pieces.push({ text: document.slice(start, at), line: startLine, offset: start });
      start = at;
      startLine = index + 1;
    }
    // The front matter's first line opens it, and does not close it.
    if (index > 0 || open === undefined) open = nextOpen(open, line);
    // A Pandoc multiline table holds blank lines, never two in a row: after dashes that a line follows, none.
    if (open === undefined && dashes.test(line) && (lines[index + 1] ?? '').trim() !== '') table = true;
    else if (blank && line.trim() === '') table = false;
    blank = open === undefined && line.trim() === '';
  }
  pieces.push({ text: document.slice(start), line: startLine, offset: start });
  return pieces;
}

/** What is open after `line`: a fence (its marker), a comment (`-->`), front matter, or nothing. */
function nextOpen(open: string | undefined, line: string): string | undefined {
  if (open === '-->') return line.includes('-->') ? undefined : open;
  if (open === 'front matter') return /^(?:---|\.\.\.)[ \t]*\r?$/.test(line) ? undefined : open;
  const fence = fenceLine.exec(line);
  if (open !== undefined) return fence && fence[1]![0] === open[0] && fence[1]!.length >= open.length && line.trim() === fence[1] ? undefined : open;
  if (fence) return fence[1];
  const comment = line.indexOf('<!--');
  return comment !== -1 && !line.includes('-->', comment + 4) ? '-->' : undefined;
}

/** `'front matter'` when the lecture starts with a front matter block, which the first line opens. */
function frontMatterEnd(lines: string[]): string | undefined {
  return /^---[ \t]*\r?$/.test(lines[0] ?? '') ? 'front matter' : undefined;
}

/** Parse `pieces`, knowing the labels; read again with the labels the pieces define when the scan missed or invented some. */
function parseInPieces(parse: Parse, document: string, pieces: Piece[], file: VFile): Root {
  const scanned = scanLabels(document);
  const messages = file.messages.length;
  const tree = parsePieces(parse, document, pieces, file, scanned);
  const found = definedLabels(tree);
  if (sameLabels(scanned, found)) return tree;
  file.messages.length = messages;
  return parsePieces(parse, document, pieces, file, found);
}

/** Parse each piece in turn and join their trees; from the first piece whose end is not safe, the rest in one. */
function parsePieces(parse: Parse, document: string, pieces: Piece[], file: VFile, labels: Labels): Root {
  const children: RootContent[] = [];
  const tooDeep: NonNullable<RootData['tooDeep']> = [];
  let last: Root | undefined;
  for (const [index, piece] of pieces.entries()) {
    const messages = file.messages.length;
    last = parsePiece(parse, piece, file, labels);
    const rest = index < pieces.length - 1 && !endsSafely(last, piece);
    if (rest) {
      file.messages.length = messages;
      last = parsePiece(parse, { ...piece, text: document.slice(piece.offset) }, file, labels);
    }
    children.push(...last.children);
    tooDeep.push(...(last.data?.tooDeep ?? []));
    if (rest) break;
  }
  const end = last?.position?.end;
  return { type: 'root', children, position: end ? { start: { line: 1, column: 1, offset: 0 }, end } : undefined, ...(tooDeep.length > 0 ? { data: { tooDeep } } : {}) };
}

/** One piece's tree, with positions (and the messages reported meanwhile) moved to where the piece is. */
function parsePiece(parse: Parse, piece: Piece, file: VFile, labels: Labels): Root {
  const before = file.messages.length;
  seed = labels.definitions.length + labels.footnotes.length > 0 ? labels : undefined;
  let tree: Root;
  try {
    tree = parse(piece.text, file);
  } finally {
    // Never left for the next lecture, even when this one fails.
    seed = undefined;
  }
  if (piece.line === 1 && piece.offset === 0) return tree;
  const moved = new Set<object>();
  visit(tree, (node) => movePoints(node, piece, moved));
  for (const message of file.messages.slice(before)) {
    movePoints(message, piece, moved);
    if (message.line !== undefined) message.line += piece.line - 1;
  }
  return tree;
}

/** Move every point (`{line, column, offset}`, all three numbers) held by `value`'s fields, children excepted, each object once. */
function movePoints(value: object, piece: Piece, moved: Set<object>): void {
  const stack: object[] = [value];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    for (const [key, field] of Object.entries(item)) {
      if (key === 'children' || typeof field !== 'object' || field === null || moved.has(field)) continue;
      moved.add(field);
      const point = field as { line?: unknown; column?: unknown; offset?: unknown };
      if (typeof point.line === 'number' && typeof point.column === 'number' && typeof point.offset === 'number') {
        point.line += piece.line - 1;
        point.offset += piece.offset;
      } else stack.push(field);
    }
  }
}

/** Blocks that nothing after a blank line and an unindented heading continues. */
const closed = new Set(['paragraph', 'heading', 'thematicBreak', 'definition', 'fencedDivFence', 'table', 'yaml']);

/** Containers a blank line and an unindented heading end, with their last block. */
const containers = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

/** HTML blocks that only their own end closes (CommonMark's kinds 1 to 5: raw text, comments, declarations); the others end at a blank line. */
const rawHtml = /^[ \t>*+\-\d.)]*<(?:[!?]|(?:pre|script|style|textarea)(?=[\s>]|$))/i;

/** Whether nothing is open at the end of `piece`, read as `tree` (its positions in the lecture): its last block, inside containers too, is one that ends. */
function endsSafely(tree: Root, piece: Piece): boolean {
  let last: Nodes | undefined = tree.children.at(-1);
  while (last && containers.has(last.type)) last = (last as Parent).children.at(-1);
  if (!last || closed.has(last.type)) return true;
  const source = piece.text.slice((last.position?.start.offset ?? 0) - piece.offset, (last.position?.end.offset ?? 0) - piece.offset);
  // A multiline table holds blank lines; the other Pandoc tables end at one.
  if (last.type === 'pandocTable') return last.layout.kind !== 'multiline';
  if (last.type === 'html') return !rawHtml.test(source);
  if (last.type === 'math') return /^[ \t>*+\-\d.)]*\$\$[^]*\n[ \t>]*\$\$[ \t]*$/.test(source);
  if (last.type !== 'code') return false;
  const fence = /^[ \t>*+\-\d.)]*(`{3,}|~{3,})/.exec(source);
  if (!fence) return /^( {4}|\t)/.test(source);
  const closing = /\n[ \t>]*(`+|~+)[ \t]*$/.exec(source);
  return closing !== null && closing[1]![0] === fence[1]![0] && closing[1]!.length >= fence[1]!.length;
}

const definitionLine = /^[ \t>*+\-\d.)]*\[(\^?)((?:[^\]\\\n]|\\.){1,999})\]:/gm;

/** Labels that look defined in `document` (lines `[label]:` and `[^label]:`, in containers too). */
function scanLabels(document: string): Labels {
  const labels: Labels = { definitions: [], footnotes: [] };
  for (const match of document.matchAll(definitionLine)) (match[1] ? labels.footnotes : labels.definitions).push(normalizeIdentifier(match[2]!));
  return labels;
}

/** Labels the tree defines. */
function definedLabels(tree: Root): Labels {
  const labels: Labels = { definitions: [], footnotes: [] };
  visit(tree, (node) => {
    if (node.type === 'definition') labels.definitions.push(normalizeIdentifier(node.label ?? node.identifier));
    else if (node.type === 'footnoteDefinition') labels.footnotes.push(normalizeIdentifier(node.label ?? node.identifier));
  });
  return labels;
}

function sameLabels(a: Labels, b: Labels): boolean {
  const same = (x: string[], y: string[]) => {
    const left = new Set(x);
    const right = new Set(y);
    return left.size === right.size && [...left].every((label) => right.has(label));
  };
  return same(a.definitions, b.definitions) && same(a.footnotes, b.footnotes);
}
