/**
 * Front matter text as slide content: inline R code written for knitr
 * (`` `r Sys.Date()` ``, or Quarto's `` `{r} x` ``) is shown as code, never as
 * raw backticks in a title.
 */
import type { InlineCode, Text } from 'mdast';

const inlineChunk = /`(?:\{(r|python|julia|ojs)\}|(r)) ([^`]+)`/g;

/** The text `value` as inline nodes, knitr's inline code as code spans. */
export function titleInlines(value: string): Array<Text | InlineCode> {
  const nodes: Array<Text | InlineCode> = [];
  let at = 0;
  for (const match of value.matchAll(inlineChunk)) {
    if (match.index > at) nodes.push({ type: 'text', value: value.slice(at, match.index) });
    nodes.push({ type: 'inlineCode', value: match[3]!.trim(), data: { hProperties: { className: [`language-${match[1] ?? match[2]}`] } } });
    at = match.index + match[0].length;
  }
  if (at < value.length || nodes.length === 0) nodes.push({ type: 'text', value: value.slice(at) });
  return nodes;
}

/** The text `value` with knitr's inline code reduced to the expression, for `<title>` and metadata. */
export function plainTitle(value: string): string {
  return value.replace(inlineChunk, (_whole, _engine, _r, expression: string) => expression.trim());
}

/** Whether `value` holds knitr's inline code. */
export function hasInlineChunk(value: string): boolean {
  return value.search(inlineChunk) !== -1;
}
