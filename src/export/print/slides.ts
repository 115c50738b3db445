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
import { printMedia, type MediaLabels } from './media.js';

/** One slide of a deck as the print layout sees it. */
export interface PrintSlide {
  /** 1-based number in the PDF: hidden slides are not counted. */
  number: number;
  /** 1-based position among the deck's slides as its summary counts them (`lines`); hidden slides do not count there either. */
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

/**
 * The slide sections of the deck page `tree` in presentation order (the
 * sections themselves, not copies); hidden slides (`data-visibility="hidden"`),
 * which reveal.js removes, are left out.
 */
export function leafSections(tree: Root): Element[] {
  const container = select('.reveal > .slides', tree);
  if (!container) return [];
  return container.children.flatMap((child) => {
    if (!isSection(child) || isHidden(child)) return [];
    const nested = child.children.filter(isSection).filter((section) => !isHidden(section));
    return nested.length > 0 ? nested : child.children.some(isSection) ? [] : [child];
  });
}

function isHidden(section: Element): boolean {
  return section.properties.dataVisibility === 'hidden';
}

/** The slides of the deck page `tree`. */
export function deckSlides(tree: Root, labels?: MediaLabels): PrintSlide[] {
  return leafSections(tree).map((section, index) => {
    const notes = selectAll('aside.notes', section);
    const copy = printMedia({ ...section, children: section.children.filter((child) => !(child.type === 'element' && notes.includes(child))) }, labels);
    const heading = select('h1, h2, h3, h4, h5, h6', copy);
    return {
      number: index + 1,
      position: index + 1,
      section: copy,
      notes: notes.length > 0 ? notes.flatMap((aside) => aside.children) : undefined,
      title: heading ? toText(heading).trim() : '',
      kind: section.properties.id === 'title-slide' ? 'title' : classList(section.properties.className).includes('level1') ? 'section' : 'slide',
    };
  });
}

function isSection(node: ElementContent | Root['children'][number]): node is Element {
  return node.type === 'element' && node.tagName === 'section';
}
