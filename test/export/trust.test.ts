/**
 * PDFs students can trust, read back from a real export: hidden slides of
 * every dialect stay out, the 3-up handout holds every word of the slides
 * (numbers and display formulas included), backgrounds print, emoji print
 * in colour from the course's emoji font, a character no font has is
 * reported at its line, and the course page links only PDFs of the deck as
 * it is (with a ZIP of them all). With `publish.notes: false`, notes stay
 * out of everything published and the notes PDF goes to the instructor.
 */
import { readFileSync, readdirSync, existsSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { exportPdf, type ExportResult } from '../../src/export/pdf.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { noisePng } from '../helpers/png.js';
import { readPdf } from '../helpers/pdf.js';

const courses: string[] = [];
function course(): string {
  const root = copyCourse('trust-course');
  writeFileSync(path.join(root, 'lectures', 'pandoc', 'bg.png'), noisePng(160, 120));
  courses.push(root);
  return root;
}

afterAll(() => {
  for (const root of courses) removeCourse(root);
});

/** Every word of a PDF, page by page. */
async function words(file: string): Promise<string[][]> {
  return (await readPdf(file)).pages.map((page) => page.text.split(/\s+/).filter(Boolean));
}

/** What the page `number` (1-based) of `file` paints: fill colours, images, shadings. */
async function paints(file: string, number: number): Promise<{ fills: string[]; images: number; shadings: number }> {
  const document = await getDocumentProxy(new Uint8Array(readFileSync(file)));
  const { OPS } = await getResolvedPDFJS();
  const list = await (await document.getPage(number)).getOperatorList();
  const result = { fills: [] as string[], images: 0, shadings: 0 };
  list.fnArray.forEach((fn, index) => {
    const args = list.argsArray[index] as unknown[];
    if (fn === OPS.setFillRGBColor) result.fills.push(String(args[0]));
    if (fn === OPS.paintImageXObject) result.images++;
    if (fn === OPS.setFillColorN && args[0] === 'Shading') result.shadings++;
  });
  await document.destroy();
  return result;
}

describe('an export with a 3-up handout', () => {
  let root: string;
  let result: ExportResult;
  const pdf = (name: string) => path.join(root, 'dist', name);
  beforeAll(async () => {
    root = course();
    result = await exportPdf({ root, progress: false, pdf: { handout: 3 } });
  }, 180_000);

  test('hidden slides of every dialect never reach a PDF, and the pages are numbered without them', async () => {
    for (const file of ['pandoc/pandoc.pdf', 'pandoc/pandoc-handout.pdf', 'revealmd/revealmd.pdf', 'revealmd/revealmd-handout.pdf']) {
      const text = (await words(pdf(file))).flat().join(' ');
      expect(text, file).not.toMatch(/HIDDEN|should never print|Hidden part/);
    }
    const pandoc = await readPdf(pdf('pandoc/pandoc.pdf'));
    expect(pandoc.pages).toHaveLength(8);
    expect(pandoc.pages.at(-1)!.text).toContain('8 / 8');
    expect((await readPdf(pdf('revealmd/revealmd.pdf'))).pages.map((page) => page.text)).toEqual([expect.stringContaining('1 / 2'), expect.stringContaining('2 / 2')]);
  });

  test('each handout holds every word of its slides: slide numbers and display formulas included', async () => {
    for (const slug of ['pandoc', 'revealmd']) {
      const slides = (await words(pdf(`${slug}/${slug}.pdf`))).flat();
      const handout = (await words(pdf(`${slug}/${slug}-handout.pdf`))).flat();
      const left = [...handout];
      const lost = slides.filter((word) => {
        const at = left.indexOf(word);
        if (at === -1) return true;
        left.splice(at, 1);
        return false;
      });
      expect(lost, slug).toEqual([]);
    }
    const sheets = await words(pdf('pandoc/pandoc-handout.pdf'));
    // The last slide of the first sheet (the third) keeps its number; the formula's sum is on its sheet.
    expect(sheets[0]!.join(' ')).toContain('3 / 8');
    expect(sheets.flat().join(' ')).toMatch(/∑/);
  });

  test('slide backgrounds print: colours, images and gradients', async () => {
    const file = pdf('pandoc/pandoc.pdf');
    const titles = (await readPdf(file)).pages.map((page) => page.text);
    const page = (title: string) => titles.findIndex((text) => text.includes(title)) + 1;
    expect((await paints(file, page('On red'))).fills).toContain('#ff0000');
    expect((await paints(file, page('On a picture'))).images).toBeGreaterThan(0);
    expect((await paints(file, page('On a gradient'))).shadings).toBeGreaterThan(0);
    expect((await paints(file, page('Visible text'))).images).toBe(0);
  });

  test('emoji print in colour from the emoji font; a character no font has is reported at its line', () => {
    const withEmoji = readFileSync(pdf('pandoc/pandoc.pdf')).toString('latin1');
    const without = readFileSync(pdf('revealmd/revealmd.pdf')).toString('latin1');
    // Chromium prints colour glyphs as Type 3 fonts; text fonts are embedded as TrueType.
    expect(withEmoji).toContain('/Type3');
    expect(without).not.toContain('/Type3');
    expect(readdirSync(path.join(root, 'dist', '_assets', 'fonts')).filter((name) => name.startsWith('emoji-'))).toHaveLength(1);
    const css = readFileSync(path.join(root, 'dist', '_assets', 'emoji.css'), 'utf8');
    expect(css).toContain('U+2705');
    expect(css).toContain('U+1F680');
    const missing = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'missing-glyph').map((message) => `${path.basename(file.path)}:${message.line} ${message.reason}`));
    expect(missing).toEqual([expect.stringMatching(/^pandoc\.md:53 No font has `⿥` \(U\+2FE5\)/)]);
  });

  test('the course page links every PDF with its size, and a ZIP of them all', () => {
    const page = readFileSync(pdf('index.html'), 'utf8');
    for (const file of ['pandoc/pandoc.pdf', 'pandoc/pandoc-handout.pdf', 'revealmd/revealmd.pdf', 'revealmd/revealmd-handout.pdf']) {
      expect(page).toMatch(new RegExp(`href="${file}">[^<]+<span class="size">[\\d.]+ kB</span>`));
    }
    const zip = unzipSync(new Uint8Array(readFileSync(pdf('pdfs.zip'))));
    expect(Object.keys(zip).sort()).toEqual(['pandoc-handout.pdf', 'pandoc.pdf', 'revealmd-handout.pdf', 'revealmd.pdf']);
    expect(Buffer.from(zip['pandoc.pdf']!).equals(readFileSync(pdf('pandoc/pandoc.pdf')))).toBe(true);
    // The record of decks names source files: it is kept in the cache folder, never published.
    expect(existsSync(pdf('.lecture-decks.json'))).toBe(false);
    expect(readdirSync(path.join(root, '.lecture-cache')).filter((name) => name.startsWith('decks-'))).toHaveLength(1);
  });

  test('after an edit, a build leaves the deck\'s older PDFs off the page with a warning', async () => {
    appendFileSync(path.join(root, 'lectures', 'pandoc', 'pandoc.md'), '\n## One more\n\nAdded after the export.\n');
    const rebuilt = await build({ root, fit: false });
    const page = readFileSync(pdf('index.html'), 'utf8');
    expect(page).not.toContain('href="pandoc/pandoc.pdf"');
    expect(page).toContain('href="revealmd/revealmd.pdf"');
    const stale = rebuilt.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'stale-pdf').map((message) => message.reason));
    expect(stale).toHaveLength(2);
    expect(stale).toEqual(expect.arrayContaining([expect.stringContaining('`pandoc/pandoc-handout.pdf` was printed from an earlier version'), expect.stringContaining('`pandoc/pandoc.pdf` was printed from an earlier version')]));
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(pdf('pdfs.zip'))))).sort()).toEqual(['revealmd-handout.pdf', 'revealmd.pdf']);
  }, 120_000);
});

describe('publish.notes: false', () => {
  test('speaker notes stay out of every published page and PDF; the notes PDF goes to the instructor', async () => {
    const root = course();
    const result = await exportPdf({ root, progress: false, overrides: { publish: { notes: false } }, pdf: { notes: 'below' } });
    expect(result.failed).toBe(false);
    expect(readFileSync(path.join(root, 'dist', 'pandoc', 'index.html'), 'utf8')).not.toContain('Private remark');
    expect((await words(path.join(root, 'dist', 'pandoc', 'pandoc.pdf'))).flat().join(' ')).not.toContain('Private');
    expect(existsSync(path.join(root, 'dist', 'pandoc', 'pandoc-notes.pdf'))).toBe(false);
    expect(readFileSync(path.join(root, 'dist', 'index.html'), 'utf8')).not.toContain('-notes.pdf');
    const notes = await readPdf(path.join(root, 'quiz-keys', 'pandoc-notes.pdf'));
    expect(notes.pages.map((page) => page.text).join(' ')).toContain('Private remark for the instructor');
  }, 180_000);
});
