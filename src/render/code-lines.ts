/**
 * Line numbers and highlighted lines in code blocks, as reveal.js and
 * Quarto write them: ```` ```{.python data-line-numbers="2-3"} ````
 * (reveal.js) or `code-line-numbers="2-3"` (Quarto) highlights lines 2 and
 * 3 and dims the others; steps separated by `|` (`"1|2-3|5"`) highlight
 * one set after another, each step a fragment; Pandoc's `.numberLines`
 * (with `startFrom`), a bare `data-line-numbers` or `code-line-numbers=true`
 * numbers the lines. Done at build time on the highlighted code, so the page
 * needs no highlighting plugin: each line becomes a `span.code-line`.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classList } from './properties.js';

/** Rehype plugin: split marked code blocks into lines, numbered and highlighted. */
export function codeLines() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (pre) => {
      if (pre.tagName !== 'pre') return;
      const code = pre.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      const classes = classList(pre.properties.className);
      const spec = pre.properties.dataLineNumbers ?? pre.properties.dataCodeLineNumbers;
      const numbered = classes.includes('numberLines') || classes.includes('number-lines') || (spec !== undefined && !/^(false)$/i.test(String(spec)));
      if (!code || (spec === undefined && !numbered)) return;
      const steps = parseSteps(spec === undefined || spec === true ? '' : String(spec));
      const start = Number.parseInt(String(pre.properties.dataStartFrom ?? pre.properties.startFrom ?? '1'), 10) || 1;
      const lines = splitLines(code.children);
      if (lines.length > 0 && lines.at(-1)!.every((node) => node.type === 'text' && node.value === '')) lines.pop();
      const blocks = steps.map((highlighted, index) => lineBlock(code, lines, { highlighted, numbered, start, fragment: index > 0 }));
      pre.children = blocks;
      for (const key of ['dataLineNumbers', 'dataCodeLineNumbers', 'dataStartFrom', 'startFrom']) delete pre.properties[key];
      if (blocks.length > 1) pre.properties.className = [...classes, 'code-steps'];
    });
  };
}

/** The highlighted line sets, one per step: `"1|2-3,5"` → [{1}, {2, 3, 5}]; no highlight → one empty step. */
export function parseSteps(spec: string): Array<Set<number>> {
  const steps = spec.split('|').map((step) => {
    const lines = new Set<number>();
    for (const part of step.split(',')) {
      const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
      if (!match) continue;
      const [from, to] = [Number(match[1]), Number(match[2] ?? match[1])];
      for (let line = from; line <= to && line - from < 10_000; line++) lines.add(line);
    }
    return lines;
  });
  return steps.length > 0 ? steps : [new Set()];
}

/** One copy of the code, its lines wrapped; a later step is a fragment laid over the first. */
function lineBlock(code: Element, lines: ElementContent[][], options: { highlighted: Set<number>; numbered: boolean; start: number; fragment: boolean }): Element {
  const children: ElementContent[] = [];
  lines.forEach((line, index) => {
    const number = options.start + index;
    const className = ['code-line', ...(options.highlighted.has(number) ? ['highlight-line'] : [])];
    children.push({ type: 'element', tagName: 'span', properties: { className, dataLine: String(number) }, children: line });
    children.push({ type: 'text', value: '\n' });
  });
  const className = [
    ...classList(code.properties.className),
    ...(options.highlighted.size > 0 ? ['has-highlights'] : []),
    ...(options.numbered ? ['numbered'] : []),
    ...(options.fragment ? ['fragment'] : []),
  ];
  return { ...code, properties: { ...code.properties, className }, children };
}

/** The nodes of each line of `nodes`, spans that cross a line end split in two. */
export function splitLines(nodes: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'text') {
      node.value.split('\n').forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else if (node.type === 'element') {
      splitLines(node.children).forEach((inner, index) => {
        if (index > 0) lines.push([]);
        if (inner.length > 0) lines.at(-1)!.push({ ...node, children: inner });
      });
    } else lines.at(-1)!.push(node);
  }
  return lines;
}
