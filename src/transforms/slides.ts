/**
 * Pandoc's slide model (MANUAL, "Structuring the slide show"), in one pure
 * pass over the top-level blocks:
 *
 * - the slide level is the highest heading level directly followed by
 *   content, unless front matter sets `slide-level`;
 * - a heading at the slide level starts a slide; a heading above it starts a
 *   section title slide, and the slides under that section stack vertically;
 * - a horizontal rule starts a new, untitled slide;
 * - content before any heading goes on an untitled slide;
 * - the heading's attributes become the slide's (`id`, classes, `data-*`).
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { Attributes, DeckOptions, LectureMeta, Slide, Stack } from '../types.js';
import { reportCollapse } from './slide-collapse.js';
import { titleInlines } from './title-inlines.js';

/** Remark plugin: replace the root's blocks with slides and stacks. */
export function slides() {
  return (tree: Root, file: VFile): undefined => {
    // A dialect rule may have cut the slides already (reveal-md's separators).
    if (!tree.children.some((child) => child.type === 'slide' || child.type === 'stack')) {
      const meta = file.data.meta ?? { author: [], incremental: false, raw: {}, positions: {} };
      // Quarto's slide level is 2 unless front matter says otherwise; Pandoc's is computed.
      const quarto = file.data.dialect === 'quarto' && meta.slideLevel === undefined;
      const result = toSlides(tree.children, quarto ? { ...meta, slideLevel: 2 } : meta, file.data.deck);
      if (file.data.dialect === 'pandoc' && meta.slideLevel === undefined) reportCollapse(tree.children, result.slideLevel, file);
      tree.children = result.slides;
      file.data.slideLevel = result.slideLevel;
    }
    recordSlides(tree, file);
  };
}

/**
 * Record the number of slides and the source line of each, in presentation
 * order (a stack's slides in turn), for the course page and for reports on
 * printed pages; the title slide from front matter counts as line 1.
 */
export function recordSlides(tree: Root, file: VFile): void {
  // Hidden slides (`visibility="hidden"`) are removed by reveal.js and left out of PDFs: they do not count.
  const lines = tree.children.flatMap((item) => (item.type === 'stack' ? item.children : item.type === 'slide' ? [item] : [])).filter((slide) => !isHidden(slide.attributes));
  file.data.slideLines = lines.map((slide) => slide.position?.start.line ?? 1);
  file.data.slideCount = lines.length;
}

/** Whether a slide's attributes hide it (`visibility="hidden"`, `data-visibility="hidden"`), as reveal.js does. */
export function isHidden(attributes: Attributes): boolean {
  return (attributes.values.visibility ?? attributes.values['data-visibility']) === 'hidden';
}

/** The slide level Pandoc would pick: the highest heading level followed directly by content. */
export function computeSlideLevel(blocks: RootContent[]): number {
  let least = 6;
  blocks.forEach((block, index) => {
    const next = blocks[index + 1];
    if (block.type === 'heading' && block.depth < least && next && next.type !== 'heading' && next.type !== 'thematicBreak') {
      least = block.depth;
    }
  });
  return least;
}

interface State {
  slideLevel: number;
  /** Depth of the shallowest section heading: each one starts a vertical stack. */
  stackDepth: number;
  top: Array<Slide | Stack>;
  stack: Stack | undefined;
  current: Slide | undefined;
}

/** Cut `blocks` into slides. */
export function toSlides(blocks: RootContent[], meta: LectureMeta, deck?: DeckOptions) {
  const slideLevel = meta.slideLevel ?? computeSlideLevel(blocks);
  const depths = blocks.flatMap((block) => (block.type === 'heading' && block.depth < slideLevel ? [block.depth] : []));
  const state: State = { slideLevel, stackDepth: Math.min(...depths), top: [], stack: undefined, current: undefined };
  if (meta.title) state.top.push(createTitleSlide(meta, deck?.titleAttributes));

  blocks.forEach((block, index) => {
    if (block.type === 'heading' && block.depth <= slideLevel) startHeadingSlide(state, block);
    else if (block.type === 'thematicBreak') {
      const next = blocks[index + 1];
      if (!(next?.type === 'heading' && next.depth === slideLevel)) addSlide(state, createSlide('slide', undefined, block));
    } else {
      if (!state.current) addSlide(state, createSlide('slide', undefined, block));
      state.current!.children.push(block);
      extendTo(state.current!, block);
    }
  });

  const slides = state.top.map((item) => (item.type === 'stack' && item.children.length === 1 ? item.children[0]! : item));
  return { slides, slideLevel };
}

function startHeadingSlide(state: State, heading: Heading): void {
  const kind = heading.depth < state.slideLevel ? 'section' : 'slide';
  const slide = createSlide(kind, heading, heading);
  if (kind === 'section' && (heading.depth === state.stackDepth || !state.stack)) {
    state.stack = { type: 'stack', children: [] };
    state.top.push(state.stack);
  }
  addSlide(state, slide);
}

function addSlide(state: State, slide: Slide): void {
  if (state.stack) state.stack.children.push(slide);
  else state.top.push(slide);
  state.current = slide;
}

/** A slide started by `heading` (its attributes become the slide's) or, without one, by the block `start`. */
export function createSlide(kind: Slide['kind'], heading: Heading | undefined, start: RootContent): Slide {
  const attributes: Attributes = heading?.data?.attributes ?? { classes: [], values: {} };
  if (heading?.data) heading.data.attributes = undefined;
  const children: RootContent[] = heading && toString(heading).trim() !== '' ? [heading] : [];
  return {
    type: 'slide',
    kind,
    attributes,
    heading,
    children,
    position: start.position && { start: start.position.start, end: start.position.end },
  };
}

/** Stretch the slide's position to the end of `block`. */
export function extendTo(slide: Slide, block: RootContent): void {
  if (slide.position && block.position) slide.position.end = block.position.end;
}

/** The title slide from front matter: title, subtitle, authors, institute, date, with their markdown (`meta.markup`). */
function createTitleSlide(meta: LectureMeta, values: Record<string, string> = {}): Slide {
  const markup = meta.markup;
  const content = (value: string, parsed: PhrasingContent[] | undefined): PhrasingContent[] => parsed ?? (titleInlines(value) as PhrasingContent[]);
  const line = (value: string, parsed: PhrasingContent[] | undefined, className: string): Paragraph => ({
    type: 'paragraph',
    children: content(value, parsed),
    data: { hProperties: { className: [className] } },
  });
  const title: Heading = {
    type: 'heading',
    depth: 1,
    children: content(meta.title ?? '', markup?.title),
    data: { hProperties: { className: ['title'] } },
  };
  const children: RootContent[] = [title];
  if (meta.subtitle) children.push(line(meta.subtitle, markup?.subtitle, 'subtitle'));
  meta.author.forEach((author, index) => children.push(line(author, markup?.author[index], 'author')));
  if (meta.institute) children.push(line(meta.institute, markup?.institute, 'institute'));
  if (meta.date) children.push(line(meta.date, markup?.date, 'date'));
  return { type: 'slide', kind: 'title', attributes: { id: 'title-slide', classes: [], values: { ...values } }, children };
}
