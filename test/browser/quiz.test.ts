/**
 * Quizzes in a real Chromium: answered wrong then right, by keyboard alone
 * and by click, with the feedback and explanation shown; reveal.js keeps its
 * own keys; the page holds no readable answer; print shows lettered options
 * and no answer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import type { DeckKey } from '../../src/course/quiz-keys.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import '../helpers/reveal.js';


describe('quizzes in Chromium', () => {
  let course: string;
  let page: Page;
  let html: string;
  const errors: string[] = [];

  const result = (id: string) => page.$eval(`#${id} .quiz-result`, (element) => element.textContent);
  const classes = (id: string) => page.$$eval(`#${id} .quiz-option`, (options) => options.map((option) => option.className.replace('quiz-option', '').trim()));
  const feedback = (id: string) => page.$$eval(`#${id} .quiz-feedback`, (items) => items.map((item) => item.textContent));
  const explanation = (id: string) => page.$eval(`#${id}`, (form) => form.querySelector('.quiz-explanation')?.textContent?.trim() ?? null);

  beforeAll(async () => {
    course = copyCourse('quiz-course');
    const built = await build({ root: course });
    expect(built.failed).toBe(false);
    html = readFileSync(path.join(course, 'dist/quizzes/index.html'), 'utf8');
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('pageerror', (error) => errors.push(String(error)));
  });

  beforeEach(async () => {
    await page.goto(pathToFileURL(path.join(course, 'dist/quizzes/index.html')).href, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready);
  });

  afterAll(async () => {
    await closeBrowser();
    removeCourse(course);
  });

  test('answered wrong, then right, with the keyboard alone', async () => {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.Reveal.getIndices().h === 1);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Not quite. Try again.');
    expect(await classes('quiz-1')).toEqual(['is-wrong', '', '']);
    expect((await feedback('quiz-1'))[0]).toBe('Compose files are read by docker compose.');
    expect(await explanation('quiz-1')).toBeNull();

    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Correct!');
    expect(await classes('quiz-1')).toEqual(['', 'is-correct', '']);
    expect((await feedback('quiz-1'))[1]).toBe('Yes, the Dockerfile in the build context.');
    expect(await explanation('quiz-1')).toBe('The build reads the Dockerfile and the build context next to it.');
    await page.screenshot({ path: path.join(course, 'quiz-answered.png') });

    // Tab to Reset and press Space: the quiz clears and reveal.js stays on this slide.
    await page.focus('#quiz-1 .quiz-reset');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.querySelector('#quiz-1 .is-correct'));
    expect(await result('quiz-1')).toBe('');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
  });

  test('Space on the focused Check button checks instead of changing slide', async () => {
    await page.evaluate(() => window.Reveal.slide(1));
    await page.keyboard.press('2');
    await page.focus('#quiz-1 .quiz-check');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('#quiz-1 .quiz-result')?.textContent !== '');
    expect(await result('quiz-1')).toBe('Correct!');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
  });

  test('several answers with checkboxes, by click', async () => {
    await page.evaluate(() => window.Reveal.slide(2));
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(await page.$$eval('#quiz-2 input', (inputs) => inputs.map((input) => (input as HTMLInputElement).type))).toEqual(['checkbox', 'checkbox', 'checkbox']);
    const labels = await page.$$('#quiz-2 .quiz-option label');
    await labels[0]!.click();
    await page.click('#quiz-2 .quiz-check');
    expect(await result('quiz-2')).toBe('Not quite: check every correct option and no other. Try again.');
    expect(await classes('quiz-2')).toEqual(['is-correct', '', '']);
    await labels[2]!.click();
    await page.click('#quiz-2 .quiz-check');
    expect(await result('quiz-2')).toBe('Correct!');
    expect(await explanation('quiz-2')).toBe('pid and net are namespaces; there is no disk namespace.');
  });

  test('the options have the roles and names assistive technology needs', async () => {
    const roles = await page.$$eval('form.quiz ol.quiz-options', (lists) => lists.map((list) => list.getAttribute('role')));
    expect(roles).toEqual(['radiogroup', 'group']);
    const label = await page.$eval('#quiz-1 ol', (list) => document.getElementById(list.getAttribute('aria-labelledby') ?? '')?.textContent?.trim());
    expect(label).toBe('What does docker build read?');
    expect(await page.$eval('#quiz-1 .quiz-result', (element) => element.getAttribute('aria-live'))).toBe('polite');
  });

  test('the page holds no readable answer', () => {
    const keys = JSON.parse(readFileSync(path.join(course, 'quiz-keys/quizzes.json'), 'utf8')) as DeckKey;
    const correct = keys.quizzes.flatMap((quiz) => quiz.options.filter((option) => option.correct).map((option) => option.id));
    expect(correct).toEqual(['quiz-1/b', 'quiz-2/a', 'quiz-2/c']);
    for (const id of correct) expect(html).not.toContain(id);
    for (const secret of ['The build reads the Dockerfile', 'Yes, the Dockerfile', 'there is no disk namespace', 'data-quiz-correct', 'checked']) {
      expect(html).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  });

  test('printed, a quiz is its question with lettered options and no answer, even after answering', async () => {
    await page.evaluate(() => window.Reveal.slide(1));
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await page.emulateMediaType('print');
    const printed = await page.$eval('#quiz-1', (form) => ({
      looks: Array.from(form.querySelectorAll('.quiz-option')).map((option) => {
        const style = getComputedStyle(option);
        return `${style.borderColor} ${style.backgroundColor}`;
      }),
      letters: Array.from(form.querySelectorAll('.quiz-letter')).map((letter) => letter.textContent),
      inputs: Array.from(form.querySelectorAll('input')).map((input) => getComputedStyle(input).display),
      actions: getComputedStyle(form.querySelector('.quiz-actions')!).display,
      text: (form as HTMLElement).innerText,
    }));
    await page.emulateMediaType('screen');
    expect(printed.letters).toEqual(['A', 'B', 'C']);
    expect(new Set(printed.looks).size).toBe(1);
    expect(printed.inputs).toEqual(['none', 'none', 'none']);
    expect(printed.actions).toBe('none');
    expect(printed.text).not.toMatch(/Dockerfile in the build context|Correct|✓/);
  });
});
