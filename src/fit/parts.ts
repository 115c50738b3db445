/**
 * Split one block of a slide into parts, for continuation slides: a list
 * between its items, a long item between its blocks, a fenced div (callout,
 * plain or incremental div) around the list or blocks it holds. Each part is
 * a copy of the element with the same classes and attributes; ids stay on
 * the first part only, so no id is written twice. A callout's title comes
 * again on every part; an ordered list counts on (`start`), and the rest of
 * an item split in two keeps its number without showing it again.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { classList, mergeProperties } from '../render/properties.js';

/** Marks the rest of a list item that began on the slide before: no marker of its own. */
export const continuedClass = 'fit-continued';

/** What is never split, whatever the measurement says: a quiz would break or show its answer, a layout would fall apart. */
const quizLike = /quiz|question|answer|solution|choice|hint|feedback/i;
const whole = new Set(['columns', 'column', 'notes', 'r-stack', 'r-hstack', 'r-vstack', 'r-stretch', 'panel-tabset', 'footer', 'aside', 'absolute', 'slide-logo', 'mermaid']);

/**
 * `element` as parts, split before each of `cuts` (element child indexes
 * from `element` down; empty paths are ignored). One part, `element` itself,
 * when there is nothing to split or it may not be split.
 */
export function partsOf(element: Element, cuts: number[][]): Element[] {
  const inner = cuts.filter((cut) => cut.length > 0);
  if (inner.length === 0 || !mayBeSplit(element)) return [element];
  const pieces: Array<{ children: ElementContent[]; item?: number | undefined; continued: boolean }> = [{ children: [], continued: false }];
  let index = -1;
  let items = 0;
  for (const child of element.children) {
    const last = pieces[pieces.length - 1]!;
    if (child.type !== 'element') {
      last.children.push(child);
      continue;
    }
    index++;
    const here = inner.filter((cut) => cut[0] === index).map((cut) => cut.slice(1));
    if (here.some((rest) => rest.length === 0) && last.children.some((node) => node.type === 'element')) pieces.push({ children: [], continued: false });
    const item = child.tagName === 'li' ? items++ : undefined;
    partsOf(child, here).forEach((part, n) => {
      if (n > 0) pieces.push({ children: [], continued: true });
      const piece = pieces[pieces.length - 1]!;
      piece.item ??= item;
      piece.children.push(part);
    });
  }
  if (pieces.length === 1) return [element];
  return pieces.map((piece, n) => copyOf(element, piece.children, n, piece.item, items));
}

/** Whether the measurement may have cut inside `element` (as `measure.ts` decides): a list, an item or a div, never anything quiz-like. */
function mayBeSplit(element: Element): boolean {
  if (!['ul', 'ol', 'li', 'div'].includes(element.tagName)) return false;
  if (classList(element.properties.className).some((name) => whole.has(name))) return false;
  // Nor anything holding a quiz, a form or a disclosure, however deep.
  const stack: Element[] = [element];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (['form', 'details', 'iframe'].includes(next.tagName) || next.properties.dataQuiz !== undefined) return false;
    if (classList(next.properties.className).some((name) => quizLike.test(name))) return false;
    for (const child of next.children) if (child.type === 'element') stack.push(child);
  }
  return true;
}

/**
 * Part `n` of `element`, holding `children`; `item` is the index of its first
 * list item among the element's items (of `count`).
 */
function copyOf(element: Element, children: ElementContent[], n: number, item: number | undefined, count: number): Element {
  if (n === 0) return { ...element, children };
  let properties: Properties = { ...element.properties, id: undefined };
  if (element.tagName === 'ol' && item !== undefined) properties.start = numberOf(element, item, count);
  if (element.tagName === 'li') properties = mergeProperties(properties, { className: [continuedClass], style: 'list-style-type:none' });
  // A callout's title comes again on each part.
  const repeated = element.children.filter((child): child is Element => child.type === 'element' && classList(child.properties.className).includes('callout-title'));
  return { ...element, properties, children: [...repeated.map(withoutIds), ...children] };
}

/** The number item `item` (0-based, of `count`) of an ordered list shows. */
function numberOf(list: Element, item: number, count: number): number {
  const reversed = list.properties.reversed !== undefined && list.properties.reversed !== false;
  const start = Number(list.properties.start ?? (reversed ? count : 1));
  const base = Number.isFinite(start) ? start : 1;
  return reversed ? base - item : base + item;
}

/** A copy of `element` with no id anywhere in it. */
function withoutIds(element: Element): Element {
  const copy = structuredClone(element);
  const stack: Element[] = [copy];
  for (let next = stack.pop(); next; next = stack.pop()) {
    next.properties.id = undefined;
    for (const child of next.children) if (child.type === 'element') stack.push(child);
  }
  return copy;
}
