/**
 * Where Liquid tags (`{{ … }}`, `{% … %}`) and kramdown attribute lists
 * (`{: .class}`) are in a lecture's source, outside code, math and front
 * matter, where they are part of the content.
 */
import type { Root } from 'mdast';
import { closings, literalOverlap, type Found } from '../mdast/spans.js';

/** One tag in the source. */
export interface Span {
  start: number;
  end: number;
  text: string;
  line: number;
  column: number;
}

const literal = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'yaml']);

/** The Liquid tags of `text` outside code, math and front matter: what `/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g` matches. */
export function liquidSpans(text: string, tree: Root): Span[] {
  if (!text.includes('{{') && !text.includes('{%')) return [];
  const output = closings(text, '}}');
  const tag = closings(text, '%}');
  const found: Found[] = [];
  for (let start = text.search(/\{[{%]/); start !== -1; ) {
    const close = text[start + 1] === '{' ? output(start + 2) : tag(start + 2);
    // Without its closing, this opening is text; the next character may open another.
    const end = close === -1 ? start + 1 : close + 2;
    if (close !== -1) found.push({ start, end });
    start = nextOpening(text, end);
  }
  return located(text, tree, found);
}

/** The kramdown attribute lists of `text` outside code, math and front matter: what `/\{:[^}\n]*\}/g` matches. */
export function attributeListSpans(text: string, tree: Root): Span[] {
  const found: Found[] = [];
  const end = closings(text, '}');
  const line = closings(text, '\n');
  for (let start = text.indexOf('{:'); start !== -1; ) {
    const close = end(start + 2);
    const lineEnd = line(start + 2);
    const closed = close !== -1 && (lineEnd === -1 || close < lineEnd);
    if (closed) found.push({ start, end: close + 1 });
    start = text.indexOf('{:', closed ? close + 1 : start + 1);
  }
  return located(text, tree, found);
}

/** The next `{{` or `{%` at or after `from`. */
function nextOpening(text: string, from: number): number {
  for (let at = text.indexOf('{', from); at !== -1; at = text.indexOf('{', at + 1)) if (text[at + 1] === '{' || text[at + 1] === '%') return at;
  return -1;
}

/** The spans outside literal nodes, with their text, line and column (counted once, in order). */
function located(text: string, tree: Root, found: Found[]): Span[] {
  if (found.length === 0) return [];
  const isLiteral = literalOverlap(tree, literal);
  const spans: Span[] = [];
  let line = 1;
  let lineStart = 0;
  let lineEnd = text.indexOf('\n');
  for (const { start, end } of found) {
    if (isLiteral({ start, end })) continue;
    while (lineEnd !== -1 && lineEnd < start) {
      line++;
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
    }
    spans.push({ start, end, text: text.slice(start, end), line, column: start - lineStart + 1 });
  }
  return spans;
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
    // Only a span after nothing but indentation moves its line: read back from it over spaces and tabs, not the whole line.
    const lineStart = span.start - span.column + 1;
    let from = span.start;
    while (from > lineStart && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    const current = lines[span.line - 1];
    if (from !== lineStart || current === undefined || current.trim() === '') continue;
    const indent = text.slice(lineStart, span.start);
    const content = current.trimStart();
    // Tabs, not spaces: two trailing spaces would make a line break.
    lines[span.line - 1] = indent + content + '\t'.repeat(current.length - indent.length - content.length);
  }
  return lines.join('\n');
}

function spaces(span: Span): string {
  return span.text.replace(/[^\n]/g, ' ');
}
