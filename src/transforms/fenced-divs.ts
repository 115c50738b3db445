/**
 * Pair fence lines into nested fenced divs.
 *
 * A closing fence closes the innermost open div of the same container (a
 * closing fence of any length, as in Pandoc). A closing fence with nothing
 * open is reported and dropped, so it never shows on a slide; a div still
 * open when its container ends is reported and closed there.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { FencedDiv, FencedDivFence } from '../types.js';

/** Remark plugin: turn `fencedDivFence` nodes into `fencedDiv` parents. */
export function fencedDivs() {
  return (tree: Root, file: VFile): undefined => {
    pairFences(tree, file);
  };
}

/** Pair the fences among the children of `parent` and of every node below it. */
export function pairFences(parent: Parent, file: VFile): void {
  if (parent.children.some((child) => child.type === 'fencedDivFence')) {
    parent.children = nest(parent.children as RootContent[], file, parent.type);
  }
  for (const child of parent.children) {
    if ('children' in child) pairFences(child, file);
  }
}

function nest(children: RootContent[], file: VFile, container: string): RootContent[] {
  const result: RootContent[] = [];
  const open: FencedDiv[] = [];
  for (const child of children) {
    if (child.type !== 'fencedDivFence') {
      (open.at(-1)?.children ?? result).push(child);
    } else if (child.kind === 'open') {
      const div = createDiv(child);
      (open.at(-1)?.children ?? result).push(div);
      open.push(div);
    } else {
      const div = open.pop();
      if (div) extendTo(div, child);
      else report(file, 'Closing fence `:::` has no open div; it is left out of the slide', rules.strayFence, child);
    }
  }
  for (let index = open.length - 1; index >= 0; index--) {
    closeUnclosed(open[index]!, open[index - 1]?.children ?? result, file, container);
  }
  return result;
}

/**
 * A div never closed ends before its first heading or horizontal rule, so an
 * unclosed `::: notes` cannot swallow the slides after it; without one it
 * ends with its container.
 */
function closeUnclosed(div: FencedDiv, parent: RootContent[], file: VFile, container: string): void {
  const cut = div.children.findIndex((child) => child.type === 'heading' || child.type === 'thematicBreak');
  const where = cut !== -1 ? 'before the next heading' : container === 'root' ? 'at the end of the file' : `at the end of its ${container}`;
  report(file, `Fenced div ${describe(div)} is never closed; it is closed ${where}`, rules.unclosedFence, { position: div.position && { ...div.position } });
  if (cut !== -1) {
    parent.push(...(div.children.splice(cut) as RootContent[]));
  }
  const last = div.children.at(-1);
  if (last) extendTo(div, last);
}

function createDiv(fence: FencedDivFence): FencedDiv {
  return {
    type: 'fencedDiv',
    attributes: fence.attributes ?? { classes: [], values: {} },
    children: [],
    position: fence.position && { start: fence.position.start, end: fence.position.end },
  };
}

function extendTo(div: FencedDiv, node: { position?: FencedDiv['position'] }): void {
  if (div.position && node.position) div.position.end = node.position.end;
}

function describe(div: FencedDiv): string {
  const { id, classes } = div.attributes;
  const label = [id ? `#${id}` : '', ...classes.map((name) => `.${name}`)].filter(Boolean).join(' ');
  return label ? `\`${label}\`` : '`:::`';
}
