/**
 * Quarto's `{{< include file >}}`: the file's blocks take the shortcode's
 * place, read with the same parser (its own includes expanded in turn). A
 * file is read only when it resolves, links followed, inside the course
 * folder; a missing file, one outside the course, or an include cycle is
 * reported at the shortcode and the rest of the lecture builds. Included
 * blocks carry the shortcode's line, so a message about them points there.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { Position } from 'unist';
import { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { Shortcode } from '../types.js';

/** Options of the include transform. */
export interface IncludeOptions {
  /** The course folder: no file outside it is read. @default the folder the lecture is in */
  courseRoot?: string | undefined;
}

/** Includes nested deeper than this are reported, not read. */
const maxDepth = 16;

interface State {
  processor: Processor;
  file: VFile;
  root: string;
  /** Real paths of the files being included, outermost first. */
  trail: string[];
}

/** Remark plugin: expand `{{< include >}}` shortcodes. */
export function include(this: Processor, options: IncludeOptions = {}) {
  const processor = this;
  return async (tree: Root, file: VFile): Promise<undefined> => {
    if (!hasInclude(tree)) return;
    const folder = path.resolve(file.cwd, file.dirname ?? '.');
    const root = await realpath(options.courseRoot ?? folder).catch(() => path.resolve(options.courseRoot ?? folder));
    const own = file.path ? await realpath(path.resolve(file.cwd, file.path)).catch(() => path.resolve(file.cwd, file.path)) : '';
    await expand(tree, folder, { processor, file, root, trail: own ? [own] : [] }, undefined);
  };
}

function hasInclude(tree: Parent): boolean {
  return tree.children.some((child) => (child.type === 'shortcode' && child.name === 'include') || ('children' in child && hasInclude(child)));
}

/** Replace each paragraph holding only an include by the included blocks, in `parent` and below. */
async function expand(parent: Parent, folder: string, state: State, at: Position | undefined): Promise<void> {
  for (let index = 0; index < parent.children.length; index++) {
    const child = parent.children[index] as RootContent;
    const shortcode = child.type === 'paragraph' ? onlyInclude(child) : undefined;
    if (shortcode) {
      const blocks = await read(shortcode, folder, state, at ?? shortcode.position);
      parent.children.splice(index, 1, ...(blocks as Parent['children']));
      index += blocks.length - 1;
    } else if ('children' in child) {
      await expand(child, folder, state, at);
    }
  }
}

function onlyInclude(paragraph: Parent): Shortcode | undefined {
  const parts = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = parts;
  return parts.length === 1 && only?.type === 'shortcode' && only.name === 'include' ? only : undefined;
}

/** The blocks of the file `shortcode` names, or none (reported) when it cannot be read. */
async function read(shortcode: Shortcode, folder: string, state: State, at: Position | undefined): Promise<RootContent[]> {
  const place = { position: at };
  const name = shortcode.args.positional[0] ?? shortcode.args.named.file;
  if (!name) {
    report(state.file, '`{{< include >}}` names no file; write `{{< include _part.qmd >}}`', rules.includeFailed, place);
    return [];
  }
  const target = path.resolve(folder, name);
  const real = await realpath(target).catch(() => undefined);
  if (!real) {
    report(state.file, `Cannot include \`${name}\`: no such file`, rules.includeFailed, place);
    return [];
  }
  if (real !== state.root && !real.startsWith(state.root + path.sep)) {
    report(state.file, `Cannot include \`${name}\`: it is outside the course folder, and lecture reads no file outside the course`, rules.includeFailed, place);
    return [];
  }
  if (state.trail.includes(real)) {
    report(state.file, `Cannot include \`${name}\`: it includes itself (${[...state.trail, real].map((entry) => `\`${path.basename(entry)}\``).join(' → ')})`, rules.includeFailed, place);
    return [];
  }
  if (state.trail.length > maxDepth) {
    report(state.file, `Cannot include \`${name}\`: includes are nested more than ${maxDepth} deep`, rules.includeFailed, place);
    return [];
  }
  // The deck depends on the included file: the build cache must see it change.
  (state.file.data.dependencies ??= []).push({ path: real });
  const text = await readFile(real, 'utf8').catch(() => undefined);
  if (text === undefined) {
    report(state.file, `Cannot include \`${name}\`: it cannot be read`, rules.includeFailed, place);
    return [];
  }
  const tree = state.processor.parse(new VFile({ path: real, value: text })) as Root;
  tree.children = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'titleBlockLine');
  await expand(tree, path.dirname(real), { ...state, trail: [...state.trail, real] }, at);
  relocate(tree, at);
  return tree.children;
}

/** Give every node of an included tree the include's line and column, without offsets into a text they are not from. */
function relocate(node: Nodes, at: Position | undefined): void {
  node.position = at && { start: { line: at.start.line, column: at.start.column }, end: { line: at.end.line, column: at.end.column } };
  if ('children' in node) for (const child of node.children) relocate(child, at);
}
