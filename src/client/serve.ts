/**
 * The live-reload client `lecture serve` adds to every page it serves. A
 * deck listens for its own changes: new slides are swapped into the open
 * deck in place (same slide, same fragment, the speaker view follows); a
 * change to its stylesheets, scripts or settings reloads the page at the
 * same place. The build's problems show as an overlay, slides that still
 * overflow after fitting are outlined with the overflow in pixels. The
 * course page reloads when the list of decks changes.
 */

interface Indices {
  h: number;
  v: number;
  f?: number | undefined;
}

interface RevealApi {
  getIndices(): Indices;
  getSlides(): HTMLElement[];
  getCurrentSlide(): HTMLElement | undefined;
  slide(h: number, v?: number, f?: number): void;
  sync(): void;
  isReady(): boolean;
  on(type: string, listener: () => void): void;
  dispatchEvent(options: { target: HTMLElement | undefined; type: string; data: Record<string, unknown> }): void;
}

interface Diagnostic {
  file: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning' | 'info';
  reason: string;
  ruleId?: string;
}

interface DeckState {
  diagnostics: Diagnostic[];
  overflows: Array<{ slide: number; pixels: number }>;
  version: number;
}

const reveal = (globalThis as unknown as { Reveal?: RevealApi }).Reveal;
/** The speaker view's previews load the deck with `?receiver`: they follow changes but show no overlay. */
const receiver = /receiver/i.test(location.search);
const page = reveal ? decodeURIComponent(location.pathname.replace(/\/(index\.html)?$/, '').split('/').pop() ?? '') : '';
const placeKey = `lecture-serve-place:${location.pathname}`;

/** The version of this page as served; the first state tells whether a newer one was written since. */
const served = Number((document.currentScript as HTMLScriptElement | null)?.dataset.version ?? 'NaN');
let version: number | undefined;
let latest: DeckState | undefined;

function connect(): void {
  const source = new EventSource(`/_lecture/events?page=${encodeURIComponent(page)}`);
  source.addEventListener('state', (event) => {
    const state = JSON.parse((event as MessageEvent<string>).data) as DeckState;
    // A page written after this one was served, or a change missed while reconnecting, brings the page up to date.
    const known = version ?? served;
    version = state.version;
    if (!Number.isNaN(known) && state.version !== known) void (reveal ? refresh(state) : location.reload());
    else show(state);
  });
  source.addEventListener('update', (event) => {
    const { state, changed } = JSON.parse((event as MessageEvent<string>).data) as { state: DeckState; changed: boolean };
    version = state.version;
    if (changed) void refresh(state);
    else show(state);
  });
  source.addEventListener('reload', () => reload());
  source.addEventListener('course', () => {
    if (!reveal) location.reload();
  });
}

/** Reload the page, coming back to the same slide and fragment. */
function reload(): void {
  if (reveal) sessionStorage.setItem(placeKey, JSON.stringify(reveal.getIndices()));
  location.reload();
}

/** The parts of a page that a swap cannot change in place: stylesheets, scripts and the inline settings. */
function fixedParts(doc: Document): string {
  const links = Array.from(doc.querySelectorAll('link[rel="stylesheet"], script')).map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? element.textContent ?? '');
  return links.filter((text) => !text.includes('/_lecture/')).join('\n');
}

