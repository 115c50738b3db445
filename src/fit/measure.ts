/**
 * What runs in the browser to fit slides: on the print layout of a deck
 * (every slide at the deck's size, fragments in their final state), find
 * each slide whose content overflows its box and decide what makes it fit:
 * a long list or prose is split into continuation slides at block
 * boundaries; a slide with code, tables or pictures first has its unsized
 * images capped to the space left, then is shrunk a little (to 85%), then
 * split; and what is still too big is scaled down, never below `minScale`. What still does not fit is returned with
 * its overflow, for the report.
 *
 * `measureSlides` is serialised into the page: it must not refer to anything
 * outside itself.
 */

/** Where a continuation slide starts: before block `block` of the slide, or before item `item` of that list. */
export interface Cut {
  block: number;
  item?: number | undefined;
}

/** What a slide needs to fit. */
export interface SlideFit {
  /** The slide's number in the deck (1-based, presentation order). */
  slide: number;
  /** How far the content overflows its box as built, in CSS pixels. */
  pixels: number;
  /** Split before these blocks or list items. */
  cuts?: Cut[] | undefined;
  /** Largest height for the slide's images without a size, by their index among the slide's `img` elements. */
  images?: Array<{ index: number; height: number }> | undefined;
  /** Font scale that makes the slide fit (or `minScale` when nothing does). */
  scale?: number | undefined;
  /** Overflow left at `minScale`, in pixels: the slide cannot be fitted. */
  left?: number | undefined;
  /** The slide opted out (`.no-fit`, `.scrollable`). */
  optedOut?: boolean | undefined;
}

export interface MeasureOptions {
  minScale: number;
  /** Whether splitting may be proposed (not for slides already split). */
  split: boolean;
}

