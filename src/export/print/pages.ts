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
  const { color, layer } = slideBackground(properties);
  const children: ElementContent[] = [
    ...(layer ? [layer] : []),
    {
      ...section,
      properties: { ...properties, className: [...classList(properties.className), 'present'], style: [properties.style, `width:${options.width}px;height:${options.height}px`].filter(Boolean).join(';') },
    },
  ];
  if (options.pageNumbers) children.push(h('div.slide-number-pdf', `${step === undefined ? slide.number : `${slide.number}.${step}`} / ${options.total}`));
  if (below) children.push(h('div.print-notes', { style: `top:${options.height}px;height:${options.notesHeight}px` }, slide.notes ?? []));
  const height = options.height + (below ? options.notesHeight : 0);
  return h('div.pdf-page', { dataSlide: slide.number, dataPosition: slide.position, style: `width:${options.width}px;height:${height}px;${color}` }, children);
}

/** A page with the notes of `slide` under its number and title. */
function notesPage(slide: PrintSlide, options: PageOptions): Element {
  const heading = `Notes: slide ${slide.number}${slide.title ? `, ${slide.title}` : ''}`;
  return h('div.pdf-page.notes-page', { dataSlide: slide.number, dataPosition: slide.position, style: `width:${options.width}px;height:${options.height}px` }, [
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

/** What reveal.js reads as an image in the `data-background` shorthand (anything else is a colour or gradient). */
const imageLike = /^(https?:|file:|\/\/)|\.(svg|png|jpe?g|gif|bmp|webp|avif)([?#\s]|$)/i;

/**
 * The slide's `data-background-*` attributes as reveal.js paints them: the
 * colour (or `data-background` colour shorthand) on the page itself, the
 * image or gradient on a layer of its own under the slide, with the
 * background's opacity, size, position and repeat.
 */
export function slideBackground(properties: Properties): { color: string; layer?: Element | undefined } {
  const value = (key: string) => (properties[key] === undefined || properties[key] === null ? undefined : String(properties[key]).trim() || undefined);
  const shorthand = value('dataBackground');
  const image = value('dataBackgroundImage') ?? (shorthand && imageLike.test(shorthand) ? shorthand : undefined);
  const colour = value('dataBackgroundColor');
  const color = [shorthand && !imageLike.test(shorthand) ? `background:${shorthand}` : '', colour ? `background-color:${colour}` : ''].filter(Boolean).join(';');
  const gradient = value('dataBackgroundGradient');
  if (!image && !gradient) return { color };
  const rules = [
    gradient ? `background:${gradient}` : '',
    image ? `background-image:url("${image.replace(/"/g, '%22')}")` : '',
    `background-size:${value('dataBackgroundSize') ?? 'cover'}`,
    `background-position:${value('dataBackgroundPosition') ?? 'center'}`,
    `background-repeat:${value('dataBackgroundRepeat') ?? 'no-repeat'}`,
    value('dataBackgroundOpacity') ? `opacity:${value('dataBackgroundOpacity')}` : '',
  ];
  return { color, layer: h('div.pdf-background', { style: rules.filter(Boolean).join(';') }) };
}
