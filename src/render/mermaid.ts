/**
 * Mermaid diagrams (```` ```mermaid ```` and Quarto's ```` ```{mermaid} ````)
 * become inline SVG at build time, drawn in the deck's theme colours: the
 * deck loads no diagram script and stays offline. A diagram that cannot be
 * drawn is reported at its line and shown as its code, and the slide still
 * builds.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { classList } from './properties.js';

/** Options of the diagram pass. */
export interface DiagramOptions {
  /** Draw diagrams (needs a browser); `false` leaves them as code. @default true */
  enabled?: boolean | undefined;
  /** The stylesheet of the theme a deck uses, by theme name. */
  themeFile?: ((theme: string) => string | undefined) | undefined;
  /** The theme of decks that name none. */
  defaultTheme: string;
  /** Browser executable. @default found like the PDF export's */
  browser?: string | undefined;
}

/** Rehype plugin: draw mermaid code blocks as SVG. */
export function diagrams(options: DiagramOptions) {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const blocks: Array<{ pre: Element; source: string }> = [];
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return;
      const code = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
      if (code && classList(code.properties.className).includes('language-mermaid')) blocks.push({ pre: node, source: toString(code) });
    });
    if (blocks.length === 0 || options.enabled === false) return;
    const theme = options.themeFile?.(file.data.meta?.theme ?? options.defaultTheme) ?? options.themeFile?.(options.defaultTheme);
    const { renderDiagrams } = await import('../export/mermaid.js');
    let results;
    try {
      results = await renderDiagrams({ sources: blocks.map((block) => block.source), theme, browser: options.browser });
    } catch (error) {
      report(file, `Cannot draw the mermaid diagrams: ${(error as Error).message.split('\n')[0]}; they are shown as code`, rules.diagramError, blocks[0]!.pre);
      return;
    }
    blocks.forEach(({ pre }, index) => {
      const result = results[index]!;
      if ('svg' in result) {
        const svg = fromHtml(result.svg, { fragment: true }).children.filter((child): child is Element => child.type === 'element');
        pre.tagName = 'div';
        pre.properties = { ...pre.properties, className: [...classList(pre.properties.className), 'mermaid-diagram'] };
        pre.children = svg as ElementContent[];
        return;
      }
      // Mermaid counts a parse error at the end of the text one line past the last; the diagram's own lines end at `last`.
      const start = pre.position?.start;
      const last = start ? start.line + blocks[index]!.source.replace(/\n$/, '').split('\n').length : undefined;
      const line = start && result.line !== undefined ? Math.min(start.line + result.line, last!) : start?.line;
      const point = line === undefined ? undefined : { line, column: 1 };
      report(file, `Mermaid diagram error: ${result.error}; the diagram is shown as code`, rules.diagramError, point ? { position: { start: point, end: point } } : pre);
    });
  };
}
