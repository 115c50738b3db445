/**
 * Render `$…$` and `$$…$$` with KaTeX at build time. KaTeX (and the HTML
 * parser that reads its output) loads only when a deck has math. Macros a
 * formula defines (`\newcommand`, `\def`) hold for the rest of the deck, as
 * Pandoc's `latex_macros` make them. A formula KaTeX cannot read is reported
 * at its line and column, and the slide shows its source in a box instead,
 * so the rest of the slide still reads. A formula nested deeper than
 * `maxMathNesting` groups (KaTeX recurses on each, and its HTML nests six
 * levels a group) is reported as too deep and shown as its source too.
 * KaTeX's own warnings (`strict`) are not printed: they would reach the
 * terminal even with `--quiet`, thousands for a binary file read as a
 * lecture. What it still prints (a character it has no metrics for) is
 * caught and reported once a deck, at the first formula concerned.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { reportTooDeep } from '../transforms/nesting.js';

/** Groups (`{…}`, `\left…\right`, `\begin…\end`) a formula may nest. */
export const maxMathNesting = 50;

interface Formula {
  node: Element;
  replace: Element;
  parent: Element | Root;
  display: boolean;
}

type Katex = typeof import('katex').default;

/** Rehype plugin: typeset math with KaTeX; sets `file.data.hasMath`. */
export function math() {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const formulas = collect(tree);
    file.data.hasMath = formulas.length > 0;
    if (formulas.length === 0) return;
    const [{ default: katex }, { fromHtml }] = await Promise.all([import('katex'), import('hast-util-from-html')]);
    const macros: Record<string, string> = { ...file.data.texMacros };
    const tooDeep: Element[] = [];
    const printed: Array<{ formula: Formula; text: string }> = [];
    for (const formula of formulas) {
      const value = toText(formula.node, { whitespace: 'pre' }).trim();
      const deep = mathNesting(value) > maxMathNesting;
      const html = deep ? undefined : caught((text) => printed.push({ formula, text }), () => typeset(katex, value, formula, macros, file));
      if (deep || html === null) tooDeep.push(formula.node);
      const wrapper: Element = {
        type: 'element',
        tagName: 'span',
        properties: { ...carried(formula.node.properties), className: [formula.display ? 'math-display' : 'math-inline'] },
        children: typeof html === 'string' ? (fromHtml(html, { fragment: true }).children as ElementContent[]) : [errorBox(value)],
        position: formula.node.position,
      };
      const index = formula.parent.children.indexOf(formula.replace);
      if (index !== -1) formula.parent.children[index] = wrapper;
    }
    reportTooDeep(file, tooDeep, 'groups of a formula', { limit: maxMathNesting, outcome: 'the formula is shown as its TeX source' });
    const [first] = printed;
    if (first) {
      const more = printed.length > 1 ? ` (and ${printed.length - 1} more such warning${printed.length === 2 ? '' : 's'})` : '';
      report(file, `KaTeX: ${first.text.slice(0, 200)}${more}; the formula is typeset, its spacing may be off`, rules.mathError, first.formula.node, 'info');
    }
  };
}

/** Run `work`, handing what it prints with `console.warn` to `warned` instead of the terminal. */
function caught<T>(warned: (text: string) => void, work: () => T): T {
  const warn = console.warn;
  console.warn = (...parts: unknown[]) => warned(parts.map(String).join(' '));
  try {
    return work();
  } finally {
    console.warn = warn;
  }
}

/**
 * KaTeX's HTML for one formula; `undefined` (reported) when KaTeX cannot
 * read it, `null` when it overflowed the stack on a formula deep in another
 * way than groups.
 */
function typeset(katex: Katex, value: string, formula: Formula, macros: Record<string, string>, file: VFile): string | undefined | null {
  try {
    return katex.renderToString(value, { displayMode: formula.display, throwOnError: true, output: 'htmlAndMathml', macros, globalGroup: true, strict: 'ignore' });
  } catch (error) {
    if (error instanceof RangeError) return null;
    const reason = error instanceof katex.ParseError ? error.rawMessage : error instanceof Error ? error.message : String(error);
    report(file, `Cannot typeset \`${excerpt(value)}\`: ${reason}`, rules.mathError, formula.node);
    return undefined;
  }
}

/** How deep the groups of a TeX formula nest, read without recursion. */
export function mathNesting(tex: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of tex.matchAll(/\\(?:left|begin)(?![a-zA-Z])|\\(?:right|end)(?![a-zA-Z])|\\.|[{}]/g)) {
    const token = match[0];
    if (token === '{' || token === '\\left' || token === '\\begin') depth++;
    else if (token === '}' || token === '\\right' || token === '\\end') depth--;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** The formula's source, in a box that says it could not be typeset. */
function errorBox(value: string): Element {
  return {
    type: 'element',
    tagName: 'code',
    properties: { className: ['math-error'], dataStringTitle: 'math.error' },
    children: [{ type: 'text', value: value.trim() }],
  };
}

/** The formula's source on one line, shortened for a message. */
function excerpt(value: string): string {
  const line = value.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** Properties the formula keeps on its wrapper: its id and attributes, not the code element's classes. */
function carried(properties: Properties): Properties {
  const { className: _className, ...rest } = properties;
  return rest;
}

function collect(tree: Root): Formula[] {
  const formulas: Formula[] = [];
  visitParents(tree, 'element', (node, ancestors) => {
    const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
    if (node.tagName !== 'code' || !classes.includes('language-math')) return undefined;
    const parent = ancestors.at(-1) as Element | Root | undefined;
    const grandparent = ancestors.at(-2) as Element | Root | undefined;
    if (parent?.type === 'element' && parent.tagName === 'pre' && grandparent) {
      formulas.push({ node, replace: parent, parent: grandparent, display: true });
    } else if (parent) {
      formulas.push({ node, replace: node, parent, display: classes.includes('math-display') });
    }
    return SKIP;
  });
  return formulas;
}
