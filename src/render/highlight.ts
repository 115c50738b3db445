/**
 * Highlight code blocks at build time with lowlight (highlight.js grammars),
 * so the page needs no highlighting script. Only the grammars a deck uses are
 * loaded; a language no grammar knows stays plain text and is reported as a
 * hint.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

type LowlightModule = typeof import('lowlight');
type Lowlight = ReturnType<LowlightModule['createLowlight']>;

/** The aliases lectures use most, resolved without registering every grammar. */
const commonAliases: Record<string, string> = {
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'shell', js: 'javascript', jsx: 'javascript', mjs: 'javascript',
  ts: 'typescript', tsx: 'typescript', py: 'python', python3: 'python', yml: 'yaml', docker: 'dockerfile',
  html: 'xml', svg: 'xml', text: 'plaintext', txt: 'plaintext', plain: 'plaintext', 'c++': 'cpp', cs: 'csharp',
  md: 'markdown', ojs: 'javascript', rb: 'ruby', rs: 'rust', kt: 'kotlin', golang: 'go', ps1: 'powershell', tex: 'latex', jsonc: 'json',
};

type Grammar = LowlightModule['all'][string];

interface Highlighter {
  lowlight: Lowlight;
  grammars: LowlightModule['all'];
  /** A plain highlight.js instance, to read which languages a grammar embeds. */
  inspector: { registerLanguage(name: string, grammar: Grammar): void; getLanguage(name: string): unknown };
  /** Whether every grammar is registered (done once, for a name found no other way). */
  complete: boolean;
}

let loading: Promise<Highlighter> | undefined;

function highlighter(): Promise<Highlighter> {
  loading ??= Promise.all([import('lowlight'), import('highlight.js/lib/core')]).then(([{ createLowlight, all }, core]) => ({
    lowlight: createLowlight(),
    grammars: all,
    inspector: core.default.newInstance(),
    complete: false,
  }));
  return loading;
}

/** Register `name` and the languages it embeds (Dockerfile's `RUN` lines are Bash). */
function register(state: Highlighter, name: string, grammar: Grammar): void {
  if (state.lowlight.registered(name)) return;
  state.lowlight.register({ [name]: grammar });
  state.inspector.registerLanguage(name, grammar);
  for (const embedded of subLanguages(state.inspector.getLanguage(name))) {
    const inner = Object.hasOwn(state.grammars, embedded) ? state.grammars[embedded] : undefined;
    if (inner) register(state, embedded, inner);
  }
}

function subLanguages(definition: unknown, found = new Set<string>(), seen = new Set<unknown>()): Set<string> {
  if (!definition || typeof definition !== 'object' || seen.has(definition)) return found;
  seen.add(definition);
  const { subLanguage, contains, starts, variants } = definition as Record<string, unknown>;
  for (const name of [subLanguage].flat()) if (typeof name === 'string') found.add(name);
  for (const child of [contains, variants].flat()) subLanguages(child, found, seen);
  subLanguages(starts, found, seen);
  return found;
}

/** The lowlight instance that can highlight `language`, registering its grammar on first use. */
async function supports(language: string): Promise<Lowlight | undefined> {
  const state = await highlighter();
  const { lowlight, grammars } = state;
  if (lowlight.registered(language)) return lowlight;
  const name = commonAliases[language] ?? language;
  const grammar = Object.hasOwn(grammars, name) ? grammars[name] : undefined;
  if (grammar) {
    register(state, name, grammar);
    if (name !== language) lowlight.registerAlias({ [name]: [language] });
  } else if (!state.complete) {
    lowlight.register(grammars);
    state.complete = true;
  }
  return lowlight.registered(language) ? lowlight : undefined;
}

/** Rehype plugin: colour `pre > code.language-*` blocks. */
export function highlight() {
  return async (tree: Root, file: VFile): Promise<undefined> => {
    const blocks: Array<{ code: Element; language: string }> = [];
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || parent?.type !== 'element' || parent.tagName !== 'pre') return;
      const language = languageOf(node);
      // Diagrams left as code (not drawn) are shown plain, without a hint.
      if (language && language !== 'math' && language !== 'mermaid') blocks.push({ code: node, language });
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
