/**
 * What a rendered deck (its slides' hast) holds for the checks: the ids it
 * carries and the slides it shows. Shared by `lecture check` and the build's
 * own in-deck anchor check, so both see the same deck.
 */
import type { Element, Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** The ids the deck carries: those the build recorded and every id in the rendered slides. */
export function deckIds(hast: HastRoot, file: VFile): Set<string> {
  const ids = new Set(file.data.ids ?? []);
  visit(hast, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
  });
  return ids;
}

/** The slides without the hidden ones (`visibility=hidden`): reveal.js removes them and PDFs leave them out. */
export function withoutHiddenSections(tree: HastRoot): HastRoot {
  const prune = <T extends HastRoot | Element>(node: T): T => {
    const children = (node.children as HastRoot['children']).flatMap((child): HastRoot['children'] => {
      if (child.type !== 'element') return [child];
      return child.tagName === 'section' && child.properties.dataVisibility === 'hidden' ? [] : [prune(child)];
    });
    return { ...node, children } as T;
  };
  return prune(tree);
}
