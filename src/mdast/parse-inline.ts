/**
 * Parse one piece of text as inline markdown with the lecture's own parser
 * (every syntax extension included), as Pandoc reads a table cell or a
 * metadata field: the text is parsed after a word (`x `), so nothing in it
 * starts a block (`1. Intro` stays text, not a list), and the word is taken
 * off again. `map` moves positions from the text into the lecture.
 *
 * Many pieces (every cell of a lecture's tables) are parsed in one pass
 * (`InlineBatch`): each is one paragraph of a single document, and a parse
 * costs about as much to set up (extensions, tokenizers) as a short cell
 * costs to read.
 */
import type { Nodes, Paragraph, PhrasingContent, Root } from 'mdast';
import type { Point } from 'unist';
import { visit } from 'unist-util-visit';

const prefix = 'x ';

type MapPoint = (point: Point) => Point | undefined;

/** The inline content of `text`. */
export function parseInline(parse: (text: string) => Root, text: string, map?: MapPoint): PhrasingContent[] {
  const root = parse(`${prefix}${text}`);
  const [first] = root.children;
  if (root.children.length !== 1 || first?.type !== 'paragraph') {
    moveAll(root, (point) => shift(point, map));
    return [{ type: 'text', value: text }];
  }
  return finish(first, (point) => shift(point, map));
}

/** The paragraph's content without the prefix, its positions moved by `move`. */
function finish(paragraph: Paragraph, move: (point: Point) => Point | undefined): PhrasingContent[] {
  moveAll(paragraph, move);
  const children = paragraph.children;
  const [head] = children;
  if (head?.type !== 'text' || !head.value.startsWith(prefix)) return children;
  head.value = head.value.slice(prefix.length);
  return head.value === '' ? children.slice(1) : children;
}

function moveAll(tree: Nodes, move: (point: Point) => Point | undefined): void {
  visit(tree, (node: Nodes) => {
    if (!node.position) return;
    const start = move(node.position.start);
    const end = move(node.position.end);
    node.position = start && end ? { start, end } : undefined;
  });
}

/** A point of the parsed text without the prefix, mapped. */
function shift(point: Point, map: MapPoint | undefined): Point | undefined {
  const local = point.line === 1 ? { ...point, column: Math.max(point.column - prefix.length, 1), offset: Math.max((point.offset ?? 0) - prefix.length, 0) } : { ...point, offset: (point.offset ?? 0) - prefix.length };
  return map ? map(local) : local;
}

interface Request {
  text: string;
  map: MapPoint | undefined;
  done: (children: PhrasingContent[]) => void;
}

/**
 * Pieces of inline text to parse together: `add` each, then `flush` once,
 * which hands every piece its content as `parseInline` would give it. Pieces
 * of one line go into one document, a paragraph each (a blank line between
 * them, and the prefix at the start of each, so no piece can reach into the
 * next); a piece of several lines or of blanks only, or a batch whose
 * paragraphs do not come out one per piece, is parsed alone.
 */
export class InlineBatch {
  readonly #parse: (text: string) => Root;
  #requests: Request[] = [];

  constructor(parse: (text: string) => Root) {
    this.#parse = parse;
  }

  /** Parse `text` at the next `flush`, and give its content to `done`. */
  add(text: string, map: MapPoint | undefined, done: (children: PhrasingContent[]) => void): void {
    this.#requests.push({ text, map, done });
  }

  /** Parse every piece added since the last flush. */
  flush(): void {
    const requests = this.#requests;
    this.#requests = [];
    const alone = (request: Request) => request.done(parseInline(this.#parse, request.text, request.map));
    const batched = requests.filter((request) => {
      const single = !/[\n\r]/.test(request.text) && request.text.trim() !== '';
      if (!single) alone(request);
      return single;
    });
    if (batched.length === 0) return;
    const starts: number[] = [];
    let source = '';
    for (const request of batched) {
      if (source !== '') source += '\n\n';
      starts.push(source.length);
      source += prefix + request.text;
    }
    const root = this.#parse(source);
    const line = (at: number) => 2 * at + 1;
    const fits =
      root.children.length === batched.length &&
      root.children.every((child, at) => child.type === 'paragraph' && child.position?.start.line === line(at) && child.position.end.line === line(at));
    if (!fits) return batched.forEach(alone);
    batched.forEach((request, at) => {
      // A point of the batch, as a point of the piece's own `prefix + text` (line 1), then without the prefix.
      const local = (point: Point): Point => ({ line: 1, column: point.column, offset: (point.offset ?? 0) - starts[at]! });
      request.done(finish(root.children[at] as Paragraph, (point) => shift(local(point), request.map)));
    });
  }
}
