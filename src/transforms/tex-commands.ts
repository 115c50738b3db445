/**
 * What a raw TeX command in text means on a slide: `\alert`, `\emph`,
 * `\textbf`, `\texttt`, `\href` … become the markup they stand for, with
 * their argument's markdown; `\newcommand` defines a macro for the deck's
 * math; anything else has no meaning in HTML and is dropped (and listed
 * once per lecture by `transforms/tex.ts`).
 */
import type { Emphasis, InlineCode, Link, PhrasingContent, Strong } from 'mdast';
import type { BracketedSpan, InlineNote, RawTex } from '../types.js';

/** What a command became: nodes for the slide, and whether it was dropped as meaningless. */
export interface Mapped {
  nodes: PhrasingContent[];
  dropped: boolean;
}

/** Commands whose meaning is layout, handled with their paragraph (`transforms/tex.ts`). */
export const layoutCommands = new Set(['pause', 'hfill', 'centering', 'vspace', 'vspace*', 'bigskip', 'medskip', 'smallskip', 'vfill']);

const macroCommands = new Set(['newcommand', 'renewcommand', 'providecommand', 'newcommand*', 'renewcommand*']);

const textCommands = new Set(['textsf', 'textrm', 'textnormal', 'textup', 'textmd', 'mbox', 'text', 'hbox']);

const words: Record<string, string> = { ldots: '…', dots: '…', LaTeX: 'LaTeX', TeX: 'TeX', textbackslash: '\\', textasciitilde: '~', textbar: '|' };

/** Map one command; `macros` receives what `\newcommand` defines. */
export function mapCommand(node: RawTex, macros: Record<string, string>): Mapped {
  const last = node.children.at(-1);
  const content = last?.children ?? [];
  const keep = (nodes: PhrasingContent[]): Mapped => ({ nodes, dropped: false });
  const span = (classes: string[], values: Record<string, string> = {}): Mapped =>
    keep([{ type: 'bracketedSpan', attributes: { classes, values }, children: content, position: node.position } satisfies BracketedSpan]);
  const name = node.name;
  if (macroCommands.has(name)) return defineMacro(node, macros);
  if (name in words) return keep([{ type: 'text', value: words[name]!, position: node.position }]);
  if (node.children.length === 0 && (name === 'newline' || name === 'linebreak')) return keep([{ type: 'break', position: node.position }]);
  if (!last) return { nodes: [], dropped: true };
  switch (name) {
    case 'alert':
      return span(['alert']);
    case 'emph':
    case 'textit':
    case 'textsl':
      return keep([{ type: 'emphasis', children: content, position: node.position } satisfies Emphasis]);
    case 'textbf':
      return keep([{ type: 'strong', children: content, position: node.position } satisfies Strong]);
    case 'texttt':
      return keep([{ type: 'inlineCode', value: unescape(last.raw), position: node.position } satisfies InlineCode]);
    case 'underline':
    case 'uline':
      return span(['underline']);
    case 'textsc':
      return span(['smallcaps']);
    case 'textcolor':
      return node.children.length === 2 && /^#?[a-zA-Z0-9]+$/.test(node.children[0]!.raw.trim()) ? span([], { style: `color: ${node.children[0]!.raw.trim()}` }) : keep(content);
    case 'url':
      return keep([link(unescape(last.raw), [{ type: 'text', value: unescape(last.raw) }], node)]);
    case 'href':
      return node.children.length === 2 ? keep([link(unescape(node.children[0]!.raw), content, node)]) : { nodes: [], dropped: true };
    case 'footnote':
      return keep([{ type: 'inlineNote', children: content, position: node.position } satisfies InlineNote]);
    default:
      return textCommands.has(name) ? keep(content) : { nodes: [], dropped: true };
  }
}

function link(url: string, children: PhrasingContent[], node: RawTex): Link {
  return { type: 'link', url: url.trim(), title: null, children: children as Link['children'], position: node.position };
}

/** `\newcommand{\R}{\mathbb{R}}` (or `[2]` arguments): a macro for every formula of the deck, as Pandoc's `latex_macros`. */
function defineMacro(node: RawTex, macros: Record<string, string>): Mapped {
  const [nameArgument, body] = node.children;
  const name = nameArgument?.raw.trim();
  if (!name || !/^\\[a-zA-Z]+$/.test(name) || body === undefined) return { nodes: [], dropped: true };
  if (!(node.name.startsWith('provide') && name in macros)) macros[name] = body.raw;
  return { nodes: [], dropped: false };
}

/** TeX's escapes in a URL or code (`\_`, `\%`, `\#`) as the characters. */
function unescape(value: string): string {
  return value.replace(/\\([_%#&$~{}])/g, '$1');
}

/** How a dropped command is listed: `\small`, `\begin{frame}`. */
export function describeCommand(node: RawTex): string {
  const first = node.children[0];
  return node.name === 'begin' || node.name === 'end' ? `\\${node.name}{${first?.raw.trim() ?? ''}}` : `\\${node.name}`;
}
