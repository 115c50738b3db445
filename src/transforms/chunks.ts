/**
 * Executable code chunks, as Quarto and knitr write them: ```` ```{r} ````,
 * ```` ```{python} ````, ```` ```{r setup, include=FALSE} ```` … We do not
 * run code, so a chunk is shown as code in its language with its option
 * lines (`#| echo: false`) taken out and its options obeyed as far as they
 * concern the code: `include: false` drops the chunk, `echo: false` hides the
 * code (its output would be all that shows), `eval` changes nothing here. One
 * hint per lecture says the outputs need Quarto or knitr. In Quarto lectures,
 * inline code for knitr (`` `r x` ``, `` `{python} x` ``) is shown as code.
 */
import type { Code, InlineCode, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { commonJs } from '../interop.js';
import { hasInlineChunk } from './title-inlines.js';

/** `{engine options}` without its closing brace (taken off first: a lazy body before `\}\s*$` cost the square of the header). */
export const header = /^\{([A-Za-z][\w-]*)(?:[\s,]+([\s\S]*))?$/;
/** Option-line comment marks by engine (`#|` for most). */
const optionMarks: Record<string, string> = { ojs: '//|', js: '//|', dot: '//|', mermaid: '%%|', sql: '--|', c: '//|', cpp: '//|', rcpp: '//|' };
/** Engines whose output we draw ourselves; no hint about Quarto for them. */
const drawn = new Set(['mermaid']);
const inlineCall = /^(?:\{(r|python|julia|ojs)\}|(r))\s+(\S[\s\S]*)$/;

interface Chunk {
  node: Code;
  engine: string;
  options: Record<string, unknown>;
  code: string;
}

/** Remark plugin: turn executable chunks into code blocks, obeying their options. */
export function chunks() {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const found: Chunk[] = [];
    visit(tree, 'code', (node) => {
      const chunk = readChunk(node);
      if (chunk) found.push(chunk);
    });
    const yaml = found.some((chunk) => chunk.code.includes('|')) ? commonJs(await import('yaml')) : undefined;
    const dropped = new Set<Code>();
    for (const chunk of found) {
      const { options, code } = splitOptions(chunk, yaml);
      const merged = { ...chunk.options, ...options };
      if (isFalse(merged.include) || (isFalse(merged.echo) && !drawn.has(chunk.engine))) dropped.add(chunk.node);
      chunk.node.lang = chunk.engine;
      chunk.node.meta = null;
      chunk.node.value = code;
      const lines = merged['code-line-numbers'];
      if (lines !== undefined && lines !== null) {
        chunk.node.data = { ...chunk.node.data, attributes: { classes: [], values: { 'code-line-numbers': String(lines) } } };
      }
    }
    removeAll(tree, dropped);
    const executed = found.filter((chunk) => !drawn.has(chunk.engine));
    if (executed.length > 0) {
      const first = executed[0]!;
      const engines = [...new Set(executed.map((chunk) => `\`{${chunk.engine}}\``))].join(', ');
      report(file, `This lecture has executable code chunks (${engines}); the slides show their code only: their output (plots, tables, printed values) needs Quarto or knitr to run them`, rules.executableCode, first.node, 'info');
    }
    if (file.data.dialect === 'quarto') inlineChunks(tree, file);
  };
}

/** A chunk's engine and header options, when `node` is an executable chunk. */
function readChunk(node: Code): Chunk | undefined {
  const info = [node.lang, node.meta].filter(Boolean).join(' ').trimEnd();
  const match = info.endsWith('}') ? header.exec(info.slice(0, -1)) : null;
  if (!match) return undefined;
  return { node, engine: match[1]!.toLowerCase(), options: headerOptions(match[2] ?? ''), code: node.value };
}

/** knitr's header options: `setup, include=FALSE, echo=F` (the bare word is the label). */
function headerOptions(text: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const part of text.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const equals = part.indexOf('=');
    if (equals === -1) {
      options.label ??= part;
      continue;
    }
    const key = part.slice(0, equals).trim().replace(/\./g, '-');
    const value = part.slice(equals + 1).trim().replace(/^(["'])(.*)\1$/, '$2');
    options[key] = /^(TRUE|T|true)$/.test(value) ? true : /^(FALSE|F|false)$/.test(value) ? false : value;
  }
  return options;
}

/** The `#|` option lines at the top of a chunk, read as YAML, and the code without them. */
function splitOptions(chunk: Chunk, yaml: typeof import('yaml') | undefined): { options: Record<string, unknown>; code: string } {
  const mark = optionMarks[chunk.engine] ?? '#|';
  const lines = chunk.code.split('\n');
  let count = 0;
  while (count < lines.length && lines[count]!.trimStart().startsWith(mark)) count++;
  if (count === 0 || !yaml) return { options: {}, code: chunk.code };
  const text = lines.slice(0, count).map((line) => line.trimStart().slice(mark.length).replace(/^ /, '')).join('\n');
  let options: Record<string, unknown> = {};
  try {
    const parsed: unknown = yaml.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) options = parsed as Record<string, unknown>;
  } catch {
    // Options Quarto would reject are left for Quarto to report; the code is still shown.
  }
  while (count < lines.length && lines[count]!.trim() === '') count++;
  return { options, code: lines.slice(count).join('\n') };
}

function isFalse(value: unknown): boolean {
  return value === false || value === 'false' || value === 'FALSE';
}

function removeAll(tree: Root, dropped: Set<Code>): void {
  if (dropped.size === 0) return;
  visit(tree, 'code', (node, index, parent) => {
    if (!dropped.has(node) || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** Inline `` `r x` `` / `` `{python} x` ``: shown as code in its language, with one hint. */
function inlineChunks(tree: Root, file: VFile): void {
  let first: InlineCode | undefined;
  visit(tree, 'inlineCode', (node) => {
    const match = inlineCall.exec(node.value);
    if (!match) return;
    node.value = match[3]!.trim();
    node.data = { ...node.data, hProperties: { className: [`language-${match[1] ?? match[2]}`] } };
    first ??= node;
  });
  const meta = file.data.meta;
  const inMeta = [meta?.title, meta?.subtitle, meta?.date, ...(meta?.author ?? [])].some((value) => value !== undefined && hasInlineChunk(value));
  if (first || inMeta) {
    report(file, 'Inline code for knitr (`` `r …` ``) is shown as code; its value needs Quarto or knitr to compute', rules.executableCode, first ?? { position: meta?.positions.title }, 'info');
  }
}
