/**
 * The library's `pdf()`: the function `lecture pdf` runs, with the command's
 * options by name, in a real headless Chromium; its PDFs read back.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ConfigError, pdf, type PdfOptions, type PdfResult } from '../../src/index.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { readPdf } from '../helpers/pdf.js';

const root = copyCourse('pdf-course');
afterAll(() => removeCourse(root));

describe('pdf()', () => {
  test('exports the decks named, with the options of the command, into the output folder asked for', async () => {
    const options: PdfOptions = { root, paths: [path.join(root, 'lectures/deck')], out: 'site', handout: 2, notes: 'separate', pageNumbers: false, fit: false, jobs: 0, version: '9.9.9' };
    const result: PdfResult = await pdf(options);
    expect(result.failed).toBe(false);
    expect(result.out).toBe(path.join(root, 'site'));
    expect(result.pdfs.map((written) => [written.kind, path.relative(root, written.file)]).sort()).toEqual([
      ['handout', 'site/deck/deck-handout.pdf'],
      ['notes', 'site/deck/deck-notes.pdf'],
      ['slides', 'site/deck/deck.pdf'],
    ]);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    const slides = await readPdf(path.join(root, 'site/deck/deck.pdf'));
    expect(slides.pages).toHaveLength(8);
    // No page numbers: the last slide's "8 / 8" is not printed.
    expect(slides.pages[7]!.text).not.toMatch(/8 \/ 8/);
    expect(String(slides.info.Creator)).toContain('9.9.9');
    // Two slides per sheet: 8 slides on 4 A4 pages.
    expect((await readPdf(path.join(root, 'site/deck/deck-handout.pdf'))).pages).toHaveLength(4);
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toContain('deck/deck.pdf');
  }, 120_000);

  test('a wrong option is refused before any browser starts, in the words of the config', async () => {
    await expect(pdf({ root, handout: 4 as PdfOptions['handout'] })).rejects.toThrow(new ConfigError('pdf(): `pdf.handout` must be 0, 2, 3 or 6'));
    await expect(pdf({ root, timeout: -1 })).rejects.toThrow(ConfigError);
    await expect(pdf({ root, jobs: 1.5 })).rejects.toThrow(ConfigError);
  });
});
