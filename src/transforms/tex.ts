/**
 * Raw TeX in a lecture written for Beamer is never shown with its
 * backslashes. Commands with an HTML meaning become it
 * (`transforms/tex-commands.ts`); layout commands act on their paragraph:
 * `\pause` is a fragment break (as `. . .`), `\vspace{…}` and the
 * `\bigskip` family on a line of their own are vertical space, `\hfill`
 * pushes the rest of its line to the right, `\centering` centres its block
 * (or, alone, the blocks after it in its container). Everything else is
 * dropped, with one hint per lecture listing what was.
 */
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { FencedDiv, RawTex } from '../types.js';
import { describeCommand, layoutCommands, mapCommand } from './tex-commands.js';

const skips: Record<string, string> = { bigskip: '1em', medskip: '0.5em', smallskip: '0.25em' };

/** Remark plugin: map, lay out or drop raw TeX; sets `file.data.texMacros`. */
export function tex() {
  return (tree: Root, file: VFile): undefined => {
    const dropped: RawTex[] = [];
    const macros: Record<string, string> = {};
    visit(tree, 'paragraph', (node, index, parent) => {
      if (!parent || index === undefined || !node.children.some(isLayout)) return undefined;
      const replacement = layOut(node, parent, index);
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    });
    visit(tree, 'heading', (node) => {
      if (!node.children.some((child) => child.type === 'rawTex')) return;
      // The slide id is Pandoc's, from the heading without its TeX (`## Plan \hfill \alert{[5 min]}` → `plan`).
      node.data = { ...node.data, idText: toString({ ...node, children: node.children.filter((child) => child.type !== 'rawTex') }) };
      // A frame title's `\hfill` pushes the rest of the title right, as in Beamer.
      if (node.children.some(isLayout)) node.children = inline({ type: 'paragraph', children: node.children }).children;
    });
    visit(tree, 'rawTex', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const mapped = isLayout(node) ? { nodes: [], dropped: false } : mapCommand(node, macros);
      if (mapped.dropped) dropped.push(node);
      parent.children.splice(index, 1, ...(mapped.nodes as typeof parent.children));
      // The replacement is visited in turn (nested commands in kept content); a dropped command's arguments are not.
      return [SKIP, index];
    });
    removeEmptyParagraphs(tree);
    file.data.texMacros = macros;
    if (dropped.length > 0) reportDropped(dropped, file);
  };
}

/** Paragraphs that held nothing but TeX that went (`\newcommand{…}{…}`, `\small`). */
function removeEmptyParagraphs(tree: Root): void {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || index === undefined || !node.children.every((child) => child.type === 'text' && child.value.trim() === '')) return undefined;
    parent.children.splice(index, 1);
    return index;
  });
}

function isLayout(node: PhrasingContent | RootContent): node is RawTex {
  return node.type === 'rawTex' && layoutCommands.has(node.name);
}

function isBlank(node: PhrasingContent): boolean {
  return (node.type === 'text' && node.value.trim() === '') || node.type === 'break';
}

/** What a paragraph holding layout commands becomes. */
function layOut(paragraph: Paragraph, parent: Parent, index: number): RootContent[] {
  const children = paragraph.children;
  if (children.every((child) => isLayout(child) || isBlank(child))) {
    return children.filter(isLayout).flatMap((command) => alone(command, parent, index));
  }
  const pause = children.findIndex((child) => isLayout(child) && child.name === 'pause');
  if (pause !== -1) {
    // The rest of the paragraph appears on the next step: the paragraph is cut there.
    const before = layOut({ ...paragraph, children: children.slice(0, pause) }, parent, index);
    const after = layOut({ ...paragraph, children: children.slice(pause + 1) }, parent, index);
    return [...before, pauseParagraph(), ...after];
  }
  return [inline(paragraph)];
}

