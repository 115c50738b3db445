/**
 * Where Liquid tags (`{{ … }}`, `{% … %}`) and kramdown attribute lists
 * (`{: .class}`) are in a lecture's source, outside code, math and front
 * matter, where they are part of the content.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/** One tag in the source. */
export interface Span {
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

const liquid = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g;
const attributeList = /\{:[^}\n]*\}/g;
const literal = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'yaml']);

/** The Liquid tags of `text` outside code, math and front matter. */
export function liquidSpans(text: string, tree: Root): Span[] {
  return find(text, tree, liquid);
}

/** The kramdown attribute lists of `text` outside code, math and front matter. */
export function attributeListSpans(text: string, tree: Root): Span[] {
  return find(text, tree, attributeList);
}

function find(text: string, tree: Root, pattern: RegExp): Span[] {
  if (text.search(pattern) === -1) return [];
  const excluded = literalRanges(tree);
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (excluded.some(([from, to]) => start < to && end > from)) continue;
    const before = text.slice(0, start);
    const lineStart = before.lastIndexOf('\n') + 1;
    spans.push({ start, end, text: match[0], line: before.split('\n').length, column: start - lineStart + 1 });
  }
  return spans;
}

function literalRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  visit(tree, (node) => {
    const { start, end } = node.position ?? {};
    if (!literal.has(node.type) || start?.offset === undefined || end?.offset === undefined) return;
    ranges.push([start.offset, end.offset]);
  });
  return ranges;
}

/**
 * `text` with every span replaced (by spaces unless `replace` says
 * otherwise), keeping its length and line breaks so every position stays
 * valid. Where a blanked span started a line, the rest of the line moves
 * back to the line's indentation (its width added at the end instead), so it
 * does not turn into an indented code block; only that line's columns move.
 */
export function blank(text: string, spans: Span[], replace: (span: Span) => string = spaces): string {
  let result = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, span.start) + replace(span);
    at = span.end;
  }
  const lines = (result + text.slice(at)).split('\n');
  for (const span of spans) {
    const indent = /^[ \t]*/.exec(text.slice(span.start - span.column + 1, span.start))?.[0] ?? '';
    const current = lines[span.line - 1];
    if (indent.length !== span.column - 1 || current === undefined || current.trim() === '') continue;
    const content = current.trimStart();
    // Tabs, not spaces: two trailing spaces would make a line break.
    lines[span.line - 1] = indent + content + '\t'.repeat(current.length - indent.length - content.length);
  }
  return lines.join('\n');
}

function spaces(span: Span): string {
  return span.text.replace(/[^\n]/g, ' ');
}
