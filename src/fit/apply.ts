/**
 * Apply what the measurement decided to a built deck's tree: split slides
 * into continuation slides ("Title (2/3)") at the measured places (between
 * blocks, list items, the blocks of one item, inside fenced divs: the
 * element parts are made in `parts.ts`), cap unsized images at the measured height, and scale the
 * font of slides that need it. Works on the deck page's hast, so the deck,
 * its PDF and the checker all see the same fitted slides.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { leafSections } from '../export/print/slides.js';
import { classList, mergeProperties } from '../render/properties.js';
import type { Cut, SlideFit } from './measure.js';
import { partsOf } from './parts.js';

/**
 * Apply `fits` (numbered by the slides of `tree` as it is) to `tree`, in
 * place. Returns, for each slide before, how many slides it became.
 */
export function applyFits(tree: Root, fits: SlideFit[]): number[] {
  const sections = leafSections(tree);
  const counts = sections.map(() => 1);
  const parents = parentsOf(tree, new Set(sections));
  for (const fit of fits) {
    const section = sections[fit.slide - 1];
    if (!section || fit.optedOut) continue;
    if (fit.images) capImages(section, fit.images);
    if (fit.scale !== undefined && fit.scale < 1) {
      section.properties = mergeProperties(section.properties, { style: `font-size:${Math.round(fit.scale * 100)}%` });
      section.properties.dataFitScale = String(fit.scale);
    }
    if (fit.cuts && fit.cuts.length > 0) {
      const pieces = split(section, fit.cuts);
      const parent = parents.get(section);
      if (parent) parent.children.splice(parent.children.indexOf(section), 1, ...pieces);
      counts[fit.slide - 1] = pieces.length;
    }
  }
  return counts;
}

/** Map each of `sections` to the element or root holding it. */
function parentsOf(tree: Root, sections: Set<Element>): Map<Element, Root | Element> {
  const parents = new Map<Element, Root | Element>();
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (sections.has(child)) parents.set(child, node);
      else walk(child);
    }
  };
  walk(tree);
  return parents;
}

function isNotes(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'aside' && classList(node.properties.className).includes('notes');
}

/** The slide's blocks as the browser measured them: element children, speaker notes left out. */
function blocksOf(section: Element): Element[] {
  return section.children.filter((child): child is Element => child.type === 'element' && !isNotes(child));
}

/** `section` as continuation slides, split before each cut. */
function split(section: Element, cuts: Cut[]): Element[] {
  const blocks = blocksOf(section);
  const title = blocks[0] && /^h[1-6]$/.test(blocks[0].tagName) ? blocks[0] : undefined;
  const paths = cuts.flatMap((cut) => (Array.isArray(cut.path) && cut.path.length > 0 ? [cut.path] : []));
  const pieces: ElementContent[][] = [[]];
  // What is pinned to the slide (footer, logo, aside, `.absolute`) is on every piece.
  const pinned = blocks.filter(isPinned);
  blocks.forEach((block, index) => {
    if (block === title || pinned.includes(block)) return;
    const here = paths.filter((path) => path[0] === index).map((path) => path.slice(1));
    if (here.some((rest) => rest.length === 0) && pieces[pieces.length - 1]!.length > 0) pieces.push([]);
    partsOf(block, here).forEach((part, n) => {
      if (n > 0) pieces.push([]);
      pieces[pieces.length - 1]!.push(part);
    });
  });
  // A plan that only reached into what may not be split (a quiz, columns) leaves the slide as it was.
  if (pieces.length === 1) return [section];
  const notes = section.children.filter(isNotes);
  const id = section.properties.id;
  return pieces.map((content, index) => {
    const heading = title ? [numbered(title, index + 1, pieces.length)] : [];
    const properties: Properties = { ...section.properties, id: index === 0 || id === undefined ? id : `${String(id)}-${index + 1}` };
    const copies = index === 0 ? pinned : structuredClone(pinned);
    return { ...section, properties, children: [...heading, ...content, ...copies, ...(index === 0 ? notes : [])] };
  });
}

const pinnedClasses = ['footer', 'slide-logo', 'aside', 'absolute'];

function isPinned(block: Element): boolean {
  return classList(block.properties.className).some((name) => pinnedClasses.includes(name));
}

/** A copy of the slide title reading "Title (n/total)". */
function numbered(title: Element, n: number, total: number): Element {
  return { ...title, properties: n === 1 ? title.properties : { ...title.properties, id: undefined }, children: [...title.children, { type: 'text', value: ` (${n}/${total})` }] };
}

function capImages(section: Element, images: NonNullable<SlideFit['images']>): void {
  const all: Element[] = [];
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element' || isNotes(child)) continue;
      if (child.tagName === 'img') all.push(child);
      walk(child);
    }
  };
  walk(section);
  for (const { index, height } of images) {
    const image = all[index];
    if (image) image.properties = mergeProperties(image.properties, { style: `max-height:${height}px; width:auto` });
  }
}
