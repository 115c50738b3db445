/**
 * from-markdown handlers for our Pandoc tokens: each token becomes a node
 * with its source position.
 */
import type { Paragraph } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import type { CompileContext, Extension, Token } from 'mdast-util-from-markdown';
import type { Attributes, BracketedSpan, FencedDivFence, InlineAttributes, InlineNote, PandocTable, RawTex, TexArgument, TitleBlockLine } from '../types.js';

declare module 'mdast-util-from-markdown' {
  interface CompileData {
    /** Attributes being filled by the attribute tokens. */
    pandocAttributes?: Attributes | undefined;
    /** Key of the attribute whose value comes next. */
    pandocAttributeName?: string | undefined;
  }
}

/** Create empty attributes. */
export function createAttributes(): Attributes {
  return { classes: [], values: {} };
}

/** Create the from-markdown extension for Pandoc's syntax. */
export function pandocFromMarkdown(): Extension {
  return {
    // Line endings inside a span or an inline note are soft breaks, as in a paragraph.
    canContainEols: ['bracketedSpan', 'inlineNote', 'texArgument'],
    enter: {
      fencedDivFence: enterFence,
      pandocAttributes: enterAttributes,
      bracketedSpan: enterSpan,
      titleBlockLine: enterTitleBlockLine,
      displayMath: enterDisplayMath,
      inlineNote: enterInlineNote,
      htmlFence: enterHtmlFence,
      pandocTable: enterPandocTable,
      rawTex: enterRawTex,
      rawTexArgument: enterTexArgument,
      displayMathFormula: enterDisplayMathFormula,
    },
    exit: {
      fencedDivFence: exitNode,
      fencedDivWord: exitFenceWord,
      pandocAttributes: exitAttributes,
      pandocAttributeId: exitId,
      pandocAttributeClass: exitClass,
      pandocAttributeRaw: exitRaw,
      pandocAttributeName: exitName,
      pandocAttributeValue: exitValue,
      bracketedSpan: exitNode,
      titleBlockValue: exitTitleBlockValue,
      titleBlockLine: exitNode,
      displayMath: exitNode,
      inlineNote: exitNode,
      htmlFence: exitHtmlFence,
      pandocTable: exitNode,
      pandocTableLine: exitPandocTableLine,
      rawTex: exitNode,
      rawTexName: exitRawTexName,
      rawTexOptional: exitRawTexOptional,
      rawTexArgument: exitTexArgument,
      texSpace: exitTexSpace,
      texLineBreak: exitTexLineBreak,
      displayMathFormula: exitDisplayMathFormula,
      displayMathValue: exitData,
      mathTextSequence: exitMathTextSequence,
    },
  };
}

function enterFence(this: CompileContext, token: Token): undefined {
  const node: FencedDivFence = { type: 'fencedDivFence', kind: 'close' };
  this.enter(node, token);
}

function exitFenceWord(this: CompileContext, token: Token): undefined {
  const fence = this.stack.at(-1) as FencedDivFence;
  fence.kind = 'open';
  fence.attributes = createAttributes();
  fence.attributes.classes.push(this.sliceSerialize(token));
}

function exitNode(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** Attributes belong to the fence or span being built, else they are a node of their own. */
function enterAttributes(this: CompileContext, token: Token): undefined {
  const attributes = createAttributes();
  this.data.pandocAttributes = attributes;
  const parent = this.stack.at(-1);
  if (parent?.type === 'fencedDivFence') {
    parent.kind = 'open';
    parent.attributes = attributes;
  } else if (parent?.type === 'bracketedSpan') {
    parent.attributes = attributes;
  } else if (parent?.type === 'definition') {
    parent.data = { ...parent.data, attributes };
  } else {
    const node: InlineAttributes = { type: 'inlineAttributes', attributes, value: '' };
    this.enter(node, token);
  }
}

function exitAttributes(this: CompileContext, token: Token): undefined {
  const node = this.stack.at(-1);
  if (node?.type === 'inlineAttributes') {
    node.value = this.sliceSerialize(token);
    this.exit(token);
  }
  this.data.pandocAttributes = undefined;
}

function current(context: CompileContext): Attributes {
  return context.data.pandocAttributes ?? createAttributes();
}

function exitId(this: CompileContext, token: Token): undefined {
  current(this).id = this.sliceSerialize(token).slice(1);
}

function exitClass(this: CompileContext, token: Token): undefined {
  const value = this.sliceSerialize(token);
  current(this).classes.push(value === '-' ? 'unnumbered' : value.slice(1));
}

function exitRaw(this: CompileContext, token: Token): undefined {
  current(this).format = this.sliceSerialize(token).slice(1);
}

function exitName(this: CompileContext, token: Token): undefined {
  this.data.pandocAttributeName = this.sliceSerialize(token);
}

function exitValue(this: CompileContext, token: Token): undefined {
  const name = this.data.pandocAttributeName;
  if (name === undefined) return;
  current(this).values[name] = unquote(this.sliceSerialize(token));
  this.data.pandocAttributeName = undefined;
}

/** Strip the quotes of a quoted value and resolve its backslash escapes. */
function unquote(value: string): string {
  const quote = value.charAt(0);
  if (quote !== '"' && quote !== "'") return value;
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}

function enterSpan(this: CompileContext, token: Token): undefined {
  const node: BracketedSpan = { type: 'bracketedSpan', attributes: createAttributes(), children: [] };
  this.enter(node, token);
}

function enterTitleBlockLine(this: CompileContext, token: Token): undefined {
  const node: TitleBlockLine = { type: 'titleBlockLine', value: '' };
  this.enter(node, token);
}

function exitTitleBlockValue(this: CompileContext, token: Token): undefined {
  const node = this.stack.at(-1) as TitleBlockLine;
  node.value = this.sliceSerialize(token).trim();
}

/** Display math that starts a line is a paragraph, as in Pandoc: the formula, then the rest of its closing line. */
function enterDisplayMath(this: CompileContext, token: Token): undefined {
  const node: Paragraph = { type: 'paragraph', children: [], data: { displayMath: true } };
  this.enter(node, token);
}

function enterDisplayMathFormula(this: CompileContext, token: Token): undefined {
  const node: InlineMath = {
    type: 'inlineMath',
    value: '',
    data: { hName: 'code', hProperties: { className: ['language-math', 'math-display'] }, hChildren: [] },
  };
  this.enter(node, token);
  this.buffer();
}

function exitDisplayMathFormula(this: CompileContext, token: Token): undefined {
  const value = this.resume();
  const node = this.stack.at(-1) as InlineMath;
  this.exit(token);
  node.value = value;
  node.data?.hChildren?.push({ type: 'text', value });
}

function exitData(this: CompileContext, token: Token): undefined {
  this.config.enter.data!.call(this, token);
  this.config.exit.data!.call(this, token);
}

/** `$$…$$` inside a paragraph is display math, as in Pandoc (remark-math makes it inline). */
function exitMathTextSequence(this: CompileContext, token: Token): undefined {
  const node = this.stack.at(-2);
  if (node?.type !== 'inlineMath' || this.sliceSerialize(token).length < 2) return;
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['language-math', 'math-display'] } };
}

