/**
 * Quarto's shortcodes, `{{< name args >}}`, parsed as syntax: before the
 * markdown is read, each shortcode outside code and math is replaced by a
 * marker of the same length (so every position stays valid and a URL in it
 * is never taken for a link), and after it is read each marker becomes a
 * `shortcode` node with the shortcode's position. What a shortcode does is
 * decided later (`transforms/shortcodes.ts`, `transforms/include.ts`).
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Shortcode } from '../types.js';
import { closings, literalOverlap } from './spans.js';
import { trimEndOf } from '../trim.js';

/** `{{<` not after a `{`, spaces, and the name: the rest up to the first `>}}` not before a `}` is the arguments. */
const head = /\{\{<\s*([A-Za-z][\w-]*)/y;
const open = '\uE000';
const close = '\uE001';
const fill = '\uE002';
const marker = /\uE000(\d+)\uE001\uE002*/g;

/** One shortcode found in the source. */
interface Found {
  name: string;
  args: string;
  start: number;
  end: number;
}

type Parse = (document: string, file: VFile) => Root;

/** Remark plugin (after `remark-parse`): read `{{< … >}}` as shortcode nodes. */
export function remarkShortcodes(this: Processor): undefined {
  const parse = this.parser as Parse | undefined;
  if (!parse) return;
  this.parser = (document: string, file: VFile): Root => {
    if (!document.includes('{{<')) return parse(document, file);
    const found = findShortcodes(document, parse(document, file));
    if (found.length === 0) return parse(document, file);
    const tree = parse(encode(document, found), file);
    decode(tree, found, file);
    return tree;
  };
}

/**
 * The shortcodes outside code, math, front matter and raw HTML: what
 * `/(?<!\{)\{\{<\s*([A-Za-z][\w-]*)([\s\S]*?)>\}\}(?!\})/g` matches, in one
 * pass (the pattern scanned to the end from every unclosed `{{<`: the
 * square of their number).
 */
export function findShortcodes(text: string, tree: Root): Found[] {
  const literal = literalOverlap(tree);
  const closing = closings(text, '>}}', (at) => text[at + 3] !== '}');
  const found: Found[] = [];
  for (let start = text.indexOf('{{<'); start !== -1; ) {
    head.lastIndex = start;
    const match = start > 0 && text[start - 1] === '{' ? null : head.exec(text);
    const close = match ? closing(head.lastIndex) : -2;
    if (close === -1) break;
    if (match && close >= 0) {
      const shortcode = { name: match[1]!, args: text.slice(head.lastIndex, close).trim(), start, end: close + 3 };
      if (!literal(shortcode)) found.push(shortcode);
      start = text.indexOf('{{<', close + 3);
    } else start = text.indexOf('{{<', start + 1);
  }
  return found;
}

/** `text` with each shortcode replaced by a marker of the same length (line breaks kept). */
function encode(text: string, found: Found[]): string {
  let result = '';
  let at = 0;
  found.forEach((shortcode, index) => {
    const original = text.slice(shortcode.start, shortcode.end);
    const head = `${open}${index}${close}`;
    const breaks = original.replace(/[^\n]/g, '');
    result += text.slice(at, shortcode.start) + head + fill.repeat(Math.max(original.length - head.length - breaks.length, 0)) + breaks;
    at = shortcode.end;
  });
  return result + text.slice(at);
}

/** Replace the markers in text nodes by shortcode nodes. */
function decode(tree: Root, found: Found[], file: VFile): void {
  const place = location(file);
  visit(tree, 'text', (node: Text, index, parent: Parent | undefined) => {
    if (!node.value.includes(open) || !parent || index === undefined) return undefined;
    const parts: PhrasingContent[] = [];
    let at = 0;
    for (const match of node.value.matchAll(marker)) {
      if (match.index > at) parts.push({ type: 'text', value: node.value.slice(at, match.index) });
      const shortcode = found[Number(match[1])];
      if (shortcode) parts.push(toNode(shortcode, place));
      at = match.index + match[0].length;
    }
    if (at < node.value.length) parts.push({ type: 'text', value: trimEndOf(node.value.slice(at), `${fill}\n`) });
    parent.children.splice(index, 1, ...(parts.filter((part) => part.type !== 'text' || part.value !== '') as Parent['children']));
    return index + parts.length;
  });
}

function toNode(shortcode: Found, place: ReturnType<typeof location>): Shortcode {
  const start = place.toPoint(shortcode.start);
  const end = place.toPoint(shortcode.end);
  return { type: 'shortcode', name: shortcode.name, args: parseArguments(shortcode.args), value: `{{< ${shortcode.name}${shortcode.args ? ` ${shortcode.args}` : ''} >}}`, position: start && end ? { start, end } : undefined };
}

/** Shortcode arguments: positional words and `key=value` pairs, values quoted or not. */
export function parseArguments(text: string): Shortcode['args'] {
  const args: Shortcode['args'] = { positional: [], named: {} };
  for (const match of text.matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|'([^']*)'|(\S+)/g)) {
    if (match[1] !== undefined) args.named[match[1]] = match[2] ?? match[3] ?? match[4] ?? '';
    else args.positional.push(match[5] ?? match[6] ?? match[7] ?? '');
  }
  return args;
}
