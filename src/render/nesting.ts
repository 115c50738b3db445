/**
 * A limit on the depth of the HTML tree, after raw HTML is parsed into it.
 * Markdown nesting is limited as it is parsed (`transforms/nesting.ts`), but
 * raw HTML can nest elements as deep as it likes, and every later stage
 * (highlighting, math, the HTML output) recurses per element. An element
 * deeper than `maxHastNesting` is replaced by its text, reported once.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { VFile } from 'vfile';
import { reportTooDeep } from '../transforms/nesting.js';

/** Elements that may nest in a deck page: room for 100 levels of lists (two each) and a formula's HTML. */
export const maxHastNesting = 500;

/** Rehype plugin: flatten elements nested deeper than `maxHastNesting`. */
export function hastNesting() {
  return (tree: Root, file: VFile): undefined => {
    const replaced: Element[] = [];
    const stack: Array<[Root | Element, number]> = [[tree, 0]];
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      const [parent, depth] = entry;
      parent.children.forEach((child: RootContent, index) => {
        if (child.type !== 'element') return;
        if (depth + 1 <= maxHastNesting) stack.push([child, depth + 1]);
        else {
          replaced.push(child);
          (parent.children as ElementContent[])[index] = { type: 'text', value: textOf(child), position: child.position } satisfies Text;
        }
      });
    }
    reportTooDeep(file, replaced, 'HTML elements', { limit: maxHastNesting });
  };
}

/** The text in `node`, without recursion. */
function textOf(node: Element): string {
  const parts: string[] = [];
  const stack: ElementContent[] = [node];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.type === 'text') parts.push(item.value);
    else if (item.type === 'element') for (let index = item.children.length - 1; index >= 0; index--) stack.push(item.children[index]!);
  }
  return parts.join('');
}
