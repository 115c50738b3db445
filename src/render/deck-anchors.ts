/**
 * Rehype plugin: report the deck's own links to an `#id` or slide it does
 * not have, at their lines, while the build renders it, so a broken in-deck
 * anchor shows without `lecture check` (which also checks links between
 * decks and remote ones). The rule's logic is the checker's
 * (`check/rules/anchors.ts`).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { checkInDeckAnchors } from '../check/rules/anchors.js';

/** Rehype plugin: check the in-deck anchors of the rendered slides. */
export function deckAnchors() {
  return (tree: Root, file: VFile): undefined => {
    checkInDeckAnchors(file, tree);
  };
}
