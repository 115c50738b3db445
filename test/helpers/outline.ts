/**
 * The structure of a reveal.js deck as text, one block per line, so our
 * output and Pandoc's (`pandoc -t revealjs`) can be compared where it
 * matters — slides, sections, notes, fragments, columns and widths, tables,
 * media elements, footnotes, the text with its inline markup — and not where
 * markup details may differ (KaTeX's HTML against MathJax's `\[…\]`, where
 * footnotes are listed, wrapper `div`s, attribute spelling).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';

/** Classes that carry structure; others are markup details. */
const structural = /^(slide|title-slide|level\d|notes|fragment|columns|column|title|subtitle|author|institute|date|alert|math-error|onlytextwidth)$/;

const blocks = new Set([
  'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'aside', 'div', 'figure', 'figcaption',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'blockquote', 'pre', 'hr',
  'dl', 'dt', 'dd', 'video', 'audio', 'embed', 'iframe', 'object',
]);

const media = new Set(['video', 'audio', 'embed', 'iframe', 'object']);

/** Elements that hold blocks when any of their children is a block. */
const mixed = new Set(['li', 'th', 'td', 'dd', 'div', 'aside', 'blockquote', 'section', 'figure']);

interface State {
  lines: string[];
  notes: string[];
}

/** The outline of the slides in `html` (the content of `.slides`). */
export function outline(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const state: State = { lines: [], notes: [] };
  for (const child of tree.children) block(child, 0, state);
  const notes = state.notes.map((text, index) => `footnote ${index + 1}: ${text}`);
  return [...state.lines, ...notes].join('\n') + '\n';
}

function block(node: RootContent | ElementContent, depth: number, state: State): void {
  if (node.type !== 'element') {
    if (node.type === 'text' && node.value.trim() !== '') state.lines.push(`${'  '.repeat(depth)}text: ${inlineText([node])}`);
    return;
  }
  if (isFootnoteList(node)) {
    collectNotes(node, state);
    return;
  }
  const label = describe(node);
  if (label === undefined) {
    for (const child of node.children) block(child, depth, state);
    return;
  }
  const indent = '  '.repeat(depth);
  const hasBlocks = node.children.some((child) => child.type === 'element' && (blocks.has(child.tagName) || isTransparentBlock(child)));
  if (hasBlocks || (mixed.has(node.tagName) && node.children.every((child) => child.type === 'element' || child.value.trim() === ''))) {
    state.lines.push(`${indent}${label}`);
    runs(node.children, depth + 1, state);
    return;
  }
  // A player's content is the fallback for browsers without it: a markup detail.
  const text = media.has(node.tagName) ? '' : node.tagName === 'pre' ? `\`${toString(node).trim().replace(/\s+/g, ' ')}\`` : inlineText(node.children);
  state.lines.push(text === '' ? `${indent}${label}` : `${indent}${label}: ${text}`);
}

/** Children of a block that mixes blocks and inline content: each inline run becomes a `text:` line. */
function runs(children: ElementContent[], depth: number, state: State): void {
  let run: ElementContent[] = [];
  const flush = () => {
    const text = inlineText(run);
    if (text !== '') state.lines.push(`${'  '.repeat(depth)}text: ${text}`);
    run = [];
  };
  for (const child of children) {
    if (child.type === 'element' && (blocks.has(child.tagName) || isTransparentBlock(child) || isFootnoteList(child))) {
      flush();
      block(child, depth, state);
    } else {
      run.push(child);
    }
  }
  flush();
}

function isTransparentBlock(node: Element): boolean {
  return node.tagName === 'span' && node.children.some((child) => child.type === 'element' && blocks.has(child.tagName));
}

/** `tag#id.class attr=value`, or `undefined` for a wrapper without meaning (a bare `div`). */
function describe(node: Element): string | undefined {
  if (!blocks.has(node.tagName)) return undefined;
  const classes = classesOf(node).filter((name) => structural.test(name));
  const id = typeof node.properties.id === 'string' && !/^fnref?\d+$/.test(node.properties.id) ? `#${node.properties.id}` : '';
  if (node.tagName === 'div' && classes.length === 0 && id === '') return undefined;
  const attributes = attributesOf(node);
  return `${node.tagName}${id}${classes.map((name) => `.${name}`).join('')}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}`;
}

function attributesOf(node: Element): string[] {
  const result: string[] = [];
  const style = typeof node.properties.style === 'string' ? node.properties.style : '';
  const columns = classesOf(node).includes('columns');
  for (const [, key, value] of style.matchAll(/(?<![-\w])(width|height|text-align|align-items|align-self)\s*:\s*([^;]+)/g)) {
    if (key === 'align-items' || key === 'align-self') result.push(`valign=${verticalAlignments[value!.trim()] ?? value!.trim()}`);
    else result.push(`${key === 'text-align' ? 'align' : columns && key === 'width' ? 'totalwidth' : key}=${normalizeSize(value!.trim())}`);
  }
  // Pandoc passes Beamer's column options on as data attributes; we apply them as layout.
  if (typeof node.properties.dataAlign === 'string') result.push(`valign=${node.properties.dataAlign}`);
  if (typeof node.properties.dataTotalwidth === 'string') result.push(`totalwidth=${normalizeSize(node.properties.dataTotalwidth)}`);
  for (const key of ['width', 'height'] as const) {
    if (node.properties[key] !== undefined && !style.includes(`${key}:`)) result.push(`${key}=${normalizeSize(String(node.properties[key]))}`);
  }
  if (typeof node.properties.align === 'string') result.push(`align=${node.properties.align}`);
  const src = node.properties.src ?? node.properties.dataSrc ?? node.properties.data;
  if (typeof src === 'string') result.push(`src=${src}`);
  const flags: Record<string, string[]> = { controls: ['controls'], autoplay: ['autoPlay', 'dataAutoplay'], loop: ['loop'], muted: ['muted'] };
  for (const [flag, names] of Object.entries(flags)) {
    if (names.some((name) => node.properties[name] !== undefined && node.properties[name] !== false)) result.push(flag);
  }
  if (typeof node.properties.poster === 'string') result.push(`poster=${node.properties.poster}`);
  return result;
}

