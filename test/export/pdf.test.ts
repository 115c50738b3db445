/**
 * `exportPdf` in a real headless Chromium, each PDF read back: page counts
 * per mode, titles as text, outline, properties, nothing lost from an
 * overflowing two-column slide, an image stored once, a failing deck
 * reported while the others finish, and no browser process left behind.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportPdf, type ExportResult } from '../../src/export/pdf.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { messageLines } from '../helpers/fixtures.js';
import { noisePng } from '../helpers/png.js';
import { imagesOnPage, readPdf, type ReadPdf } from '../helpers/pdf.js';
import { processesUsing } from '../helpers/processes.js';
import { clipWebm } from '../helpers/webm.js';

/** Browser profiles of this file go under their own temporary folder, so leftover processes can be found. */
const profiles = mkdtempSync(path.join(os.tmpdir(), 'lecture-pdf-test-'));
const previousTmp = process.env.TMPDIR;

/** Processes whose command line mentions this file's profile folder. */
const leftoverBrowsers = () => processesUsing(profiles);

const logo = noisePng(240, 160);
const fullChromium = '/usr/bin/chromium';
const root = copyCourse('pdf-course');
writeFileSync(path.join(root, 'lectures', 'deck', 'logo.png'), logo);
const deckPdf = (name: string) => path.join(root, 'dist', 'deck', name);

beforeAll(() => {
  process.env.TMPDIR = profiles;
});

afterAll(() => {
  process.env.TMPDIR = previousTmp;
  removeCourse(root);
  rmSync(profiles, { recursive: true, force: true });
});

