/**
 * Pandoc's `smart` typography, on by default: curly quotes in the style of
 * the lecture's `lang` (English, German `„…“`, French `« … »`), `--` an en
 * dash, `---` an em dash, `...` an ellipsis. Only text is changed: never
 * code, math, raw HTML, URLs shown as links, or a character written with a
 * backslash (`\"`, `\-`). Off with front matter `smart: false`, a format
 * with `-smart` (`format: pandoc-smart`) or the course config's `smart`.
 * Runs for the dialects whose own tools do it: Pandoc (and Quarto) and
 * Jekyll pages (kramdown); tutorials, outlines and reveal-md stay as typed,
 * where `--force` in prose is a command-line flag.
 */
import type { Nodes, Parent, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lectureExtensions } from '../dialects/format.js';
import { quoteRoles, quoteStyle, quoteText, type QuoteStyle } from './smart-quotes.js';
import { escapedIndices, isAutolink, pandocDialects } from './written.js';

/** Options of the smart plugin. */
export interface SmartOptions {
  /** Smart typography unless a lecture turns it off. @default true */
  enabled?: boolean | undefined;
  /** Language when front matter sets none. @default "en" */
  lang?: string | undefined;
}

/** Nodes whose text flows on through their children. */
const inline = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'bracketedSpan']);

/** Remark plugin: smart quotes, dashes and ellipses. */
export function smart(options: SmartOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    if (!isSmart(file, options)) return;
    const style = quoteStyle(file.data.meta?.lang ?? options.lang);
    const source = String(file.value);
    visit(tree, (node: Nodes) => {
      if (!('children' in node) || inline.has(node.type) || !node.children.some((child) => child.type === 'text' || inline.has(child.type))) return undefined;
      smartenRun(node, style, source);
      return SKIP;
    });
  };
}

function isSmart(file: VFile, options: SmartOptions): boolean {
  if (!pandocDialects.has(file.data.dialect ?? 'pandoc')) return false;
  const raw = file.data.meta?.raw ?? {};
  const fromFormat = lectureExtensions(raw).smart;
  if (typeof raw.smart === 'boolean') return raw.smart;
  return fromFormat ?? options.enabled ?? true;
}

interface Segment {
  node: Text;
  /** Where the node's text starts in the run. */
  start: number;
  escaped: Set<number>;
}

/** Smarten the text of one block (a paragraph, heading, cell): quotes are paired across its inline markup. */
function smartenRun(parent: Parent, style: QuoteStyle, source: string): void {
  const segments: Segment[] = [];
  let text = '';
  const walk = (node: Nodes): void => {
    if (node.type === 'text') {
      segments.push({ node, start: text.length, escaped: escapedIndices(node, source) });
      text += node.value;
    } else if (node.type === 'break') text += ' ';
    else if (inline.has(node.type) && !isAutolink(node)) for (const child of (node as Parent).children) walk(child as Nodes);
    else text += 'x';
  };
  for (const child of parent.children) walk(child as Nodes);
  const skip = new Set(segments.flatMap((segment) => [...segment.escaped].map((index) => segment.start + index)));
  const roles = quoteRoles(text, skip);
  for (const segment of segments) segment.node.value = smartenText(segment, roles, style);
}

function smartenText({ node, start, escaped }: Segment, roles: ReturnType<typeof quoteRoles>, style: QuoteStyle): string {
  const value = node.value;
  let result = '';
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const role = roles.get(start + index);
    const plain = (at: number) => !escaped.has(at);
    if (role) result += quoteText(role, style);
    else if (char === '-' && plain(index) && value[index + 1] === '-' && plain(index + 1)) {
      const em = value[index + 2] === '-' && plain(index + 2);
      result += em ? '—' : '–';
      index += em ? 2 : 1;
    } else if (char === '.' && plain(index) && value.startsWith('..', index + 1) && plain(index + 1) && plain(index + 2)) {
      result += '…';
      index += 2;
    } else result += char;
  }
  return result;
}
