/**
 * Draw mermaid diagrams as SVG at build time, in the headless Chromium the
 * build already uses for fitting: mermaid lays text out with the browser's
 * own measurements, which no DOM emulation in Node does reliably. The page
 * loads mermaid's bundle shipped in `lib/vendor/` (nothing from the
 * network) and the deck's theme, whose colours and font the diagrams take.
 * One browser per call; results are kept per process, so a diagram drawn
 * once is not drawn again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../assets/package-root.js';
import { launchBrowser } from './launch.js';

/** A drawn diagram, or why it could not be drawn (with the diagram's line, when mermaid names one). */
export type DiagramResult = { svg: string } | { error: string; line?: number | undefined };

/** What to draw: the diagrams' sources and the deck's theme stylesheet. */
export interface DiagramRequest {
  sources: string[];
  /** Path of the theme's stylesheet, for its colours and font. */
  theme?: string | undefined;
  /** The browser to use; otherwise `CHROME_PATH` and the usual install locations. */
  browser?: string | undefined;
}

const drawn = new Map<string, DiagramResult>();

/** Draw each source; a source that fails gets its error, the others still draw. */
export async function renderDiagrams(request: DiagramRequest): Promise<DiagramResult[]> {
  const css = request.theme ? await readFile(request.theme, 'utf8').catch(() => '') : '';
  const keys = request.sources.map((source) => createHash('sha256').update(css).update('\0').update(source).digest('hex'));
  const missing = request.sources.filter((_, index) => !drawn.has(keys[index]!));
  if (missing.length > 0) {
    const results = await drawInBrowser(missing, css, request.browser);
    missing.forEach((source, index) => drawn.set(keys[request.sources.indexOf(source)]!, results[index]!));
  }
  return keys.map((key) => drawn.get(key)!);
}

/**
 * mermaid's browser bundle: the copy the package ships in `lib/vendor/`
 * (mermaid itself is not installed with it), or the development install's
 * while `lib/` has not been compiled yet.
 */
function mermaidScript(): string {
  const shipped = path.join(packageRoot(), 'lib', 'vendor', 'mermaid.min.js');
  return existsSync(shipped) ? shipped : createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
}

async function drawInBrowser(sources: string[], css: string, executablePath: string | undefined): Promise<DiagramResult[]> {
  const script = mermaidScript();
  const launched = await launchBrowser({ executablePath });
  try {
    const page = await launched.browser.newPage();
    // Remote fonts and images in a theme are never fetched: the page stays offline.
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort()));
    await page.setContent(`<!doctype html><html><head><style>${css.replace(/<\//g, '<\\/')}</style></head><body><div class="reveal"><div class="slides"><section></section></div></div></body></html>`);
    await page.addScriptTag({ path: path.resolve(script) });
    const ids = sources.map((source) => `mermaid-${createHash('sha256').update(source).digest('hex').slice(0, 10)}`);
    return await page.evaluate(drawAll, sources, ids);
  } finally {
    await launched.close();
  }
}

/** Runs in the page: read the theme's colours, then draw each diagram. Must not refer to anything outside itself. */
async function drawAll(sources: string[], ids: string[]): Promise<DiagramResult[]> {
  const section = document.querySelector('section')!;
  const style = getComputedStyle(section);
  const root = getComputedStyle(document.documentElement);
  const variable = (name: string, fallback: string) => (style.getPropertyValue(name) || root.getPropertyValue(name)).trim() || fallback;
  const background = variable('--r-background-color', '#ffffff');
  const text = variable('--r-main-color', '#222222');
  const heading = variable('--r-heading-color', text);
  const accent = variable('--lecture-accent', variable('--r-link-color', '#2a76dd'));
  const probe = document.createElement('div');
  probe.style.color = background;
  document.body.append(probe);
  const [r = 255, g = 255, b = 255] = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const dark = (r * 299 + g * 587 + b * 114) / 1000 < 128;
  const mermaid = (window as unknown as { mermaid: { initialize(config: unknown): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'base',
    htmlLabels: false,
    flowchart: { htmlLabels: false },
    fontFamily: variable('--r-main-font', 'sans-serif'),
    themeVariables: {
      darkMode: dark,
      background,
      primaryColor: dark ? '#2b3a55' : '#eef2f7',
      primaryTextColor: text,
      primaryBorderColor: heading,
      secondaryColor: dark ? '#3a3a3a' : '#fdf3e6',
      tertiaryColor: dark ? '#222222' : '#f7f7f7',
      lineColor: heading,
      textColor: text,
      noteBkgColor: dark ? '#444444' : '#fff8dc',
      noteTextColor: text,
      noteBorderColor: accent,
      // Diagram text a little smaller than the slide's text, as a figure's.
      fontSize: `${Math.round((parseFloat(variable('--r-main-font-size', '32px')) || 32) * 0.7)}px`,
    },
  });
  const results: DiagramResult[] = [];
  for (const [index, source] of sources.entries()) {
    try {
      const { svg } = await mermaid.render(ids[index]!, source);
      results.push({ svg });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = /line (\d+)/i.exec(message)?.[1];
      const lines = message.split('\n');
      const expecting = lines.find((text) => /^Expecting /.test(text));
      const summary = lines[0]!.replace(/:$/, '') + (expecting ? `: ${expecting.slice(0, 160)}` : '');
      results.push({ error: summary, line: line === undefined ? undefined : Number(line) });
    }
    document.querySelectorAll(`#d${ids[index]}, #${ids[index]}`).forEach((element) => element.remove());
  }
  return results;
}
