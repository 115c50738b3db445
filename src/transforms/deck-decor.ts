/**
 * What front matter puts on every slide: the deck `footer` (a slide's own
 * `::: footer` wins on that slide), the `logo`, the `smaller` and
 * `scrollable` classes, and a table-of-contents slide after the title slide
 * (`toc`, `toc-depth`, `toc-title`) linking to the sections and slides.
 */
import type { List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { DeckOptions, FencedDiv, Slide } from '../types.js';
import { slidesOf } from '../dialects/slides-of.js';
import { isHidden } from './slides.js';

/** Remark plugin (after the slides are cut): footer, logo, deck classes and the table of contents. */
export function deckDecor(this: Processor) {
  return (tree: Root, file: VFile): undefined => {
    const deck = file.data.deck;
    if (!deck) return;
    const footer = deck.footer === undefined ? undefined : inlineMarkdown(this, deck.footer);
    const classes = [deck.smaller ? 'smaller' : '', deck.scrollable ? 'scrollable' : ''].filter(Boolean);
    for (const slide of slidesOf(tree)) {
      if (classes.length > 0) slide.attributes = { ...slide.attributes, classes: [...new Set([...slide.attributes.classes, ...classes])] };
      if (footer && !slide.children.some((block) => block.type === 'fencedDiv' && block.attributes.classes.includes('footer'))) slide.children.push(footerDiv(footer));
      if (deck.logo) slide.children.push({ type: 'paragraph', children: [{ type: 'image', url: deck.logo, alt: 'Logo' }], data: { hProperties: { className: ['slide-logo'] } } });
    }
    if (deck.toc) insertToc(tree, deck.toc);
  };
}

/** Footer text read as markdown (a link stays a link), without a paragraph around it. */
function inlineMarkdown(processor: Processor, text: string): PhrasingContent[] {
  const parsed = processor.parse(new VFile({ value: text })) as Root;
  const first = parsed.children[0];
  return first?.type === 'paragraph' ? first.children : [{ type: 'text', value: text }];
}

function footerDiv(children: PhrasingContent[]): FencedDiv {
  return { type: 'fencedDiv', attributes: { classes: ['footer', 'footer-default'], values: {} }, children: [{ type: 'paragraph', children: structuredClone(children) }] };
}

/** A slide listing the sections (and, deeper, the slides) after the title slide. */
function insertToc(tree: Root, toc: NonNullable<DeckOptions['toc']>): void {
  const titled = slidesOf(tree).filter((slide) => slide.heading && slide.attributes.id && !isHidden(slide.attributes));
  // A deck with no `#` sections lists its slides: the depth counts from the shallowest heading.
  const depth = Math.max(toc.depth, Math.min(...titled.map((slide) => slide.heading!.depth)));
  const entries = titled.filter((slide) => slide.heading!.depth <= depth);
  if (entries.length === 0) return;
  const items: ListItem[] = entries.map((slide) => ({
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: [{ type: 'link', url: `#/${slide.attributes.id}`, children: [{ type: 'text', value: toString(slide.heading!) }] }] }],
    data: { hProperties: { className: [`toc-level${slide.heading!.depth}`] } },
  }));
  const list: List = { type: 'list', ordered: false, spread: false, children: items };
  const slide: Slide = {
    type: 'slide',
    kind: 'slide',
    attributes: { id: 'TOC', classes: ['toc-slide'], values: {} },
    heading: { type: 'heading', depth: 2, children: [{ type: 'text', value: toc.title }] },
    children: [],
  };
  slide.children = [slide.heading!, list as RootContent];
  const at = tree.children.findIndex((child) => child.type === 'slide' && child.kind === 'title');
  tree.children.splice(at + 1, 0, slide);
}
