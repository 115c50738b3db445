/**
 * What runs in the browser to fit slides: on the print layout of a deck
 * (every slide at the deck's size, fragments in their final state), find
 * each slide whose content overflows its box and decide what makes it fit:
 * a long list or prose is split into continuation slides at block
 * boundaries, between list items, between the blocks of one long item, and
 * inside fenced divs (callouts, plain and incremental divs; never columns,
 * notes or anything quiz-like); a slide with code, tables or pictures first has its unsized
 * images capped to the space left, then is shrunk a little (to 85%), then
 * split; and what is still too big is scaled down, never below `minScale`. What still does not fit is returned with
 * its overflow, for the report.
 *
 * `measureSlides` is serialised into the page: it must not refer to anything
 * outside itself.
 */

/**
 * Where a continuation slide starts: before the element at `path`, given as
 * element child indexes from the slide down (its title counted): `[3]` is
 * the slide's fourth block, `[3, 5]` the sixth item of that list, `[3, 1, 0, 5]`
 * that item in a callout's body. Every element on the way is split there.
 */
export interface Cut {
  path: number[];
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

  // Never split a quiz (it would break, or show its answer) nor a layout that reads as one piece.
  const quizLike = /quiz|question|answer|solution|choice|hint|feedback/i;
  const whole = new Set(['columns', 'column', 'notes', 'r-stack', 'r-hstack', 'r-vstack', 'r-stretch', 'panel-tabset', 'footer', 'aside', 'absolute', 'slide-logo', 'mermaid']);
  const guarded = ['form', 'details', 'iframe', '[data-quiz]', ...['quiz', 'question', 'answer', 'solution', 'choice', 'hint', 'feedback'].map((word) => `[class*="${word}" i]`)].join(', ');

  /** What `element` may be split between (`repeat` comes again on every part: a callout's title), or nothing when it stays whole. */
  const partsOf = (element: HTMLElement): { children: HTMLElement[]; repeat: HTMLElement[] } | undefined => {
    if (!['UL', 'OL', 'LI', 'DIV'].includes(element.tagName)) return undefined;
    if (Array.from(element.classList).some((name) => quizLike.test(name) || whole.has(name)) || element.querySelector(guarded)) return undefined;
    const children = Array.from(element.children) as HTMLElement[];
    const repeat = children.filter((child) => child.classList.contains('callout-title'));
    return { children: children.filter((child) => !repeat.includes(child)), repeat };
  };

  /** Prose: paragraphs, lists, quotes, sub-headings, and divs that may be split holding only those. */
  const isProse = (element: HTMLElement): boolean => {
    if (prose.has(element.tagName)) return true;
    const parts = element.tagName === 'DIV' ? partsOf(element) : undefined;
    return parts !== undefined && parts.children.length > 0 && [...parts.repeat, ...parts.children].every(isProse);
  };

  /** The slide's blocks after its title, and whether they are all prose. */
  const blocksOf = (section: HTMLElement) => {
    const children = Array.from(section.children) as HTMLElement[];
    const titled = children[0] !== undefined && /^H[1-6]$/.test(children[0].tagName) ? 1 : 0;
    const blocks = children.slice(titled);
    // Footers, logos and `.absolute` elements are placed on the slide, not in its flow: they are no place to cut.
    const flow = blocks.filter((block) => !/^(absolute|fixed)$/.test(getComputedStyle(block).position));
    return { titled, blocks, flow, prose: flow.length > 0 && flow.every(isProse) };
  };

  /**
   * A place to cut before (`path`), its box, and what a piece starting
   * (`lead`) or ending (`trail`) there adds: the padding and repeated title
   * of the elements it reopens or closes.
   */
  interface Unit {
    path: number[];
    top: number;
    bottom: number;
    heading: boolean;
    /** A paragraph ending in a colon, which introduces what follows: never left last on a slide. */
    leadIn: boolean;
    lead: number;
    trail: number;
  }

  type Box = (element: Element) => { top: number; bottom: number };

  /** `element` as one unit, or, when it is taller than `space` and may be split, as the units of its parts. */
  const unitsOf = (element: HTMLElement, path: number[], box: Box, space: number): Unit[] => {
    const { top, bottom } = box(element);
    const leadIn = element.tagName === 'P' && /:\s*$/.test(element.textContent ?? '');
    const one: Unit[] = [{ path, top, bottom, heading: /^H[1-6]$/.test(element.tagName), leadIn, lead: 0, trail: 0 }];
    const parts = bottom - top > space ? partsOf(element) : undefined;
    if (!parts || parts.children.length === 0) return one;
    const all = Array.from(element.children);
    const units = parts.children.flatMap((child) => unitsOf(child, [...path, all.indexOf(child)], box, space));
    if (units.length < 2) return one;
    // A piece starting inside the element opens a copy of it (its padding, its title again), one ending inside closes one.
    const style = getComputedStyle(element);
    const lead = parts.repeat.length > 0 ? box(parts.children[0]!).top - top : parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth);
    const trail = parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth);
    const last = units.length - 1;
    // Cutting before the first part is cutting before the element.
    return units.map((unit, index) => ({
      ...unit,
      path: index === 0 ? path : unit.path,
      top: index === 0 ? top : unit.top,
      bottom: index === last ? bottom : unit.bottom,
      lead: index === 0 ? unit.lead : unit.lead + lead,
      trail: index === last ? unit.trail : unit.trail + trail,
    }));
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
    const units = blocks.flatMap((block, index) => (flow.includes(block) ? unitsOf(block, [index + titled], box, space) : []));
    if (units.length < 2) return undefined;
    // Fill pieces up to `height` each; the first pass finds how many pieces are needed, the second evens them out.
    const cutAt = (height: number) => {
      const cuts: Cut[] = [];
      let first = 0;
      for (let index = 1; index < units.length; index++) {
        const unit = units[index]!;
        const start = units[first]!.top - units[first]!.lead;
        if (unit.bottom + unit.trail - start <= Math.min(height + (unit.bottom - unit.top) / 2, space)) continue;
        let cut = index;
        // Move the cut back to a sub-heading in the second half of the piece, or at least off a heading left last.
        for (let back = index - 1; back > first; back--) {
          if (!units[back]!.heading) continue;
          if (back === index - 1 || units[back]!.top - start >= Math.min(height, space) / 2) cut = back;
          break;
        }
        // Nor a paragraph that introduces the block after it ("Save this as `Dockerfile`:").
        if (cut === index && index - 1 > first && units[index - 1]!.leadIn) cut = index - 1;
        cuts.push({ path: units[cut]!.path });
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
