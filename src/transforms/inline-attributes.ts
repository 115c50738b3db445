/**
 * Attach `{…}` to what it follows: an image, link or inline code right
 * before it (no space between), or the heading it ends. Attributes that
 * attach to nothing are text again, exactly as written, so `{a=1}` in prose
 * or `{{ liquid }}` stay what the author typed.
 */
import type { Heading, ListItem, Parent, PhrasingContent, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Attributes, InlineAttributes } from '../types.js';

const attachable = new Set(['image', 'link', 'inlineCode', 'imageReference', 'linkReference']);

/** Remark plugin: attach inline attributes to their nodes. */
export function inlineAttributes() {
  return (tree: Root): undefined => {
    visit(tree, (node, _index, grandparent) => {
      if ('children' in node && node.children.some((child) => child.type === 'inlineAttributes')) {
        attach(node as Parent, grandparent);
      }
    });
  };
}

/**
 * Where attributes at the end of `parent` go when nothing right before them
 * takes them: the heading they end, or the list item whose first paragraph
 * they end (`- Option {.correct}`, used by quizzes).
 */
function trailingTarget(parent: Parent, grandparent: Parent | undefined): Heading | ListItem | undefined {
  if (parent.type === 'heading') return parent as Heading;
  if (parent.type === 'paragraph' && grandparent?.type === 'listItem' && grandparent.children[0] === parent) return grandparent as ListItem;
  return undefined;
}

function attach(parent: Parent, grandparent: Parent | undefined): void {
  const children = parent.children as PhrasingContent[];
  const result: PhrasingContent[] = [];
  children.forEach((node, index) => {
    if (node.type !== 'inlineAttributes') {
      result.push(node);
      return;
    }
    const previous = result.at(-1);
    const formula = displayMathBefore(result);
    if (previous && attachable.has(previous.type) && isAdjacent(previous, node) && !previous.data?.attributes) {
      setAttributes(previous, node.attributes);
    } else if (formula) {
      if (formula !== previous) result.pop();
      setAttributes(formula, node.attributes);
    } else if (index === children.length - 1 && trailingTarget(parent, grandparent)) {
      trimEnd(result);
      setAttributes(trailingTarget(parent, grandparent)!, node.attributes);
    } else {
      result.push(toText(node));
    }
  });
  parent.children = mergeTexts(result);
}

/**
 * Display math the attributes follow, spaces allowed between (`$$ E = mc^2 $$ {#eq-energy}`,
 * Quarto's and pandoc-crossref's equation labels).
 */
function displayMathBefore(result: PhrasingContent[]): PhrasingContent | undefined {
  const previous = result.at(-1);
  const formula = previous?.type === 'text' && previous.value.trim() === '' ? result.at(-2) : previous;
  if (formula?.type !== 'inlineMath' || formula.data?.attributes) return undefined;
  const className = formula.data?.hProperties?.className;
  return Array.isArray(className) && className.includes('math-display') ? formula : undefined;
}

/** Store attributes on a node's data. */
export function setAttributes(node: { data?: { attributes?: Attributes | undefined } | undefined }, attributes: Attributes): void {
  node.data = { ...node.data, attributes };
}

function isAdjacent(previous: PhrasingContent, node: InlineAttributes): boolean {
  const end = previous.position?.end.offset;
  return end !== undefined && end === node.position?.start.offset;
}

function trimEnd(result: PhrasingContent[]): void {
  const last = result.at(-1);
  if (last?.type !== 'text') return;
  last.value = last.value.trimEnd();
  if (last.value === '') result.pop();
}

function toText(node: InlineAttributes): Text {
  return { type: 'text', value: node.value, position: node.position };
}

function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const node of nodes) {
    const previous = result.at(-1);
    if (previous?.type === 'text' && node.type === 'text') {
      previous.value += node.value;
      if (previous.position && node.position) previous.position = { start: previous.position.start, end: node.position.end };
    } else {
      result.push(node);
    }
  }
  return result;
}
