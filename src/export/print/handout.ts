/**
 * The students' handout: slide pages scaled onto A4 sheets, 2, 3 or 6 to a
 * sheet; with 3, ruled space for notes beside each slide. Scaling is CSS
 * `zoom`, so text stays text and drawings stay vectors in the PDF.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { PrintPage } from './pages.js';

/** Slides per A4 sheet. */
export type HandoutLayout = 2 | 3 | 6;

export const handoutLayouts: readonly HandoutLayout[] = [2, 3, 6];

/** A4 at 96 CSS pixels to the inch, a pixel short so a sheet never spills onto a second page. */
export const a4 = { width: 793, height: 1122 };

const padding = 40;
const gap = 18;
const footer = 28;
/** Distance between the ruled lines for notes, in CSS pixels. */
const ruleSpacing = 32;

/** Sheets holding `pages`, `layout` to a sheet. */
export function handoutSheets(pages: PrintPage[], layout: HandoutLayout, slide: { width: number; height: number }, title: string): Element[] {
  const columns = layout === 6 ? 2 : 1;
  const rows = layout === 2 ? 2 : 3;
  const innerWidth = a4.width - 2 * padding;
  const innerHeight = a4.height - 2 * padding - footer;
  const slotWidth = layout === 3 ? innerWidth * 0.58 : (innerWidth - gap * (columns - 1)) / columns;
  const slotHeight = (innerHeight - gap * (rows - 1)) / rows;
  const scale = Math.min(slotWidth / slide.width, slotHeight / slide.height);
  const width = Math.floor(slide.width * scale);
  const height = Math.floor(slide.height * scale);
  const sheets: Element[] = [];
  const count = Math.ceil(pages.length / layout);
  for (let index = 0; index < count; index++) {
    const slots = pages.slice(index * layout, (index + 1) * layout).map((page) => {
      const scaled = h('div.handout-slide', { style: `width:${width}px;height:${height}px` }, [
        // Zoomed, not transformed: print fragmentation follows the layout box, so a transformed slide lower on the
        // sheet would overhang the page boundary unscaled and lose its bottom (the slide number, a display formula).
        // The zoom is applied after the print script has fitted the slide at full size (`data-zoom`, see settle.ts).
        { ...page.element, properties: { ...page.element.properties, dataZoom: scale.toFixed(4) } },
      ]);
      const lines = h('div.handout-lines', Array.from({ length: Math.floor(height / ruleSpacing) }, () => h('div.handout-rule')));
      return h('div.handout-slot', { style: `height:${height}px` }, layout === 3 ? [scaled, lines] : [scaled]);
    });
    sheets.push(
      h('div.pdf-page.handout-sheet', { style: `width:${a4.width}px;height:${a4.height}px;padding:${padding}px` }, [
        h(`div.handout-grid.handout-${layout}`, { style: `gap:${gap}px;height:${innerHeight}px` }, slots),
        h('div.handout-footer', [h('span', title), h('span', `${index + 1} / ${count}`)]),
      ]),
    );
  }
  return sheets;
}
