/**
 * The slides of a built deck, read back from its HTML in presentation order
 * (reveal.js's: top-level sections, a stack's sections in turn), each with
 * what a printed page needs: the section, its speaker notes, its background
 * and its title.
 */
import type { Element, ElementContent, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { classList } from '../../render/properties.js';

/** One slide of a deck as the print layout sees it. */
export interface PrintSlide {
  /** 1-based number in the PDF: hidden slides are not counted. */
  number: number;
  /** 1-based position among all the deck's slides, hidden ones included (as in the deck summary's `lines`). */
  position: number;
  /** The slide's section, without its speaker notes. */
  section: Element;
  /** The speaker notes' content, when the slide has any. */
  notes?: ElementContent[] | undefined;
  /** The slide title (its first heading), for outlines and notes pages. */
  title: string;
  /** The deck's title slide, a section's title slide (`# Section`), or any other slide. */
  kind: 'title' | 'section' | 'slide';
}

/** The slide sections of the deck page `tree` in presentation order (the sections themselves, not copies). */
export function leafSections(tree: Root): Element[] {
  const container = select('.reveal > .slides', tree);
  if (!container) return [];
  return container.children.flatMap((child) => {
    if (!isSection(child)) return [];
    const nested = child.children.filter(isSection);
    return nested.length > 0 ? nested : [child];
  });
}

/**
 * The slides of the deck page `tree` that are shown: a slide hidden with
 * `data-visibility="hidden"` (Pandoc's `{visibility=hidden}`, reveal.js's
 * attribute, in any dialect), or in a hidden stack, is left out, as reveal.js
 * leaves it out of the deck.
 */
export function deckSlides(tree: Root): PrintSlide[] {
  const hidden = hiddenSections(tree);
  const shown = leafSections(tree).flatMap((section, index) => (hidden.has(section) ? [] : [{ section, position: index + 1 }]));
  return shown.map(({ section, position }, index) => {
    const notes = selectAll('aside.notes', section);
    const copy: Element = { ...section, children: section.children.filter((child) => !(child.type === 'element' && notes.includes(child))) };
    const heading = select('h1, h2, h3, h4, h5, h6', copy);
    return {
      number: index + 1,
      position,
      section: copy,
      notes: notes.length > 0 ? notes.flatMap((aside) => aside.children) : undefined,
      title: heading ? toText(heading).trim() : '',
      kind: section.properties.id === 'title-slide' ? 'title' : classList(section.properties.className).includes('level1') ? 'section' : 'slide',
    };
  });
}

/** The slide sections reveal.js would remove: hidden ones and every slide of a hidden stack. */
function hiddenSections(tree: Root): Set<Element> {
  const hidden = new Set<Element>();
  const isHidden = (section: Element) => String(section.properties.dataVisibility ?? '').trim().toLowerCase() === 'hidden';
  for (const child of select('.reveal > .slides', tree)?.children ?? []) {
    if (!isSection(child)) continue;
    const stackHidden = isHidden(child);
    if (stackHidden) hidden.add(child);
    for (const nested of child.children.filter(isSection)) if (stackHidden || isHidden(nested)) hidden.add(nested);
  }
  return hidden;
}

function isSection(node: ElementContent | Root['children'][number]): node is Element {
  return node.type === 'element' && node.tagName === 'section';
}
