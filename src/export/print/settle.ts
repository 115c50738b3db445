/**
 * What runs in the print page before `page.pdf`: wait for fonts, images and
 * the first frame of each video (never a fixed pause), centre title and section slides vertically as
 * reveal.js would, and shrink any slide or notes block that does not fit its
 * page until it does, so nothing is clipped. Returns what had to shrink, for
 * the report. One layout pass per page; no reveal.js script.
 *
 * `settlePage` is serialised into the page: it must not refer to anything
 * outside itself.
 */

/** A slide that did not fit its page. */
export interface Overflow {
  /** The slide's number in the PDF. */
  slide: number;
  /** Its position among all the deck's slides, hidden ones included (for its source line). */
  position: number;
  /** By how much it overflowed, in CSS pixels (height or width, whichever is worse). */
  pixels: number;
  /** The scale the slide was printed at to fit (1 when only notes overflowed). */
  scale: number;
  /** Whether it was the speaker notes that overflowed. */
  notes: boolean;
}

export async function settlePage(): Promise<Overflow[]> {
  await document.fonts.ready;
  await Promise.all(
    Array.from(document.images)
      .filter((image) => !image.complete)
      .map(
        (image) =>
          new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
          }),
      ),
  );
  // A video prints its first frame once it is loaded; one that cannot load prints a box naming it, never an empty player.
  const videos = Array.from(document.querySelectorAll('video'));
  await Promise.all(
    videos
      .filter((video) => video.readyState < 2 && !video.error)
      .map(
        (video) =>
          new Promise((resolve) => {
            video.addEventListener('loadeddata', resolve, { once: true });
            video.addEventListener('error', resolve, { once: true });
            video.querySelector('source:last-of-type')?.addEventListener('error', resolve, { once: true });
            if (video.networkState === HTMLMediaElement.NETWORK_NO_SOURCE) resolve(undefined);
          }),
      ),
  );
  for (const video of videos.filter((item) => item.readyState < 2)) {
    const box = document.createElement('span');
    box.className = 'print-media';
    box.style.cssText = video.style.cssText;
    const kind = document.createElement('span');
    kind.className = 'print-media-kind';
    kind.textContent = video.dataset.printKind ?? 'Video';
    const name = video.getAttribute('aria-label') ?? '';
    box.append(kind, name ? ` ${name}` : '');
    video.replaceWith(box);
  }
  // `.r-fit-text`: the largest font size at which the text stays on one line within its box, as reveal.js fits it.
  for (const text of Array.from(document.querySelectorAll<HTMLElement>('.pdf-page .r-fit-text'))) {
    const parent = text.parentElement;
    const padding = parent ? parseFloat(getComputedStyle(parent).paddingLeft) + parseFloat(getComputedStyle(parent).paddingRight) : 0;
    const box = (parent?.clientWidth ?? 0) - padding;
    let low = 8;
    // reveal.js caps fitted text at 80 % of the slide height.
    let high = (text.closest('section')?.clientHeight ?? 700) * 0.8;
    for (let step = 0; step < 12 && box > 0; step++) {
      const size = (low + high) / 2;
      text.style.fontSize = `${size}px`;
      if (text.scrollWidth <= box) low = size;
      else high = size;
    }
    if (box > 0) text.style.fontSize = `${low}px`;
  }
  const tolerance = 2;
  const excess = (element: HTMLElement) => Math.max(element.scrollHeight - element.clientHeight, element.scrollWidth - element.clientWidth);
  const results: Overflow[] = [];
  for (const page of Array.from(document.querySelectorAll<HTMLElement>('.pdf-page[data-slide]'))) {
    const slide = Number(page.dataset.slide);
    const position = Number(page.dataset.position ?? slide);
    const section = page.querySelector<HTMLElement>(':scope > section');
    if (section) {
      const width = section.clientWidth;
      const height = section.clientHeight;
      const over = excess(section);
      if (over > tolerance) {
        // Lay the slide out in a larger box zoomed down to the page (as reveal.js scales a deck): text
        // rewraps to the wider box. Zoom, not a transform: print fragmentation follows the layout box, so a
        // transformed box taller than the page would be split across pages and its tail clipped.
        const fits = (scale: number) => {
          section.style.setProperty('zoom', String(scale));
          section.style.width = `${width / scale}px`;
          section.style.height = `${height / scale}px`;
          return excess(section) <= tolerance;
        };
        let low = 0.1;
        let high = 1;
        const guess = Math.min(height / section.scrollHeight, width / section.scrollWidth);
        if (fits(guess)) low = guess;
        else high = guess;
        for (let step = 0; step < 6 && high - low > 0.01; step++) {
          const scale = (low + high) / 2;
          if (fits(scale)) low = scale;
          else high = scale;
        }
        fits(low);
        results.push({ slide, position, pixels: Math.round(over), scale: Math.round(low * 100) / 100, notes: false });
      } else if (section.classList.contains('center')) {
        section.style.height = 'auto';
        const content = section.offsetHeight;
        section.style.height = `${height}px`;
        const padding = parseFloat(getComputedStyle(section).paddingTop);
        section.style.setProperty('padding-top', `${padding + Math.max((height - content) / 2, 0)}px`, 'important');
      }
    }
    const notes = page.querySelector<HTMLElement>(':scope > .print-notes');
    if (notes && excess(notes) > tolerance) {
      const over = excess(notes);
      let size = parseFloat(getComputedStyle(notes).fontSize);
      while (excess(notes) > tolerance && size > 6) {
        size -= 1;
        notes.style.fontSize = `${size}px`;
      }
      results.push({ slide, position, pixels: Math.round(over), scale: 1, notes: true });
    }
  }
  // Handout slides are fitted at full size above, then zoomed onto their sheet.
  for (const page of Array.from(document.querySelectorAll<HTMLElement>('.pdf-page[data-zoom]'))) page.style.setProperty('zoom', page.dataset.zoom ?? '1');
  return results;
}
