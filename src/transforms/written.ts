/**
 * How a piece of text was written in the source: whether a link is a URL
 * shown as itself (an autolink), and which characters of a text node were
 * escaped with a backslash. Typography (`smart.ts`) and superscripts
 * (`super-sub.ts`) leave both alone; both apply to the dialects of Pandoc's
 * own markdown.
 */
import type { Nodes, Text } from 'mdast';

/** Dialects read with Pandoc's markdown extensions (smart typography, superscripts): Pandoc and Quarto lectures, and Jekyll pages, whose kramdown does the same. */
export const pandocDialects: ReadonlySet<string> = new Set(['pandoc', 'page', 'quarto']);

/** A link that shows its own URL (`<https://…>`, a bare `https://…`): its text is a URL, not prose. */
export function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link' || node.children.length !== 1) return false;
  const [child] = node.children;
  return child?.type === 'text' && (child.value === node.url || `mailto:${child.value}` === node.url || `http://${child.value}` === node.url);
}

/**
 * Indices of the characters of `node` written with a backslash in the
 * source (`\"`), found by walking the source beside the text; where the two
 * stop matching (entities), the rest counts as written plainly.
 */
export function escapedIndices(node: Text, source: string): Set<number> {
  const escaped = new Set<number>();
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return escaped;
  const written = source.slice(start, end);
  if (written === node.value || !written.includes('\\')) return escaped;
  let at = 0;
  for (let index = 0; index < node.value.length && at < written.length; index++) {
    if (written[at] === '\\' && written[at + 1] === node.value[index]) {
      escaped.add(index);
      at += 2;
    } else if (written[at] === node.value[index]) at++;
    else break;
  }
  return escaped;
}
