/**
 * Footnotes on the slide that cites them, not on a slide of their own at the
 * end: each slide gets the definitions its references use, numbered through
 * the deck.
 */
import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { SlideFootnotes } from '../types.js';

/** Remark plugin: move footnote definitions to the slides that reference them. */
export function footnotes() {
  return (tree: Root): undefined => {
    const definitions = new Map<string, FootnoteDefinition>();
    visit(tree, 'footnoteDefinition', (node, index, parent) => {
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
      if (parent && index !== undefined) {
        parent.children.splice(index, 1);
        return index;
      }
      return undefined;
    });
    if (definitions.size === 0) return;
    const numbers = new Map<string, number>();
    for (const slide of slidesOf(tree)) {
      const cited: FootnoteDefinition[] = [];
      visit(slide, 'footnoteReference', (reference) => {
        const definition = definitions.get(reference.identifier);
        if (!definition) return;
        if (!numbers.has(reference.identifier)) {
          numbers.set(reference.identifier, numbers.size + 1);
          cited.push(definition);
        }
        reference.data = { ...reference.data, footnoteNumber: numbers.get(reference.identifier) };
      });
      if (cited.length > 0) {
        const block: SlideFootnotes = { type: 'slideFootnotes', start: numbers.get(cited[0]!.identifier)!, children: cited };
        slide.children.push(block);
      }
    }
  };
}

function slidesOf(tree: Root): Array<Extract<Nodes, { type: 'slide' }>> {
  const result: Array<Extract<Nodes, { type: 'slide' }>> = [];
  for (const child of tree.children) {
    if (child.type === 'slide') result.push(child);
    else if (child.type === 'stack') result.push(...child.children);
  }
  return result;
}