function enterInlineNote(this: CompileContext, token: Token): undefined {
  const node: InlineNote = { type: 'inlineNote', children: [] };
  this.enter(node, token);
}

function enterHtmlFence(this: CompileContext, token: Token): undefined {
  const node: FencedDivFence = { type: 'fencedDivFence', kind: 'close' };
  this.enter(node, token);
}

/** `<div class="notes">` is an opening fence with the tag's attributes, `</div>` a closing one. */
function exitHtmlFence(this: CompileContext, token: Token): undefined {
  const node = this.stack.at(-1) as FencedDivFence;
  const value = this.sliceSerialize(token);
  const tag = /^<\/?([a-z]+)/i.exec(value)?.[1]?.toLowerCase();
  node.tag = tag;
  node.value = value;
  if (!value.startsWith('</')) {
    node.kind = 'open';
    node.attributes = htmlAttributes(value);
  }
  this.exit(token);
}

/** The attributes of an HTML start tag as Pandoc attributes: `id`, `class` split into classes, the rest as values. */
export function htmlAttributes(tag: string): Attributes {
  const attributes = createAttributes();
  const pattern = /\s([a-zA-Z_:][a-zA-Z0-9_.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^"'=<>`\s]+)))?/g;
  for (const match of tag.replace(/^<[a-zA-Z]+/, '').matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    const value = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    if (name === 'id') attributes.id = value;
    else if (name === 'class') attributes.classes.push(...value.split(/\s+/).filter(Boolean));
    else attributes.values[name] = value;
  }
  return attributes;
}

function decodeEntities(value: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? whole;
  });
}

function enterPandocTable(this: CompileContext, token: Token): undefined {
  const node: PandocTable = { type: 'pandocTable', layout: token.pandocTable!.layout, indent: token.pandocTable!.indent, lines: [] };
  this.enter(node, token);
}

function exitPandocTableLine(this: CompileContext, token: Token): undefined {
  const node = this.stack.at(-1) as PandocTable;
  node.lines.push({ value: this.sliceSerialize(token), start: { line: token.start.line, column: token.start.column, offset: token.start.offset } });
}

function enterRawTex(this: CompileContext, token: Token): undefined {
  const node: RawTex = { type: 'rawTex', name: '', optional: [], children: [] };
  this.enter(node, token);
}

function exitRawTexName(this: CompileContext, token: Token): undefined {
  (this.stack.at(-1) as RawTex).name = this.sliceSerialize(token);
}

function exitRawTexOptional(this: CompileContext, token: Token): undefined {
  (this.stack.at(-1) as RawTex).optional.push(this.sliceSerialize(token).slice(1, -1));
}

function enterTexArgument(this: CompileContext, token: Token): undefined {
  const node: TexArgument = { type: 'texArgument', raw: '', children: [] };
  this.enter(node, token);
}

function exitTexArgument(this: CompileContext, token: Token): undefined {
  (this.stack.at(-1) as TexArgument).raw = this.sliceSerialize(token).slice(1, -1);
  this.exit(token);
}

/** `\ `: a no-break space. */
function exitTexSpace(this: CompileContext, token: Token): undefined {
  this.enter({ type: 'text', value: '\u00a0' }, token);
  this.exit(token);
}

/** `\\` ending a line: a line break. */
function exitTexLineBreak(this: CompileContext, token: Token): undefined {
  this.enter({ type: 'break' }, token);
  this.exit(token);
}