export async function measureSlides(options: MeasureOptions): Promise<SlideFit[]> {
  await document.fonts.ready;
  await Promise.all(
    Array.from(document.images)
      .filter((image) => !image.complete)
      .map((image) => new Promise((resolve) => {
        image.addEventListener('load', resolve, { once: true });
        image.addEventListener('error', resolve, { once: true });
      })),
  );
  const tolerance = 2;
  const excess = (element: HTMLElement) => Math.max(element.scrollHeight - element.clientHeight, element.scrollWidth - element.clientWidth);
  const prose = new Set(['P', 'UL', 'OL', 'BLOCKQUOTE', 'DL', 'H3', 'H4', 'H5', 'H6']);
  const results: SlideFit[] = [];

  /** The slide's blocks after its title, and whether they are all prose (lists, paragraphs, quotes, sub-headings). */
  const blocksOf = (section: HTMLElement) => {
    const children = Array.from(section.children) as HTMLElement[];
    const titled = children[0] !== undefined && /^H[1-6]$/.test(children[0].tagName) ? 1 : 0;
    const blocks = children.slice(titled);
    // Footers, logos and `.absolute` elements are placed on the slide, not in its flow: they are no place to cut.
    const flow = blocks.filter((block) => !/^(absolute|fixed)$/.test(getComputedStyle(block).position));
    return { titled, blocks, flow, prose: flow.length > 0 && flow.every((block) => prose.has(block.tagName)) };
  };

  /** Where to split the slide so each piece fits, preferring cuts before sub-headings and never leaving one last. */
  const cutsFor = (section: HTMLElement): Cut[] | undefined => {
    const { titled, blocks, flow } = blocksOf(section);
    if (flow.length === 0) return undefined;
    const origin = section.getBoundingClientRect().top;
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { top: rect.top - origin, bottom: rect.bottom - origin };
    };
    // Keep clear of the bottom edge, where the controls and slide number sit.
    const limit = section.clientHeight - parseFloat(getComputedStyle(section).paddingBottom) - 12;
    const space = limit - box(flow[0]!).top;
    const units: Array<Cut & { top: number; bottom: number; heading: boolean }> = [];
    blocks.forEach((block, index) => {
      if (!flow.includes(block)) return;
      const { top, bottom } = box(block);
      const items = block.tagName === 'UL' || block.tagName === 'OL' ? (Array.from(block.children) as HTMLElement[]) : [];
      const heading = /^H[1-6]$/.test(block.tagName);
      if (bottom - top > space && items.length > 1) items.forEach((item, position) => units.push({ block: index + titled, item: position, heading: false, ...box(item) }));
      else units.push({ block: index + titled, top, bottom, heading });
    });
    if (units.length < 2) return undefined;
    // Fill pieces up to `height` each; the first pass finds how many pieces are needed, the second evens them out.
    const cutAt = (height: number) => {
      const cuts: Cut[] = [];
      let first = 0;
      for (let index = 1; index < units.length; index++) {
        const unit = units[index]!;
        if (unit.bottom - units[first]!.top <= Math.min(height + (unit.bottom - unit.top) / 2, space)) continue;
        let cut = index;
        // Move the cut back to a sub-heading in the second half of the piece, or at least off a heading left last.
        for (let back = index - 1; back > first; back--) {
          if (!units[back]!.heading) continue;
          if (back === index - 1 || units[back]!.top - units[first]!.top >= Math.min(height, space) / 2) cut = back;
          break;
        }
        const at = units[cut]!;
        cuts.push(at.item === undefined || at.item === 0 ? { block: at.block } : { block: at.block, item: at.item });
        first = cut;
      }
      return cuts;
    };
    const greedy = cutAt(space);
    if (greedy.length === 0) return undefined;
    const even = cutAt((units[units.length - 1]!.bottom - units[0]!.top) / (greedy.length + 1));
    return even.length === greedy.length ? even : greedy;
  };

  const shrinkImages = (section: HTMLElement, over: number): SlideFit['images'] => {
    const images = Array.from(section.querySelectorAll('img'));
    const unsized = images.filter((image) => !image.hasAttribute('width') && !image.hasAttribute('height') && !image.style.width && !image.style.height && image.offsetHeight > 0);
    const total = unsized.reduce((sum, image) => sum + image.offsetHeight, 0);
    if (unsized.length === 0 || total - over < 80 * unsized.length) return undefined;
    const planned = unsized.map((image) => {
      const height = Math.floor(image.offsetHeight - (over + tolerance) * (image.offsetHeight / total));
      image.style.maxHeight = `${height}px`;
      image.style.width = 'auto';
      return { index: images.indexOf(image), height };
    });
    if (excess(section) <= tolerance) return planned;
    for (const image of unsized) {
      image.style.maxHeight = '';
      image.style.width = '';
    }
    return undefined;
  };

  /** The largest scale, in steps of 5% down to `floor`, at which the slide fits; else `floor` and what is left over. */
  const scaleFor = (section: HTMLElement, floor: number): { scale: number; left?: number } => {
    const base = parseFloat(getComputedStyle(section.parentElement ?? section).fontSize);
    let scale = 1;
    for (let next = 0.95; next >= floor - 1e-9; next -= 0.05) {
      scale = Math.round(next * 100) / 100;
      section.style.fontSize = `${base * scale}px`;
      if (excess(section) <= tolerance) return { scale };
    }
    return { scale, left: Math.round(excess(section)) };
  };

  /** A slight overflow of a slide with code, tables or pictures reads better a little smaller than split. */
  const mildScale = 0.85;

  for (const page of Array.from(document.querySelectorAll<HTMLElement>('.pdf-page[data-slide]'))) {
    const section = page.querySelector<HTMLElement>(':scope > section');
    if (!section) continue;
    const over = excess(section);
    if (over <= tolerance) continue;
    const fit: SlideFit = { slide: Number(page.dataset.slide), pixels: Math.round(over) };
    results.push(fit);
    if (section.classList.contains('no-fit') || section.classList.contains('scrollable')) {
      fit.optedOut = true;
      continue;
    }
    const { prose } = blocksOf(section);
    // Prose is split first; a slide with code, tables or pictures has its images capped, then is shrunk a little, then split.
    if (!prose || !options.split) {
      fit.images = shrinkImages(section, over);
      if (fit.images) continue;
    }
    if (!prose && options.split && options.minScale < mildScale) {
      const mild = scaleFor(section, mildScale);
      if (mild.left === undefined) {
        fit.scale = mild.scale;
        continue;
      }
      section.style.fontSize = '';
    }
    fit.cuts = options.split ? cutsFor(section) : undefined;
    if (fit.cuts) continue;
    if (prose && options.split) {
      fit.images = shrinkImages(section, over);
      if (fit.images) continue;
    }
    Object.assign(fit, scaleFor(section, options.minScale));
  }
  return results;
}