describe('slides, notes below and a 6-up handout', () => {
  let result: ExportResult;
  let slides: ReadPdf;
  beforeAll(async () => {
    result = await exportPdf({ root, progress: false, answers: true, pdf: { notes: 'below', handout: 6 } });
    slides = await readPdf(deckPdf('deck.pdf'));
  }, 120_000);

  test('one page per slide at the deck size, titles as text', () => {
    expect(slides.pages).toHaveLength(8);
    expect(slides.pages.map((page) => [Math.round((page.width * 4) / 3), Math.round((page.height * 4) / 3)])).toEqual(Array(8).fill([960, 700]));
    const titles = ['Printing lectures', 'Basics', 'Fragments', 'The logo', 'Details', 'Again the logo', 'Two crowded columns', 'Last logo'];
    titles.forEach((title, index) => expect(slides.pages[index]!.text).toContain(title));
    expect(slides.pages[2]!.text).toContain('second step');
    expect(slides.pages[7]!.text).toMatch(/8 \/ 8/);
  });

  test('outline of sections and slides, and the document properties', () => {
    // Untagged by default: the outline is ours, each section holding its slides, each entry at its page.
    expect(slides.tagged).toBe(false);
    expect(slides.entries).toEqual([
      { title: 'Printing lectures', depth: 0, page: 0 },
      { title: 'Basics', depth: 0, page: 1 },
      { title: 'Fragments', depth: 1, page: 2 },
      { title: 'The logo', depth: 1, page: 3 },
      { title: 'Details', depth: 0, page: 4 },
      { title: 'Again the logo', depth: 1, page: 5 },
      { title: 'Two crowded columns', depth: 1, page: 6 },
      { title: 'Last logo', depth: 1, page: 7 },
    ]);
    expect(slides.info.Title).toBe('Printing lectures');
    expect(slides.info.Author).toBe('Ada Lovelace, Alan Turing');
    expect(slides.info.Subject).toBe('What a PDF must keep');
    expect(slides.info.Keywords).toContain('pdf');
  });

  test('every word of an overflowing two-column slide is in the PDF, and the overflow is reported at its line', () => {
    const text = slides.pages[6]!.text;
    for (const word of ['alphaword', 'golfword', 'hotelword', 'romeoword', 'sierraword']) expect(text).toContain(word);
    const deck = result.files.find((file) => file.path.endsWith('deck.md'))!;
    const lines = messageLines(deck).split('\n').filter((line) => line.includes('slide-overflow'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^37:1-37:1 warning Slide 7 overflows its page by \d+ px; printed at \d+% in the PDF/);
  });

  test('an image used on three slides is stored once', () => {
    expect(slides.bytes).toBeLessThan(logo.length * 1.6);
  });

  test('notes under their slide on taller pages; the handout on A4 sheets', async () => {
    const notes = await readPdf(deckPdf('deck-notes.pdf'));
    expect(notes.pages).toHaveLength(8);
    expect((notes.pages[0]!.height * 4) / 3).toBeCloseTo(1050, -1);
    expect(notes.pages[2]!.text).toContain('Say why fragments matter');
    const handout = await readPdf(deckPdf('deck-handout.pdf'));
    expect(handout.pages.map((page) => [Math.round(page.width), Math.round(page.height)])).toEqual([
      [595, 842],
      [595, 842],
    ]);
    expect(handout.pages[1]!.text).toContain('Last logo');
  });

  test('a deck with a missing image still exports, and the course page links the PDFs (notes too: they are public)', async () => {
    const missing = await readPdf(path.join(root, 'dist', 'missing', 'missing.pdf'));
    expect(missing.pages.map((page) => page.text).join(' ')).toContain('Text after the missing picture');
    const page = readFileSync(path.join(root, 'dist', 'index.html'), 'utf8');
    expect(page).toContain('href="deck/deck.pdf"');
    expect(page).toContain('href="deck/deck-handout.pdf"');
    expect(page).toContain('href="deck/deck-notes.pdf"');
    expect(page).toMatch(/href="missing\/missing.pdf">PDF <span class="size">\d+ kB<\/span>/);
    expect(page).toContain('href="pdfs.zip"');
  });

  test('a quiz prints as lettered options with no answer; the answers PDF goes to the key folder, not the site', async () => {
    const quiz = (await readPdf(path.join(root, 'dist', 'missing', 'missing.pdf'))).pages[2]!.text;
    expect(quiz).toMatch(/A logo\.png B nowhere\.png/);
    expect(quiz).not.toMatch(/✓|Check|Reset/);
    const answers = await readPdf(path.join(root, 'quiz-keys', 'missing-answers.pdf'));
    expect(answers.pages.map((page) => page.text).join(' ')).toMatch(/B\. nowhere\.png ✓/);
    expect(readdirSync(path.join(root, 'dist', 'missing'))).not.toContain('missing-answers.pdf');
  });
});

describe('fragments, notes on their own pages, a 3-up handout and answers', () => {
  test('page counts follow the mode', async () => {
    await exportPdf({ root, paths: [path.join(root, 'lectures', 'deck')], progress: false, pdf: { fragments: true, notes: 'separate', handout: 3 } });
    const slides = await readPdf(deckPdf('deck.pdf'));
    expect(slides.pages).toHaveLength(10);
    expect(slides.pages[2]!.text).not.toContain('first step');
    expect(slides.pages[3]!.text).toContain('first step');
    expect(slides.pages[3]!.text).not.toContain('second step');
    expect(slides.pages[4]!.text).toContain('second step');
    // One entry per slide, at its first step; later slides at their page after the extra steps.
    expect(slides.entries.filter((entry) => entry.title === 'Fragments')).toEqual([{ title: 'Fragments', depth: 1, page: 2 }]);
    expect(slides.entries.find((entry) => entry.title === 'The logo')!.page).toBe(5);
    const notes = await readPdf(deckPdf('deck-notes.pdf'));
    expect(notes.pages).toHaveLength(12);
    expect(notes.pages[5]!.text).toContain('Notes: slide 3, Fragments');
    const handout = await readPdf(deckPdf('deck-handout.pdf'));
    expect(handout.pages).toHaveLength(3);
    // Three slides to a sheet: the outline points at the sheet each slide is on.
    expect(handout.entries.find((entry) => entry.title === 'Details')!.page).toBe(1);
    expect(handout.entries.find((entry) => entry.title === 'Last logo')!.page).toBe(2);
  }, 120_000);

  test('--tagged makes an accessible PDF whose outline is Chromium\'s, from the headings', async () => {
    await exportPdf({ root, paths: [path.join(root, 'lectures', 'deck')], progress: false, pdf: { tagged: true } });
    const tagged = await readPdf(deckPdf('deck.pdf'));
    expect(tagged.tagged).toBe(true);
    expect(tagged.outline).toEqual(expect.arrayContaining(['Printing lectures', 'Basics', 'Fragments', 'Details', 'Two crowded columns']));
    expect(tagged.info.Author).toBe('Ada Lovelace, Alan Turing');
  }, 120_000);
});

describe('failures', () => {
  let server: Server;
  let requests = 0;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/never.png') return; // never answers
      // The first request for /crash.png kills the browser, as a crash would; the retry gets the image.
      if (requests++ === 0) for (const pid of leftoverBrowsers()) process.kill(pid, 'SIGKILL');
      response.writeHead(200, { 'content-type': 'image/png' }).end(logo);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  test('a hung deck times out and is reported, a crashed browser is relaunched, the others finish, no process survives', async () => {
    const { port } = server.address() as AddressInfo;
    const course = copyCourse('pdf-course');
    try {
      rmSync(path.join(course, 'lectures', 'deck'), { recursive: true });
      mkdirSync(path.join(course, 'lectures', 'hung'));
      writeFileSync(path.join(course, 'lectures', 'hung', 'hung.md'), `# Hung\n\n## Waiting\n\n![never](http://127.0.0.1:${port}/never.png)\n`);
      writeFileSync(path.join(course, 'lectures', 'crash.md'), `# Crash\n\n## Recovered\n\n![crash](http://127.0.0.1:${port}/crash.png)\n`);
      const result = await exportPdf({ root: course, progress: false, pdf: { timeout: 3, jobs: 1 } });
      const hung = result.files.find((file) => file.path.endsWith('hung.md'))!;
      expect(messageLines(hung)).toMatch(/error Cannot export the PDF of `hung`: timed out after 3 s pdf-failed/);
      expect(result.failed).toBe(true);
      expect((await readPdf(path.join(course, 'dist', 'crash', 'crash.pdf'))).pages[1]!.text).toContain('Recovered');
      expect((await readPdf(path.join(course, 'dist', 'missing', 'missing.pdf'))).pages).toHaveLength(3);
      expect(leftoverBrowsers()).toEqual([]);
    } finally {
      removeCourse(course);
    }
  }, 120_000);

  test('lecture build --pdf fits and prints with one browser, and the course page links the PDF', async () => {
    const course = copyCourse('pdf-course');
    writeFileSync(path.join(course, 'lectures', 'deck', 'logo.png'), logo);
    const launched = new Set<string>();
    const watcher = watch(profiles, (_, name) => name?.startsWith('lecture-chromium-') && launched.add(name));
    try {
      const bin = path.resolve('lib/cli/bin.js');
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'build', '--pdf', '--root', course, path.join(course, 'lectures', 'deck')], { env: { ...process.env, TMPDIR: profiles } });
      expect(stdout).toMatch(/Built 1 deck .*\nExported 1 PDF \(8 pages\)/);
      expect((await readPdf(path.join(course, 'dist', 'deck', 'deck.pdf'))).pages).toHaveLength(8);
      expect(readFileSync(path.join(course, 'dist', 'index.html'), 'utf8')).toContain('href="deck/deck.pdf"');
      // Fitting the fresh deck and printing it shared one browser (one profile).
      expect(launched.size).toBe(1);
      expect(leftoverBrowsers()).toEqual([]);
    } finally {
      watcher.close();
      removeCourse(course);
    }
  }, 120_000);

  // The other tests run in a headless shell where one is installed (CI installs both).
  test.skipIf(!existsSync(fullChromium))('the full browser, chosen with CHROME_PATH, fits and prints the same deck', async () => {
    const course = copyCourse('pdf-course');
    writeFileSync(path.join(course, 'lectures', 'deck', 'logo.png'), logo);
    try {
      const bin = path.resolve('lib/cli/bin.js');
      const { stdout } = await promisify(execFile)(process.execPath, [bin, 'build', '--pdf', '--root', course, path.join(course, 'lectures', 'deck')], { env: { ...process.env, TMPDIR: profiles, CHROME_PATH: fullChromium } });
      expect(stdout).toMatch(/Exported 1 PDF \(8 pages\)/);
      const pdf = await readPdf(path.join(course, 'dist', 'deck', 'deck.pdf'));
      expect(pdf.pages).toHaveLength(8);
      expect(pdf.pages[0]!.text).toContain('Printing lectures');
      expect(leftoverBrowsers()).toEqual([]);
    } finally {
      removeCourse(course);
    }
  }, 120_000);

  test('media on paper: a video prints its first frame, audio, documents and a missing video a labelled box', async () => {
    const course = copyCourse('pdf-course');
    try {
      rmSync(path.join(course, 'lectures', 'deck'), { recursive: true });
      rmSync(path.join(course, 'lectures', 'missing.md'));
      const folder = path.join(course, 'lectures', 'media');
      mkdirSync(folder);
      writeFileSync(path.join(folder, 'clip.webm'), clipWebm);
      writeFileSync(path.join(folder, 'talk.ogg'), clipWebm);
      writeFileSync(path.join(folder, 'paper.pdf'), '%PDF-1.4\n%%EOF\n');
      writeFileSync(path.join(folder, 'poster.png'), noisePng(160, 90));
      const lecture = '# Media\n\n## A video\n\n![The clip](clip.webm){width=60%}\n\n## Audio and a paper\n\n![](talk.ogg)\n\n![The paper](paper.pdf)\n\n## Lost\n\n![Lost clip](lost.mp4)\n\n## Poster\n\n![Lost clip with a poster](lost.mp4){poster=poster.png}\n';
      writeFileSync(path.join(folder, 'media.md'), lecture);
      await exportPdf({ root: course, progress: false });
      const file = path.join(course, 'dist', 'media', 'media.pdf');
      const pdf = await readPdf(file);
      expect(pdf.pages.map((page) => page.text)).toEqual([
        expect.stringContaining('Media'),
        expect.stringContaining('The clip'),
        expect.stringMatching(/Audio.*Document The paper/),
        expect.stringContaining('Video Lost clip'),
        expect.stringContaining('Lost clip with a poster'),
      ]);
      expect(pdf.pages[1]!.text).not.toContain('Video');
      expect(await imagesOnPage(file, 2)).toBe(1);
      // A poster is what a video prints, even when the video itself is missing.
      expect(pdf.pages[4]!.text).not.toContain('Video');
      expect(await imagesOnPage(file, 5)).toBe(1);
    } finally {
      removeCourse(course);
    }
  }, 120_000);

  test('no browser: exit 2 with one line saying how to install one', async () => {
    const bin = path.resolve('lib/cli/bin.js');
    const failure = await promisify(execFile)(process.execPath, [bin, 'pdf', '--root', root], { env: { ...process.env, CHROME_PATH: '/nowhere/chrome' } }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim()).toBe("lecture: No browser at `/nowhere/chrome` (from CHROME_PATH); run `npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer` (no administrator rights needed), or install Chromium with the system's package manager, or set CHROME_PATH (see docs/install.md)");
  });
});
