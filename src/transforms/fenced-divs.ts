/**
 * Pair fence lines into nested fenced divs.
 *
 * A closing fence closes the innermost open div of the same container (a
 * closing fence of any length, as in Pandoc). A closing fence with nothing
 * open is reported and dropped, so it never shows on a slide; a div still
 * open when its container ends is reported and closed there.
 *
 * Divs nest at most as deep as `maxNesting` allows, counting the lists and
 * block quotes around them: a deeper div's fences are left out (its content
 * stays, in the div around it) and reported once. The walk keeps its own
 * stack, so thousands of nested divs cannot overflow ours.
 */
import type { Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { FencedDiv, FencedDivFence } from '../types.js';
import { maxNesting, nestingStep, reportTooDeep } from './nesting.js';

/** Remark plugin: turn `fencedDivFence` nodes into `fencedDiv` parents. */
export function fencedDivs() {
  return (tree: Root, file: VFile): undefined => {
    pairFences(tree, file);
  };
}

/** Pair the fences among the children of `root` and of every node below it, in document order. */
export function pairFences(root: Parent, file: VFile): void {
  const tooDeep: FencedDivFence[] = [];
  const stack: Array<[Parent, number]> = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [parent, level] = entry;
    if (parent.children.some((child) => child.type === 'fencedDivFence')) {
      parent.children = nest(parent.children as RootContent[], file, parent.type, { room: maxNesting - level, tooDeep });
    }
    for (let index = parent.children.length - 1; index >= 0; index--) {
      const child = parent.children[index]!;
      if ('children' in child) stack.push([child, level + nestingStep(child)]);
    }
  }
  reportTooDeep(file, tooDeep, 'fenced divs', { outcome: 'the deeper fences are left out and their content stays in the div around them' });
}

/** How many divs may still open inside a container, and where the ones past that were. */
interface Room {
  room: number;
  tooDeep: FencedDivFence[];
}

function nest(children: RootContent[], file: VFile, container: string, limit: Room): RootContent[] {
  const result: RootContent[] = [];
  const open: FencedDiv[] = [];
  const current = () => open.at(-1)?.children ?? result;
  // Fences past the nesting limit are left out: their content stays in the div around them.
  let skipped = 0;
  for (const child of children) {
    if (child.type !== 'fencedDivFence') {
      current().push(child);
    } else if (child.kind === 'open' && open.length >= limit.room) {
      skipped++;
      limit.tooDeep.push(child);
    } else if (skipped > 0) {
      skipped--;
    } else if (child.kind === 'open') {
      const div = createDiv(child);
      current().push(div);
      open.push(div);
    } else {
      close(child, open, current(), file);
    }
  }
  const unclosedHtml: FencedDiv[] = [];
  for (let index = open.length - 1; index >= 0; index--) {
    if (open[index]!.tag) unclosedHtml.unshift(open[index]!);
    else closeUnclosed(open[index]!, (open[index - 1]?.children ?? result) as RootContent[], file, container);
  }
  unwrap(unclosedHtml, result);
  return result;
}

/**
 * A closing fence closes the innermost open div written the same way (`:::`
 * or the same HTML tag), and with it any div opened inside that was never
 * closed. One that closes nothing is reported (`:::`) or kept as the raw HTML
 * it is (`</div>` closing a `<div>` written inside an HTML block).
 */
function close(fence: FencedDivFence, open: FencedDiv[], siblings: Array<RootContent | FencedDiv['children'][number]>, file: VFile): void {
  const at = open.findLastIndex((div) => div.tag === fence.tag);
  if (at === -1) {
    if (fence.tag) siblings.push({ type: 'html', value: fence.value ?? '', position: fence.position });
    else report(file, 'Closing fence `:::` has no open div; it is left out of the slide', rules.strayFence, fence);
    return;
  }
  for (const inner of open.splice(at + 1).reverse()) {
    extendTo(inner, fence);
    if (!inner.tag) report(file, `Fenced div ${describe(inner)} is never closed; it is closed by the \`${fence.value}\` around it`, rules.unclosedFence, { position: inner.position && { ...inner.position } });
    else keepHtml(inner, file);
  }
  const div = open.pop()!;
  extendTo(div, fence);
  if (div.tag) keepHtml(div, file);
}

/**
 * HTML divs left open, outermost first: each start tag stays raw HTML and
 * its content follows it, as a browser reads it. Each is the last node of
 * the div it was opened in (or of the top), so the walk goes down once.
 */
function unwrap(divs: FencedDiv[], result: RootContent[]): void {
  let container: Array<RootContent | FencedDiv['children'][number]> = result;
  for (const div of divs) {
    for (let last = container.at(-1); last !== div && last?.type === 'fencedDiv'; last = container.at(-1)) container = last.children;
    if (container.at(-1) !== div) continue;
    container.pop();
    container.push({ type: 'html', value: div.value ?? '', position: div.position }, ...div.children);
  }
}

/**
 * HTML indented inside an HTML div (`<div>` then `    <p>…</p>`) is HTML,
 * not an indented code block: web pages indent their markup.
 */
function keepHtml(div: FencedDiv, file: VFile): void {
  const source = String(file.value);
  div.children = div.children.map((child) => {
    const offset = child.position?.start.offset;
    if (child.type !== 'code' || offset === undefined || !/^(?: {4}|\t)/.test(source.slice(offset)) || !child.value.trimStart().startsWith('<')) return child;
    return { type: 'html', value: child.value, position: child.position };
  });
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
    tag: fence.tag,
    value: fence.value,
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
