/**
 * Printed pages from slides, built from the tree (no layout script in the
 * browser): one page per slide in its final state, or one per fragment step
 * (reveal.js's order: numbered fragments by index, then the others in
 * document order); speaker notes under the slide or on a page of their own;
 * the slide number in the corner.
 */
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { selectAll } from 'hast-util-select';
import { classList } from '../../render/properties.js';
import type { PrintSlide } from './slides.js';

/** Where speaker notes go: nowhere, under each slide, or on a page after it. */
export type NotesMode = 'none' | 'below' | 'separate';

/** How slides become pages. */
export interface PageOptions {
  width: number;
  height: number;
  /** One page per fragment step instead of one per slide. */
  fragments: boolean;
  notes: NotesMode;
  /** Height of the notes area under the slide, with `notes: "below"`. */
  notesHeight: number;
  pageNumbers: boolean;
}

/** One printed page and the slide it shows. */
export interface PrintPage {
  element: Element;
  slide: PrintSlide;
}

/** Every page of the deck, in order. */
export function slidePages(slides: PrintSlide[], options: PageOptions): PrintPage[] {
  const numbered = { ...options, total: slides.length };
  return slides.flatMap((slide) => {
    const steps = options.fragments ? fragmentSteps(slide.section) : [undefined];
    const pages = steps.map((hidden, step) => ({
      element: slidePage(slide, numbered, hidden, steps.length > 1 ? step : undefined),
      slide,
    }));
    if (options.notes === 'separate' && slide.notes) pages.push({ element: notesPage(slide, options), slide });
    return pages;
  });
}

/** A page showing `slide`, with the fragments in `hidden` not shown yet. */
function slidePage(slide: PrintSlide, options: PageOptions & { total: number }, hidden: Set<Element> | undefined, step: number | undefined): Element {
  // Later steps of a slide repeat its title; only the first step's headings go into the PDF outline.
  const section = hidden ? hideFragments(slide.section, hidden, step !== undefined && step > 0) : slide.section;
  const below = options.notes === 'below';
  const properties = section.properties;
  const children: ElementContent[] = [
    {
      ...section,
      properties: { ...properties, className: [...classList(properties.className), 'present'], style: [properties.style, `width:${options.width}px;height:${options.height}px`].filter(Boolean).join(';') },
    },
  ];
  if (options.pageNumbers) children.push(h('div.slide-number-pdf', `${step === undefined ? slide.number : `${slide.number}.${step}`} / ${options.total}`));
  if (below) children.push(h('div.print-notes', { style: `top:${options.height}px;height:${options.notesHeight}px` }, slide.notes ?? []));
  const height = options.height + (below ? options.notesHeight : 0);
  return h('div.pdf-page', { dataSlide: slide.number, style: `width:${options.width}px;height:${height}px;${background(properties)}` }, children);
}

/** A page with the notes of `slide` under its number and title. */
function notesPage(slide: PrintSlide, options: PageOptions): Element {
  const heading = `Notes: slide ${slide.number}${slide.title ? `, ${slide.title}` : ''}`;
  return h('div.pdf-page.notes-page', { dataSlide: slide.number, style: `width:${options.width}px;height:${options.height}px` }, [
    h('div.print-notes', [h('p.print-notes-title', heading), ...(slide.notes ?? [])]),
  ]);
}

/**
 * For each fragment step, the fragments not shown yet: step 0 hides them
 * all, the last step none. A slide without fragments has one step.
 */
export function fragmentSteps(section: Element): Array<Set<Element>> {
  const fragments = selectAll('.fragment', section);
  const numbered = new Map<number, Element[]>();
  const unnumbered: Element[][] = [];
  for (const fragment of fragments) {
    const index = Number.parseInt(String(fragment.properties.dataFragmentIndex ?? ''), 10);
    if (Number.isNaN(index)) unnumbered.push([fragment]);
    else numbered.set(index, [...(numbered.get(index) ?? []), fragment]);
  }
  const groups = [...[...numbered.entries()].sort(([a], [b]) => a - b).map(([, group]) => group), ...unnumbered];
  return [...groups.keys(), groups.length].map((shown) => new Set(groups.slice(shown).flat()));
}

/** A copy of `element` with the fragments in `hidden` marked hidden and, when `repeat`, headings kept out of the outline. */
function hideFragments(element: Element, hidden: Set<Element>, repeat: boolean): Element {
  let properties: Properties = hidden.has(element) ? { ...element.properties, className: [...classList(element.properties.className), 'print-hidden'] } : element.properties;
  if (repeat && /^h[1-6]$/.test(element.tagName)) properties = { ...properties, role: 'none' };
  const children = element.children.map((child) => (child.type === 'element' ? hideFragments(child, hidden, repeat) : child));
  return { ...element, properties, children };
}

/** The page background from the slide's `data-background-*` attributes. */
function background(properties: Properties): string {
  const rules: string[] = [];
  if (properties.dataBackgroundColor) rules.push(`background-color:${String(properties.dataBackgroundColor)}`);
  if (properties.dataBackgroundImage) {
    rules.push(`background-image:url("${String(properties.dataBackgroundImage).replace(/"/g, '%22')}")`);
    rules.push(`background-size:${String(properties.dataBackgroundSize ?? 'cover')}`);
    rules.push(`background-position:${String(properties.dataBackgroundPosition ?? 'center')}`);
    rules.push(`background-repeat:${String(properties.dataBackgroundRepeat ?? 'no-repeat')}`);
  }
  return rules.join(';');
}

