/**
 * A slide written with a raw `<section>` inside it, as decks made for
 * reveal.js by hand do (`<section data-background-color="#1e3a5f">` … `</section>`
 * under a heading), meant the section's background, transition or state
 * for the slide. Inside a slide the section is a `div` (reveal.js would read
 * a nested `<section>` as a slide of its own, `render/handlers.ts`), so its
 * slide attributes would land on the `div` and do nothing: they are moved to
 * the slide. What the slide's own heading says wins; among several sections,
 * the first that gives an attribute gives it, and later ones keep theirs on
 * their `div`.
 */
import type { Root } from 'mdast';
import { slidesOf } from '../dialects/slides-of.js';
import type { Attributes, FencedDiv, Slide } from '../types.js';

/** Keys (without `data-`) that reveal.js reads on a slide's `<section>` only. */
const slideKeys = /^(background(-[a-z-]+)?|transition(-speed)?|state|auto-animate(-[a-z-]+)?|visibility|autoslide|timing)$/;

/** Remark plugin (after the slides are cut): a raw section's slide attributes go to its slide. */
export function sectionAttributes() {
  return (tree: Root): undefined => {
    for (const slide of slidesOf(tree)) {
      for (const block of slide.children) if (block.type === 'fencedDiv' && block.tag === 'section') hoist(block, slide);
    }
  };
}

function hoist(section: FencedDiv, slide: Slide): void {
  const given = new Set(Object.keys(slide.attributes.values).map(bare));
  const moved: Attributes['values'] = {};
  const kept: Attributes['values'] = {};
  for (const [key, value] of Object.entries(section.attributes.values)) {
    if (slideKeys.test(bare(key)) && !given.has(bare(key))) moved[key] = value;
    else kept[key] = value;
  }
  if (Object.keys(moved).length === 0) return;
  slide.attributes = { ...slide.attributes, values: { ...slide.attributes.values, ...moved } };
  section.attributes = { ...section.attributes, values: kept };
}

/** An attribute's name as reveal.js reads it, without `data-`. */
function bare(key: string): string {
  return key.replace(/^data-/, '');
}