const verticalAlignments: Record<string, string> = { 'flex-start': 'top', center: 'center', 'flex-end': 'bottom' };

/** `22.2%` and `22%` compare equal: widths are compared to the whole percent. */
function normalizeSize(value: string): string {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value);
  if (percent) return `${Math.round(Number(percent[1]))}%`;
  return value.replace(/^(\d+(?:\.\d+)?)px$/, '$1');
}

function classesOf(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isFootnoteList(node: Element): boolean {
  const classes = classesOf(node);
  return classes.includes('footnotes') || node.properties.role === 'doc-endnotes';
}

function collectNotes(node: Element, state: State): void {
  const visit = (element: Element): void => {
    for (const child of element.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'li') state.notes.push(inlineText(child.children.flatMap((item) => (item.type === 'element' && item.tagName === 'p' ? item.children : [item]))));
      else visit(child);
    }
  };
  visit(node);
}

/** Inline content as text with light markup: `_em_`, `**strong**`, `` `code` ``, `[text](href)`, `$math$`. */
function inlineText(nodes: Array<ElementContent | Root['children'][number]>): string {
  return nodes.map(inline).join('').replace(/\s+/g, ' ').trim();
}

function inline(node: ElementContent | Root['children'][number]): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const classes = classesOf(node);
  const inner = () => node.children.map(inline).join('');
  if (classes.includes('footnote-ref') || node.properties.role === 'doc-noteref') return `[^${toString(node).trim()}]`;
  if (classes.includes('footnote-back') || node.properties.role === 'doc-backlink') return '';
  const math = mathOf(node, classes);
  if (math !== undefined) return math;
  switch (node.tagName) {
    case 'em':
    case 'i':
      return `_${inner()}_`;
    case 'strong':
    case 'b':
      return `**${inner()}**`;
    case 'code':
      return `\`${toString(node)}\``;
    case 'a':
      return `[${inner()}](${String(node.properties.href ?? '').replace(/^#\//, '#')})`;
    case 'sup':
      return `^${inner()}^`;
    case 'sub':
      return `~${inner()}~`;
    case 'br':
      return ' ↵ ';
    case 'img':
      return `![${String(node.properties.alt ?? '')}](${String(node.properties.src ?? node.properties.dataSrc ?? '')}${sizeOf(node)})`;
    case 'video':
    case 'audio':
    case 'embed':
    case 'iframe':
    case 'object':
      return `<${describe(node) ?? node.tagName}>`;
    case 'span': {
      const kept = classes.filter((name) => structural.test(name));
      return kept.length > 0 ? `[${inner()}]{${kept.map((name) => `.${name}`).join(' ')}}` : inner();
    }
    default:
      return inner();
  }
}

function sizeOf(node: Element): string {
  const attributes = attributesOf({ ...node, properties: { style: node.properties.style } });
  return attributes.length > 0 ? ` ${attributes.join(' ')}` : '';
}

/** KaTeX's output (ours) and MathJax's delimiters (Pandoc's) as `$…$` / `$$…$$` around the TeX source. */
function mathOf(node: Element, classes: string[]): string | undefined {
  const display = classes.includes('math-display') || (classes.includes('math') && classes.includes('display'));
  const inline = classes.includes('math-inline') || (classes.includes('math') && classes.includes('inline'));
  if (!display && !inline) return undefined;
  const error = node.children.find((child): child is Element => child.type === 'element' && classesOf(child).includes('math-error'));
  const source = error ? toString(error) : annotation(node) ?? toString(node).replace(/^\\[[(]|\\[\])]$/g, '');
  const fence = display ? '$$' : '$';
  const id = typeof node.properties.id === 'string' ? `{#${node.properties.id}}` : '';
  return `${fence}${source.trim()}${fence}${id}`;
}

function annotation(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'annotation') return toString(child);
    const found = annotation(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Lines only in `ours` (`+ `) and only in `theirs` (`- `), in order, from a longest common subsequence. */
export function lineDiff(ours: string, theirs: string): string {
  const a = ours.trimEnd().split('\n');
  const b = theirs.trimEnd().split('\n');
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const result: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && table[i + 1]![j]! >= table[i]![j + 1]!)) {
      result.push(`+ ${a[i++]}`);
    } else {
      result.push(`- ${b[j++]}`);
    }
  }
  return result.length > 0 ? `${result.join('\n')}\n` : '';
}
