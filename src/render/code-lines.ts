/**
 * Line numbers, highlighted lines and highlight steps on highlighted code
 * (after `highlight.ts`), with no script in the page: each line becomes a
 * `span.code-line` carrying its number, the lines of the first step are
 * `.highlight-line`, and each further step (`1-2|4`: two steps) is a copy
 * of the code laid over the first as a `.fragment`, so reveal.js (and the
 * PDF, one page per step with `--fragments`) steps through them as it steps
 * through fragments.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { classList } from './properties.js';

/** Rehype plugin: lay out code with line numbers and highlight steps. */
export function codeLines() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre' || node.properties.dataCodeLineNumbers === undefined) return;
      const spec = String(node.properties.dataCodeLineNumbers);
      const start = Number.parseInt(String(node.properties.dataStartFrom ?? '1'), 10) || 1;
      delete node.properties.dataCodeLineNumbers;
      delete node.properties.dataStartFrom;
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      if (!code || spec === 'false') return;
      layOut(node, code, spec, start);
    });
  };
}

function layOut(pre: Element, code: Element, spec: string, start: number): void {
  const lines = splitLines(code.children);
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  const steps = spec === 'true' ? [new Set<number>()] : spec.split('|').map(parseLines);
  const copies = steps.map((highlighted, step) => {
    const copy: Element = { ...code, properties: { ...code.properties }, children: lineElements(lines, start, highlighted) };
    const classes = classList(code.properties.className);
    if (highlighted.size > 0) classes.push('has-highlights');
    if (step > 0) {
      classes.push('fragment');
      copy.properties.ariaHidden = 'true';
    }
    copy.properties.className = classes;
    return copy;
  });
  pre.properties.className = [...classList(pre.properties.className), 'code-lines', 'line-numbers', ...(steps.length > 1 ? ['code-steps'] : [])];
  pre.children = copies;
}

/** The line numbers a step names: `1-2,4` → {1, 2, 4}. */
function parseLines(step: string): Set<number> {
  const lines = new Set<number>();
  for (const part of step.split(',').map((entry) => entry.trim()).filter(Boolean)) {
    const [from, to] = part.split('-').map((value) => Number.parseInt(value, 10));
    if (from === undefined || Number.isNaN(from)) continue;
    const last = to === undefined || Number.isNaN(to) ? from : Math.min(to, from + 10_000);
    for (let line = from; line <= last; line++) lines.add(line);
  }
  return lines;
}

function lineElements(lines: ElementContent[][], start: number, highlighted: Set<number>): ElementContent[] {
  const result: ElementContent[] = [];
  lines.forEach((children, index) => {
    const number = start + index;
    const className = highlighted.has(number) ? ['code-line', 'highlight-line'] : ['code-line'];
    result.push({ type: 'element', tagName: 'span', properties: { className, dataLineNumber: String(number) }, children: structuredClone(children) });
    if (index < lines.length - 1) result.push({ type: 'text', value: '\n' });
  });
  return result;
}

/** Highlighted code cut into lines; a span crossing a line break is cut in two, each part keeping its class. */
function splitLines(nodes: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'text') {
      const parts = node.value.split('\n');
      parts.forEach((part, index) => {
        if (index > 0) lines.push([]);
        if (part !== '') lines.at(-1)!.push({ type: 'text', value: part });
      });
    } else if (node.type === 'element') {
      const inner = splitLines(node.children);
      inner.forEach((children, index) => {
        if (index > 0) lines.push([]);
        if (children.length > 0) lines.at(-1)!.push({ ...node, children });
      });
    }
  }
  return lines;
}
