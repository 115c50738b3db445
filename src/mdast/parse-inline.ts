/**
 * Parse one piece of text as inline markdown with the lecture's own parser
 * (every syntax extension included), as Pandoc reads a table cell or a
 * metadata field: the text is parsed after a word (`x `), so nothing in it
 * starts a block (`1. Intro` stays text, not a list), and the word is taken
 * off again. `map` moves positions from the text into the lecture.
 *
 * `parseInlines` reads many one-line texts (the cells of a table) in one
 * parse: each becomes its own paragraph, a blank line apart, and nothing
 * inline reaches across a blank line, so each paragraph is what the text
 * alone gives. One parse per table instead of one per cell: setting up the
 * parser (combining every syntax extension) cost about 1 ms a call, 6 s of
 * a 2 MB lecture's build.
 *
 * Most cells are plain words and numbers (`base`, `80 MB`), which no syntax
 * can touch: they become their text node without a parse (`plainText`),
 * the node and position the parse would give (a property test checks it).
 */
import type { Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

const prefix = 'x ';

type Parse = (text: string) => Root;
type Map = (point: Point) => Point | undefined;

/** The inline content of `text`. */
export function parseInline(parse: Parse, text: string, map?: Map): PhrasingContent[] {
  return plainText(text, map) ?? readInline(parse, text, map);
}

/** The inline content of `text`, always parsed. */
export function readInline(parse: Parse, text: string, map?: Map): PhrasingContent[] {
  return inlineOf(parse(`${prefix}${text}`), text, (point) => shift(point, map));
}

/**
 * Letters, digits, marks, spaces between words and punctuation that starts
 * nothing in markdown, Pandoc or GFM: no emphasis, code, link, HTML,
 * entity, escape, math, attribute, note, shortcode, autolink (`:`, `@`,
 * `www.`) or hard break (trailing spaces).
 */
// A run of spaces must be followed by more text: read as a run, not a space at a time looking ahead to the end (the square of a long run).
const plain = /^[\p{L}\p{N}\p{M}](?:[\p{L}\p{N}\p{M},.;?'"()%/-]| +(?=[^ ]))*$/u;

/** `text` as the one text node a parse gives, when nothing in it is syntax; else `undefined`. */
export function plainText(text: string, map?: Map): PhrasingContent[] | undefined {
  if (!plain.test(text) || /www\./i.test(text)) return undefined;
  const start = shift({ line: 1, column: 1 + prefix.length, offset: prefix.length }, map);
  const end = shift({ line: 1, column: 1 + prefix.length + text.length, offset: prefix.length + text.length }, map);
  return [{ type: 'text', value: text, position: start && end ? { start, end } : undefined }];
}

/**
 * The inline content of each of `texts`, as `parseInline` gives it, with as
 * few parses as can be: texts of one line are read together, any other
 * alone. Should the shared parse not come out as one paragraph per text
 * where expected, each text is read alone.
 */
export function parseInlines(parse: Parse, texts: readonly string[], maps: ReadonlyArray<Map | undefined> = []): PhrasingContent[][] {
  const results: PhrasingContent[][] = [];
  texts.forEach((text, index) => {
    const known = plainText(text, maps[index]);
    if (known) results[index] = known;
  });
  const shared = texts.flatMap((text, index) => (results[index] === undefined && isSharable(text) ? [index] : []));
  const paragraphs = shared.length > 1 ? readTogether(parse, shared.map((index) => texts[index]!)) : undefined;
  shared.forEach((index, at) => {
    const paragraph = paragraphs?.[at];
    if (!paragraph) return;
    const base = paragraph.lineStart;
    const local = (point: Point): Point => ({ ...point, line: point.line - 2 * at, offset: (point.offset ?? 0) - base });
    const root: Root = { type: 'root', children: [paragraph.node] };
    results[index] = inlineOf(root, texts[index]!, (point) => shift(local(point), maps[index]));
  });
  return texts.map((text, index) => results[index] ?? parseInline(parse, text, maps[index]));
}

/** Whether `text` can share a parse: one line, and no shortcode (whose pattern spans lines). */
function isSharable(text: string): boolean {
  return !/[\r\n]/.test(text) && !text.includes('{{<');
}

/** Parse `texts` a blank line apart: one paragraph per text on its own line, or `undefined`. */
function readTogether(parse: Parse, texts: string[]): Array<{ node: Paragraph; lineStart: number }> | undefined {
  const lineStarts: number[] = [];
  let document = '';
  for (const text of texts) {
    if (document !== '') document += '\n\n';
    lineStarts.push(document.length);
    document += `${prefix}${text}`;
  }
  const { children } = parse(document);
  if (children.length !== texts.length) return undefined;
  const paragraphs: Array<{ node: Paragraph; lineStart: number }> = [];
  for (const [at, node] of children.entries()) {
    const line = 2 * at + 1;
    if (node.type !== 'paragraph' || node.position?.start.line !== line || node.position.end.line !== line) return undefined;
    paragraphs.push({ node, lineStart: lineStarts[at]! });
  }
  return paragraphs;
}

/** The inline content of `root`, parsed from `x ${text}`, with positions moved by `move`. */
function inlineOf(root: Root, text: string, move: (point: Point) => Point | undefined): PhrasingContent[] {
  visit(root, (node: Nodes) => {
    if (!node.position) return;
    const start = move(node.position.start);
    const end = move(node.position.end);
    node.position = start && end ? { start, end } : undefined;
  });
  const [first] = root.children;
  if (root.children.length !== 1 || first?.type !== 'paragraph') return [{ type: 'text', value: text }];
  const children = first.children;
  const [head] = children;
  if (head?.type !== 'text' || !head.value.startsWith(prefix)) return children;
  head.value = head.value.slice(prefix.length);
  return head.value === '' ? children.slice(1) : children;
}

/** A point of the parsed text without the prefix, mapped. */
function shift(point: Point, map: Map | undefined): Point | undefined {
  const local = point.line === 1 ? { ...point, column: Math.max(point.column - prefix.length, 1), offset: Math.max((point.offset ?? 0) - prefix.length, 0) } : { ...point, offset: (point.offset ?? 0) - prefix.length };
  return map ? map(local) : local;
}