/** Fetch the deck again and swap its slides in place, or reload when that cannot be done. */
async function refresh(state: DeckState): Promise<void> {
  if (!reveal) return location.reload();
  original = false;
  let next: Document;
  try {
    const response = await fetch(location.pathname, { cache: 'no-store' });
    next = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch {
    return reload();
  }
  const slides = document.querySelector('.reveal .slides');
  const incoming = next.querySelector('.reveal .slides');
  if (!slides || !incoming || fixedParts(next) !== fixedParts(document)) return reload();
  const { h, v, f } = reveal.getIndices();
  swapSlides(slides, incoming);
  document.title = next.title;
  // The quiz plugin sets up the quizzes it finds: set up the new ones.
  const quiz = (globalThis as unknown as { RevealQuiz?: { init?: (reveal: RevealApi) => void } }).RevealQuiz;
  if (slides.querySelector('form.quiz')) quiz?.init?.(reveal);
  reveal.sync();
  reveal.slide(h, v, f);
  // The speaker view shows the notes of the slide it is told about: tell it again.
  reveal.dispatchEvent({ target: reveal.getCurrentSlide(), type: 'slidechanged', data: { indexh: h, indexv: v } });
  show(state);
}

/**
 * The top-level slides of the page as last served, as written (before
 * reveal.js adds its classes and styles), to tell which slides a change
 * touched. Set from the first change on, or from a copy fetched when the
 * deck is ready.
 */
let servedSlides: string[] | undefined;
/** Whether the slides on screen are still those the page came with. */
let original = true;

function sections(container: Element): Element[] {
  return Array.from(container.children).filter((child) => child.tagName === 'SECTION');
}

/**
 * Put the slides of `incoming` in place: only the top-level slides whose
 * source changed when the deck has as many as before and no quiz (an edit
 * to one slide leaves the others, their layout and their media alone), else
 * all of them.
 */
function swapSlides(slides: Element, incoming: Element): void {
  const fresh = sections(incoming);
  const written = fresh.map((section) => section.outerHTML);
  const before = servedSlides;
  const live = sections(slides);
  servedSlides = written;
  // The quiz plugin sets up every quiz of the page again (shuffling, listeners): a page with quizzes gets all new slides.
  const quizzes = incoming.querySelector('form.quiz') !== null || slides.querySelector('form.quiz') !== null;
  if (!before || quizzes || before.length !== fresh.length || live.length !== fresh.length || slides.children.length !== live.length) {
    slides.innerHTML = incoming.innerHTML;
    return;
  }
  fresh.forEach((section, index) => {
    if (written[index] !== before[index]) live[index]!.replaceWith(document.importNode(section, true));
  });
}

/** Read the slides of the page as served, once the deck is up, unless a change already did. */
async function readServed(): Promise<void> {
  const response = await fetch(location.pathname, { cache: 'no-store' });
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  const tag = doc.querySelector<HTMLScriptElement>('script[src$="/_lecture/serve.js"]');
  const incoming = doc.querySelector('.reveal .slides');
  // Only a copy of the very page on screen tells what the next change touched.
  if (!original || !incoming || Number(tag?.dataset.version) !== served) return;
  servedSlides = sections(incoming).map((section) => section.outerHTML);
}

function show(state: DeckState): void {
  latest = state;
  if (receiver || !reveal) return;
  markOverflows(state.overflows);
  showOverlay(state.diagnostics);
}

const style = `
.lecture-overflow { outline: 3px dashed #d9480f !important; outline-offset: -3px; }
.lecture-overflow::after { content: attr(data-lecture-overflow); position: absolute; right: 0; bottom: 0; font: 600 14px/1.4 system-ui, sans-serif; color: #fff; background: #d9480f; padding: 2px 8px; z-index: 10; }
#lecture-overlay { position: fixed; left: 1rem; right: 1rem; bottom: 1rem; max-height: 45vh; overflow: auto; z-index: 1000; font: 14px/1.45 system-ui, sans-serif; color: #1b1b1b; background: #fffdf5; border: 1px solid #e8c36a; border-left: 6px solid #d9480f; border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: .6rem 2.4rem .6rem 1rem; text-align: left; }
#lecture-overlay.is-warning { border-left-color: #e8a000; }
#lecture-overlay h2 { all: unset; display: block; font-weight: 700; margin-bottom: .3rem; }
#lecture-overlay ul { list-style: none; margin: 0; padding: 0; }
#lecture-overlay li { margin: .15rem 0; }
#lecture-overlay code { font: 13px ui-monospace, monospace; }
#lecture-overlay .where { color: #555; margin-right: .5rem; }
#lecture-overlay .error { color: #c92a2a; font-weight: 600; }
#lecture-overlay .warning { color: #a46200; font-weight: 600; }
#lecture-overlay .info { color: #1864ab; font-weight: 600; }
#lecture-overlay .rule { color: #777; margin-left: .5rem; }
#lecture-overlay button { position: absolute; top: .3rem; right: .5rem; border: 0; background: none; font-size: 20px; cursor: pointer; }
`;

function markOverflows(overflows: DeckState['overflows']): void {
  for (const slide of Array.from(document.querySelectorAll('.lecture-overflow'))) {
    slide.classList.remove('lecture-overflow');
    slide.removeAttribute('data-lecture-overflow');
  }
  const slides = reveal?.getSlides() ?? [];
  for (const { slide, pixels } of overflows) {
    const section = slides[slide - 1];
    if (!section) continue;
    section.classList.add('lecture-overflow');
    section.setAttribute('data-lecture-overflow', `overflows by ${pixels} px`);
  }
}

function showOverlay(diagnostics: Diagnostic[]): void {
  document.getElementById('lecture-overlay')?.remove();
  if (diagnostics.length === 0) return;
  const overlay = document.createElement('aside');
  overlay.id = 'lecture-overlay';
  overlay.setAttribute('role', 'status');
  const errors = diagnostics.filter((item) => item.severity === 'error').length;
  overlay.className = errors > 0 ? 'is-error' : 'is-warning';
  const title = document.createElement('h2');
  title.textContent = `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in this lecture`;
  const list = document.createElement('ul');
  for (const item of diagnostics) {
    const entry = document.createElement('li');
    const where = document.createElement('code');
    where.className = 'where';
    where.textContent = `${item.file}${item.line ? `:${item.line}:${item.column ?? 1}` : ''}`;
    const severity = document.createElement('span');
    severity.className = item.severity;
    severity.textContent = item.severity;
    const rule = document.createElement('code');
    rule.className = 'rule';
    rule.textContent = item.ruleId ?? '';
    entry.append(where, severity, ` ${item.reason}`, rule);
    list.append(entry);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.title = 'Hide until the next change';
  close.textContent = '×';
  close.addEventListener('click', () => overlay.remove());
  overlay.append(close, title, list);
  document.body.append(overlay);
}

function start(): void {
  const element = document.createElement('style');
  element.textContent = style;
  document.head.append(element);
  const saved = sessionStorage.getItem(placeKey);
  if (saved && reveal) {
    sessionStorage.removeItem(placeKey);
    const place = JSON.parse(saved) as Indices;
    const go = () => reveal.slide(place.h, place.v, place.f);
    if (reveal.isReady()) go();
    else reveal.on('ready', go);
  }
  connect();
}

// Fitting can shrink the slides after the deck is ready; the marks follow the DOM, so show them again once ready.
if (reveal && !reveal.isReady()) reveal.on('ready', () => latest && show(latest));
start();
if (reveal && !receiver) {
  const read = () => void readServed().catch(() => undefined);
  if (reveal.isReady()) read();
  else reveal.on('ready', read);
}
