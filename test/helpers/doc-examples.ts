/**
 * The examples in `docs/*.md`: each fenced block in `markdown`/`md` (a
 * lecture), `json` or `yaml` (a course config, or front matter when it opens
 * with `---`), with what an HTML comment right before it claims:
 *
 * - `<!-- example: warns rule-a rule-b -->`: the warnings and errors it gives, by rule id;
 * - `<!-- example: files img/a.png media/b.mp4 -->`: files the course holds (placeholders);
 * - `<!-- example: quizzes 2 -->`: how many quizzes the deck holds (a form the docs show as a quiz must become one);
 * - `<!-- example: slides 4 -->`: how many slides the deck has (for examples about where slides start);
 * - `<!-- example: as name.qmd -->`: the lecture's file name (`example.md` by default);
 * - `<!-- example: parses -->`: only checked to be valid JSON or YAML (a GitHub workflow, not a course config);
 * - `<!-- example: skip (why) -->`: not built at all.
 *
 * Several claims go in one comment, separated by `;`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Html, Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

/** One fenced block of the docs with its claims. */
export interface DocExample {
  /** `docs/syntax.md:13`: where its opening fence is. */
  name: string;
  /** The docs file, relative to the repository. */
  file: string;
  /** Line of the opening fence (1-based). */
  line: number;
  kind: 'lecture' | 'config';
  lang: string;
  value: string;
  /** Rule ids of the warnings and errors the example says it gives. */
  warns: string[];
  files: string[];
  /** How many quizzes the deck holds, when the example says. */
  quizzes?: number | undefined;
  /** How many slides the deck has, when the example says. */
  slides?: number | undefined;
  /** File name of the lecture. @default "example.md" */
  as: string;
  /** Checked only to be valid JSON or YAML. */
  parses?: boolean | undefined;
  /** Why it is not built, when it is not. */
  skip?: string | undefined;
}

/** A claim comment that stands before no example: stale, or misspelt. */
export interface StrayClaim {
  name: string;
  text: string;
}

const lectureLangs = new Set(['markdown', 'md']);
const configLangs = new Set(['json', 'yaml', 'yml']);
const claimPattern = /^<!--\s*example:([\s\S]*?)-->$/;

/** Every example of every `*.md` file in `docsFolder`, in file and line order. */
export function docExamples(docsFolder: string, root: string, also: string[] = []): { examples: DocExample[]; stray: StrayClaim[] } {
  const examples: DocExample[] = [];
  const stray: StrayClaim[] = [];
  const files = readdirSync(docsFolder).filter((entry) => entry.endsWith('.md')).sort().map((name) => path.join(docsFolder, name));
  for (const full of [...also, ...files]) {
    const file = path.relative(root, full).split(path.sep).join('/');
    const tree = fromMarkdown(readFileSync(full, 'utf8'));
    collect(tree, file, examples, stray);
  }
  return { examples, stray };
}

function collect(parent: Parents, file: string, examples: DocExample[], stray: StrayClaim[]): void {
  parent.children.forEach((node: Nodes, index) => {
    const claim = claimOf(node);
    if (claim !== undefined) {
      const next = parent.children[index + 1];
      if (next?.type !== 'code' || kindOf(next) === undefined) stray.push({ name: `${file}:${line(node)}`, text: claim });
      return;
    }
    if (node.type === 'code') {
      const kind = kindOf(node);
      const previous = claimOf(parent.children[index - 1]);
      if (kind) examples.push(example(node, kind, file, previous ?? ''));
      return;
    }
    if ('children' in node) collect(node, file, examples, stray);
  });
}

function kindOf(node: Code): DocExample['kind'] | undefined {
  const lang = node.lang?.toLowerCase() ?? '';
  if (lectureLangs.has(lang)) return 'lecture';
  if (configLangs.has(lang)) return /^---\s*$/m.test(node.value.split('\n')[0] ?? '') ? 'lecture' : 'config';
  return undefined;
}

function claimOf(node: Nodes | undefined): string | undefined {
  if (node?.type !== 'html') return undefined;
  return claimPattern.exec((node as Html).value.trim())?.[1]?.trim();
}

function example(node: Code, kind: DocExample['kind'], file: string, claim: string): DocExample {
  const result: DocExample = { name: `${file}:${line(node)}`, file, line: line(node), kind, lang: node.lang ?? '', value: node.value, warns: [], files: [], as: 'example.md' };
  for (const part of claim.split(';').map((text) => text.trim()).filter(Boolean)) {
    const [verb = '', ...rest] = part.split(/\s+/);
    if (verb === 'warns') result.warns.push(...rest);
    else if (verb === 'files') result.files.push(...rest);
    else if (verb === 'as' && rest[0]) result.as = rest[0];
    else if (verb === 'quizzes' && /^\d+$/.test(rest[0] ?? '')) result.quizzes = Number(rest[0]);
    else if (verb === 'slides' && /^\d+$/.test(rest[0] ?? '')) result.slides = Number(rest[0]);
    else if (verb === 'parses') result.parses = true;
    else if (verb === 'skip') result.skip = rest.join(' ').replace(/^\((.*)\)$/, '$1') || 'no reason given';
    else throw new Error(`${result.name}: unknown claim \`${part}\` (warns, files, quizzes, slides, as, parses, skip)`);
  }
  return result;
}

function line(node: Nodes): number {
  return node.position?.start.line ?? 0;
}
