/**
 * Classroom mode end to end in headless Chromium: one presenter and two
 * students (separate browser contexts, so separate cookies). The students
 * follow the presenter's slides, one browses back and catches up with
 * "Follow"; both answer; the presenter's chart counts them; the reveal
 * tells each whether they were right; the results file lists both. The
 * students' pages hold no answer and no hash.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type ServeHandle } from '../../src/serve/serve.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { fixturesRoot } from '../helpers/fixtures.js';
import '../helpers/reveal.js';

let root: string;
let handle: ServeHandle;
const contexts: BrowserContext[] = [];
let presenter: Page;
let students: Page[];

async function joined(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(handle.classroom!.joinUrl.replace(/^http:\/\/[^/]+/, handle.url.replace(/\/$/, '')), { waitUntil: 'load' });
  return page;
}

/** Reveal's position on `page`. */
function at(page: Page) {
  return page.evaluate(() => ({ ...window.Reveal.getIndices(), deck: location.pathname }));
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lecture-classroom-'));
  cpSync(path.join(fixturesRoot, 'quiz-course'), root, { recursive: true });
  handle = await serve({ root, port: 0, host: '127.0.0.1', fit: false, classroom: true });
  const chromium = await browser();
  for (let index = 0; index < 3; index++) contexts.push(await chromium.createBrowserContext());
  presenter = await contexts[0]!.newPage();
  await presenter.goto(handle.classroom!.presenterUrl.replace('127.0.0.1', new URL(handle.url).hostname), { waitUntil: 'load' });
  await presenter.goto(`${handle.url}quizzes/`, { waitUntil: 'load' });
  await presenter.waitForFunction(() => window.Reveal?.isReady() && document.getElementById('lecture-classroom') !== null);
  await presenter.evaluate(() => window.Reveal.slide(1, 0));
  students = [await joined(contexts[1]!), await joined(contexts[2]!)];
  for (const page of students) await page.waitForFunction(() => window.Reveal?.isReady() && location.pathname === '/quizzes/', { timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await closeBrowser();
  await handle.close();
  rmSync(root, { recursive: true, force: true });
});

describe('classroom mode', () => {
  test('late joiners land on the presenter\'s slide, and students follow its moves', async () => {
    for (const page of students) await page.waitForFunction(() => window.Reveal.getIndices().h === 1, { timeout: 20_000 });
    await presenter.evaluate(() => window.Reveal.slide(2, 0));
    for (const page of students) await page.waitForFunction(() => window.Reveal.getIndices().h === 2, { timeout: 20_000 });
    await presenter.waitForFunction(() => document.querySelector('#lecture-classroom .students')?.textContent === '2 students', { timeout: 20_000 });
  });

  test('a student who browses back stops following, and "Follow" catches up', async () => {
    const [first] = students;
    await first!.evaluate(() => window.Reveal.slide(0, 0));
    await first!.waitForSelector('button.lecture-follow:not([hidden])');
    await presenter.evaluate(() => window.Reveal.slide(1, 0));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await at(first!)).h).toBe(0);
    await first!.evaluate(() => document.querySelector<HTMLButtonElement>('button.lecture-follow')!.click());
    await first!.waitForFunction(() => window.Reveal.getIndices().h === 1, { timeout: 20_000 });
    await students[1]!.waitForFunction(() => window.Reveal.getIndices().h === 1, { timeout: 20_000 });
  });

  test('answers are counted live, the reveal tells each student, and the results list them', async () => {
    const quiz = await presenter.evaluate(() => window.Reveal.getCurrentSlide().querySelector('form.quiz')!.id);
    // The first student answers right (the Dockerfile), the second wrong (the compose file).
    const choose = async (page: Page, text: string) => {
      await page.evaluate((wanted, id) => {
        const option = Array.from(document.querySelectorAll<HTMLLIElement>(`#${id} .quiz-option`)).find((item) => item.textContent?.includes(wanted));
        option!.querySelector('input')!.click();
        document.querySelector<HTMLButtonElement>(`#${id} .quiz-check`)!.click();
      }, text, quiz);
      await page.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('Answer sent'), { timeout: 20_000 }, quiz);
    };
    await choose(students[0]!, 'a Dockerfile');
    await choose(students[1]!, 'a compose file');
    await presenter.waitForFunction((id) => document.querySelector(`#lecture-classroom [data-quiz="${id}"] .summary span`)?.textContent === '2 answered', { timeout: 20_000 }, quiz);
    const counts = await presenter.$$eval(`#lecture-classroom [data-quiz="${quiz}"] .bar .count`, (cells) => cells.map((cell) => cell.textContent));
    expect(counts).toEqual(['1', '1', '0']);
    await presenter.evaluate((id) => document.querySelector<HTMLButtonElement>(`#lecture-classroom [data-quiz="${id}"] button.reveal`)!.click(), quiz);
    await students[0]!.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent === 'Correct!', { timeout: 20_000 }, quiz);
    await students[1]!.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('Not quite'), { timeout: 20_000 }, quiz);
    expect(await students[1]!.$eval(`#${quiz} .quiz-option.is-correct .quiz-text`, (element) => element.textContent)).toBe('a Dockerfile');
    await presenter.waitForFunction((id) => document.querySelector(`#lecture-classroom [data-quiz="${id}"] .bar.correct`) !== null, { timeout: 20_000 }, quiz);
    // After the reveal, answers are closed.
    const late = await students[1]!.evaluate((id) => document.querySelector<HTMLInputElement>(`#${id} input`)!.disabled, quiz);
    expect(late).toBe(true);
    const files = readdirSync(handle.classroom!.results).filter((name) => name.endsWith('-quizzes.json'));
    expect(files).toHaveLength(1);
    const results = JSON.parse(readFileSync(path.join(handle.classroom!.results, files[0]!), 'utf8')) as { quizzes: Array<{ id: string; answers: Array<{ student: string; answer: string; right: boolean }> }> };
    const answers = results.quizzes.find((entry) => entry.id === quiz)!.answers;
    expect(answers.map(({ student, answer, right }) => ({ student, answer, right }))).toEqual([
      { student: 's01', answer: 'B', right: true },
      { student: 's02', answer: 'A', right: false },
    ]);
    const csv = await presenter.evaluate(async () => (await fetch('/_lecture/results.csv')).text());
    expect(csv.split('\r\n')[0]).toBe('deck,quiz,question,student,answer,right,answered_at,seconds');
    expect(csv).toContain(',s01,B,true,');
  });

  test('fill-in and ordering questions, in another deck the students are taken to', async () => {
    await presenter.goto(`${handle.url}kinds/`, { waitUntil: 'load' });
    await presenter.waitForFunction(() => window.Reveal?.isReady());
    await presenter.evaluate(() => window.Reveal.slide(1, 0));
    for (const page of students) await page.waitForFunction(() => location.pathname === '/kinds/' && window.Reveal?.isReady() && window.Reveal.getIndices().h === 1, { timeout: 20_000 });
    const [first, second] = students as [Page, Page];
    const fill = await first.evaluate(() => window.Reveal.getCurrentSlide().querySelector('form.quiz')!.id);
    await first.evaluate((id) => {
      const [city, stream] = Array.from(document.querySelectorAll<HTMLInputElement>(`#${id} input.quiz-blank`));
      city!.value = '  paris ';
      stream!.value = 'STDOUT';
      document.querySelector<HTMLButtonElement>(`#${id} .quiz-check`)!.click();
    }, fill);
    await first.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('Answer sent'), { timeout: 20_000 }, fill);
    await presenter.evaluate((id) => document.querySelector<HTMLButtonElement>(`#lecture-classroom [data-quiz="${id}"] button.reveal`)!.click(), fill);
    await first.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent === 'Correct!', { timeout: 20_000 }, fill);
    await second.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('The answer is shown'), { timeout: 20_000 }, fill);

    await presenter.evaluate(() => window.Reveal.slide(2, 0));
    await second.waitForFunction(() => window.Reveal.getIndices().h === 2, { timeout: 20_000 });
    const order = await second.evaluate(() => window.Reveal.getCurrentSlide().querySelector('form.quiz')!.id);
    // The items come shuffled, never in the right order: sent as shown, the answer is wrong.
    await second.evaluate((id) => document.querySelector<HTMLButtonElement>(`#${id} .quiz-check`)!.click(), order);
    await second.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('Answer sent'), { timeout: 20_000 }, order);
    await presenter.evaluate((id) => document.querySelector<HTMLButtonElement>(`#lecture-classroom [data-quiz="${id}"] button.reveal`)!.click(), order);
    await second.waitForFunction((id) => document.querySelector(`#${id} .quiz-result`)?.textContent?.startsWith('Not quite'), { timeout: 20_000 }, order);
    const shown = await second.$$eval(`#${order} .quiz-order-item .quiz-text`, (items) => items.map((item) => item.textContent));
    expect(shown).toEqual(['Read the Dockerfile', 'Send the build context', 'Run each instruction', 'Tag the image']);
  });

  test('a server stopped and started again resumes the session: the decks reconnect by themselves and follow', async () => {
    const port = handle.port;
    await handle.close();
    handle = await serve({ root, port, host: '127.0.0.1', fit: false, classroom: true });
    expect(handle.port).toBe(port);
    expect(handle.classroom?.resumed).toBe(true);
    await presenter.waitForFunction(() => document.querySelector('#lecture-classroom .status:not(.offline)') !== null, { timeout: 20_000 });
    await presenter.evaluate(() => window.Reveal.slide(3, 0));
    for (const page of students) await page.waitForFunction(() => window.Reveal.getIndices().h === 3, { timeout: 20_000 });
    // A whole serve start (a build of the course) and the decks' reconnection: more than the default 30 s on a busy machine.
  }, 90_000);

  test('the students\' pages hold no answer and no hash; the results are the presenter\'s alone', async () => {
    const html = await students[0]!.evaluate(async () => (await fetch(location.pathname)).text());
    expect(html).not.toMatch(/data-answers|data-salt|data-tokens|data-explanation|data-feedback/);
    expect(html).not.toContain('The build reads the Dockerfile and the build context');
    expect(await students[0]!.evaluate(async () => (await fetch('/_lecture/results.csv')).status)).toBe(403);
  });
});
