/**
 * A public build without speaker notes (`publish.notes: false`): every
 * `aside.notes` (Pandoc's `::: notes`, reveal-md's `Note:`, raw HTML) and
 * every `data-notes` attribute leaves the page, so nothing the instructor
 * wrote for themselves is published — not in the page source, not in the
 * speaker view, not in the PDFs printed from it. Runs right after raw HTML
 * is parsed, so images only the notes use are not published either.
 */
import type { Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { classList } from './properties.js';

/** Rehype plugin: remove speaker notes. */
export function dropNotes() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (node, index, parent) => {
      delete node.properties.dataNotes;
      if (parent && index !== undefined && node.tagName === 'aside' && classList(node.properties.className).includes('notes')) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
