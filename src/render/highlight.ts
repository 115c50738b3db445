/**
 * Highlight code blocks at build time with lowlight (highlight.js grammars),
 * so the page needs no highlighting script. lowlight loads only when a deck
 * has code; the full grammar set loads only when a block uses a language
 * outside the common set. A language no grammar knows stays plain text and
 * is reported as a hint.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

type Lowlight = ReturnType<typeof import('lowlight').createLowlight>;

interface Highlighter {
  lowlight: Lowlight;
  complete: boolean;
}

let loading: Promise<Highlighter> | undefined;

/** The shared highlighter, loaded on first use. */
function highlighter(): Promise<Highlighter> {
  loading ??= import('lowlight').then(({ createLowlight, common }) => ({ lowlight: createLowlight(common), complete: false }));
  return loading;
}

async function supports(language: string): Promise<Lowlight | undefined> {
  const state = await highlighter();
  if (!state.lowlight.registered(language) && !state.complete) {
    const { all } = await import('lowlight');
    state.lowlight.register(all);
    state.complete = true;
  }
  return state.lowlight.registered(language) ? state.lowlight : undefined;
}

/** Rehype plugin: colour `pre > code.language-*` blocks. */
export function highlight() {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const blocks: Array<{ code: Element; language: string }> = [];
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = languageOf(node);
      if (language && language !== 'math') blocks.push({ code: node, language });
    });
    for (const { code, language } of blocks) {
      const lowlight = await supports(language);
      if (!lowlight) {
        report(file, `No highlighting for language \`${language}\`; the code is shown plain`, rules.unknownLanguage, code, 'info');
        continue;
      }
      const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      code.children = lowlight.highlight(language, text).children as Element['children'];
      const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
      code.properties.className = [...classes, 'hljs'];
    }
  };
}

function languageOf(code: Element): string | undefined {
  const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
  const name = classes.map(String).find((value) => value.startsWith('language-'));
  return name?.slice('language-'.length).toLowerCase();
}
