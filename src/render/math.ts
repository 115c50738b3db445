/**
 * Render `$…$` and `$$…$$` with KaTeX at build time. KaTeX (and the HTML
 * parser that reads its output) loads only when a deck has math. A formula
 * KaTeX cannot read is reported at its line and shown as KaTeX's error
 * rendering, so the rest of the slide still shows. A formula nested deeper
 * than `maxMathNesting` groups (KaTeX recurses on each, and its HTML nests
 * six levels a group) is reported and shown as its TeX source. KaTeX's own
 * warnings (`strict`) are not printed: they would reach the terminal even
 * with `--quiet`, thousands for a binary file read as a lecture.
 */
import type { Element, ElementContent, Root } from 'hast';
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

/** Rehype plugin: typeset math with KaTeX; sets `file.data.hasMath`. */
export function math() {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const formulas = collect(tree);
    file.data.hasMath = formulas.length > 0;
    if (formulas.length === 0) return;
    const [{ default: katex }, { fromHtml }] = await Promise.all([import('katex'), import('hast-util-from-html')]);
    const tooDeep: Element[] = [];
    for (const { node, replace, parent, display } of formulas) {
      const value = toText(node, { whitespace: 'pre' });
      let rendered: ElementContent[];
      if (mathNesting(value) > maxMathNesting) {
        tooDeep.push(node);
        rendered = [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value }] }];
      } else {
        try {
          rendered = fromHtml(typeset(katex, value, display, file, node), { fragment: true }).children as ElementContent[];
        } catch {
          // KaTeX overflowed the stack on a formula deep in another way than groups.
          tooDeep.push(node);
          rendered = [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value }] }];
        }
      }
      const wrapper: Element = {
        type: 'element',
        tagName: display ? 'div' : 'span',
        properties: { className: [display ? 'math-display' : 'math-inline'] },
        children: rendered,
        position: node.position,
      };
      const index = parent.children.indexOf(replace);
      if (index !== -1) parent.children[index] = wrapper;
    }
    reportTooDeep(file, tooDeep, 'groups of a formula', { limit: maxMathNesting, outcome: 'the formula is shown as its TeX source' });
  };
}

type Katex = typeof import('katex').default;

/** KaTeX's HTML for `value`; a formula it cannot read is reported and shown as KaTeX's error rendering. */
function typeset(katex: Katex, value: string, display: boolean, file: VFile, node: Element): string {
  try {
    return katex.renderToString(value, { displayMode: display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    report(file, `Cannot typeset \`${value.trim()}\`: ${reason}`, rules.mathError, node);
    return katex.renderToString(value, { displayMode: display, throwOnError: false, strict: 'ignore' });
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
