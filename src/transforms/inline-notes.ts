/**
 * Pandoc's inline footnotes (`^[…]`) become ordinary footnotes: a reference
 * where the note is written and a definition holding its text, so they are
 * numbered and shown with the other footnotes of their slide.
 */
import type { FootnoteDefinition, FootnoteReference, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** Remark plugin: turn `inlineNote` nodes into footnote references and definitions. */
export function inlineNotes() {
  return (tree: Root): undefined => {
    const taken = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      taken.add(node.identifier);
    });
    const definitions: FootnoteDefinition[] = [];
    visit(tree, 'inlineNote', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      let identifier = `inline-note-${definitions.length + 1}`;
      while (taken.has(identifier)) identifier += '-';
      taken.add(identifier);
      const reference: FootnoteReference = { type: 'footnoteReference', identifier, label: identifier, position: node.position };
      definitions.push({
        type: 'footnoteDefinition',
        identifier,
        label: identifier,
        children: [{ type: 'paragraph', children: node.children, position: node.position }],
        position: node.position,
      });
      parent.children[index] = reference;
      return SKIP;
    });
    tree.children.push(...definitions);
    // A note inside a note has nowhere to go: its text stays where it is written.
    visit(tree, 'inlineNote', (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      parent.children.splice(index, 1, ...node.children);
      return index;
    });
  };
}