/** A layout command alone in its paragraph. */
function alone(command: RawTex, parent: Parent, index: number): RootContent[] {
  const length = command.name in skips ? skips[command.name]! : command.children[0]?.raw.trim() ?? '';
  if (command.name === 'pause') return [pauseParagraph()];
  if (command.name === 'centering') {
    centreAfter(parent, index);
    return [];
  }
  if ((command.name.startsWith('vspace') || command.name in skips) && isLength(length)) return [space(length)];
  return [];
}

/** Layout commands inside a paragraph of text: `\hfill` pushes the rest right, `\centering` centres it, spaces go. */
function inline(paragraph: Paragraph): Paragraph {
  const children = paragraph.children.filter((child) => !(isLayout(child) && child.name !== 'hfill' && child.name !== 'centering'));
  const centred = children.some((child) => isLayout(child) && child.name === 'centering');
  const kept = children.filter((child) => !(isLayout(child) && child.name === 'centering'));
  const fill = kept.findIndex((child) => isLayout(child) && child.name === 'hfill');
  let result = kept;
  if (fill !== -1) {
    const rest = kept.slice(fill + 1).filter((child) => !isLayout(child));
    result = [...kept.slice(0, fill), ...(rest.some((child) => !isBlank(child)) ? [rightAligned(rest)] : [])];
  }
  const style = centred ? { hProperties: { ...paragraph.data?.hProperties, style: 'text-align: center' } } : {};
  return { ...paragraph, children: result, data: { ...paragraph.data, ...style } };
}

function rightAligned(children: PhrasingContent[]): PhrasingContent {
  const trimmed = [...children];
  const first = trimmed[0];
  if (first?.type === 'text') trimmed[0] = { ...first, value: first.value.trimStart() };
  return { type: 'bracketedSpan', attributes: { classes: [], values: { style: 'float: right' } }, children: trimmed };
}

/** `\centering` alone: its container is centred, or, at the top, the blocks after it up to the next heading or rule. */
function centreAfter(parent: Parent, index: number): void {
  if (parent.type === 'fencedDiv') {
    const values = (parent as FencedDiv).attributes.values;
    values.style = [values.style, 'text-align: center'].filter(Boolean).join('; ');
    return;
  }
  const siblings = parent.children as RootContent[];
  let end = index + 1;
  while (end < siblings.length && siblings[end]!.type !== 'heading' && siblings[end]!.type !== 'thematicBreak') end++;
  const div: FencedDiv = { type: 'fencedDiv', attributes: { classes: [], values: { style: 'text-align: center' } }, children: siblings.slice(index + 1, end) };
  if (div.children.length > 0) siblings.splice(index + 1, end - index - 1, div);
}

function pauseParagraph(): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: '. . .' }] };
}

// A number as `\d+(.\d+)?` or `.\d+`: `\d*\.?\d+` let two parts take a run of digits, the square of its length.
export const lengthPattern = /^-?(?:\d+(?:\.\d+)?|\.\d+)\s*(cm|mm|in|pt|px|em|ex|pc)$/;

function isLength(value: string): boolean {
  return lengthPattern.test(value);
}

/** Vertical space: a block of that height, or for a negative length a pull upwards. */
function space(length: string): FencedDiv {
  const value = length.replace(/\s+/g, '');
  const style = value.startsWith('-') ? `margin-top: ${value}` : `height: ${value}`;
  return { type: 'fencedDiv', attributes: { classes: ['vspace'], values: { style } }, children: [] };
}

function reportDropped(dropped: RawTex[], file: VFile): void {
  const counts = new Map<string, number>();
  for (const node of dropped) counts.set(describeCommand(node), (counts.get(describeCommand(node)) ?? 0) + 1);
  const list = [...counts].map(([name, count]) => `\`${name}\`${count > 1 ? ` (${count}×)` : ''}`).join(', ');
  report(file, `Raw TeX with no meaning on a slide was left out: ${list}`, rules.rawTex, dropped[0], 'info');
}
