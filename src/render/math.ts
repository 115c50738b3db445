/**
 * Render `$…$` and `$$…$$` with KaTeX at build time. KaTeX (and the HTML
 * parser that reads its output) loads only when a deck has math. A formula
 * KaTeX cannot read is reported at its line and shown as KaTeX's error
 * rendering, so the rest of the slide still shows.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

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
    for (const { node, replace, parent, display } of formulas) {
      const value = toText(node, { whitespace: 'pre' });
      let html: string;
      try {
        html = katex.renderToString(value, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        report(file, `Cannot typeset \`${value.trim()}\`: ${reason}`, rules.mathError, node);
        html = katex.renderToString(value, { displayMode: display, throwOnError: false });
      }
      const rendered = fromHtml(html, { fragment: true }).children as ElementContent[];
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
  };
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
