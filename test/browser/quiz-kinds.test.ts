/**
 * Fill-in-the-blank and ordering questions, hints, the score summary and
 * the quiz strings in a real Chromium: answered wrong then right with the
 * keyboard alone, case and extra whitespace ignored in blanks, several
 * accepted answers, items moved with Alt+↑/↓, the explanation opening only
 * for the right answer, and a French deck's buttons and messages in French.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import type { DeckKey } from '../../src/course/quiz-keys.js';
import { browser, closeBrowser } from '../helpers/browser.js';
import { copyCourse, removeCourse } from '../helpers/course.js';
import '../helpers/reveal.js';

describe('question kinds in Chromium', () => {
  let course: string;
  let page: Page;
  let keys: DeckKey;
  const errors: string[] = [];

  const result = (id: string) => page.$eval(`#${id} .quiz-result`, (element) => element.textContent);
  const explanation = (id: string) => page.$eval(`#${id}`, (form) => form.querySelector('.quiz-explanation')?.textContent?.trim() ?? null);
  const shownOrder = () => page.$$eval('#quiz-2 .quiz-text', (items) => items.map((item) => item.textContent?.trim() ?? ''));
  const open = async (slug: string, slide: number) => {
    // A fresh page each time: going to the same deck at another slide would only change the hash.
    await page.goto('about:blank');
    await page.goto(`${pathToFileURL(path.join(course, `dist/${slug}/index.html`)).href}#/${slide}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.Reveal?.isReady());
  };

  beforeAll(async () => {
    course = copyCourse('quiz-course');
    const built = await build({ root: course });
    expect(built.failed).toBe(false);
    keys = JSON.parse(readFileSync(path.join(course, 'quiz-keys/kinds.json'), 'utf8')) as DeckKey;
    page = await (await browser()).newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('pageerror', (error) => errors.push(String(error)));
  });

  afterAll(async () => {
    await closeBrowser();
    removeCourse(course);
  });

  test('the key files hold the blanks and the order', () => {
    expect(keys.quizzes.map((quiz) => quiz.kind)).toEqual(['fill', 'order', 'choice']);
    expect(keys.quizzes[0]?.blanks?.map((blank) => blank.answers)).toEqual([['Paris'], ['standard output', 'stdout']]);
    expect(keys.quizzes[1]?.order).toEqual(['quiz-2/a', 'quiz-2/b', 'quiz-2/c', 'quiz-2/d']);
  });

  test('fill in the blanks, by keyboard: wrong, then right whatever the case and spaces', async () => {
    await open('kinds', 1);
    await page.focus('#quiz-1 input.quiz-blank');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Fill in every blank first.');
    await page.keyboard.type('Lyon');
    await page.keyboard.press('Tab');
    await page.keyboard.type('stdout');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Not quite: the blanks marked in red are wrong. Try again.');
    expect(await page.$$eval('#quiz-1 input.quiz-blank', (inputs) => inputs.map((input) => input.className))).toEqual(['quiz-blank is-wrong', 'quiz-blank is-correct']);
    expect(await explanation('quiz-1')).toBeNull();

    await page.focus('#quiz-1 input.quiz-blank');
    await page.evaluate(() => ((document.querySelector('#quiz-1 input.quiz-blank') as HTMLInputElement).value = ''));
    await page.keyboard.type('  PARIS ');
    await page.keyboard.press('Tab');
    await page.evaluate(() => ((document.querySelectorAll('#quiz-1 input.quiz-blank')[1] as HTMLInputElement).value = ''));
    await page.keyboard.type('Standard   Output');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Correct!');
    expect(await explanation('quiz-1')).toBe('Paris has been the capital since 987.');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(1);
    await page.screenshot({ path: path.join(course, 'fill-answered.png') });
  });

  test('put in order with Alt+arrows: wrong, then right, and Reset restores the first order', async () => {
    await open('kinds', 2);
    const right = keys.quizzes[1]!.order!.map((id) => keys.quizzes[1]!.options.find((option) => option.id === id)!.text);
    const first = await shownOrder();
    expect(first).not.toEqual(right);
    expect([...first].sort()).toEqual([...right].sort());

    await page.focus('#quiz-2 .quiz-check');
    await page.keyboard.press('Enter');
    expect(await result('quiz-2')).toBe('Not quite: that order is wrong. Try again.');

    for (const [target, text] of right.entries()) {
      let at = (await shownOrder()).indexOf(text);
      await page.focus(`#quiz-2 .quiz-order-item:nth-child(${at + 1}) .quiz-up`);
      while (at > target) {
        await page.keyboard.down('Alt');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.up('Alt');
        at--;
      }
      expect((await shownOrder())[target]).toBe(text);
    }
    expect(await result('quiz-2')).toMatch(/: position \d of 4$/);
    await page.focus('#quiz-2 .quiz-check');
    await page.keyboard.press('Enter');
    expect(await result('quiz-2')).toBe('Correct!');
    expect(await explanation('quiz-2')).toBe('The context is sent before any instruction runs.');
    expect(await page.evaluate(() => window.Reveal.getIndices().h)).toBe(2);
    await page.screenshot({ path: path.join(course, 'order-answered.png') });

    await page.click('#quiz-2 .quiz-reset');
    await page.waitForFunction(() => !document.querySelector('#quiz-2.is-answered'));
    expect(await shownOrder()).toEqual(first);
  });

  test('the Move up and Move down buttons move an item and keep the focus', async () => {
    await open('kinds', 2);
    const before = await shownOrder();
    await page.click('#quiz-2 .quiz-order-item:nth-child(1) .quiz-down');
    expect(await shownOrder()).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('quiz-down');
    expect(await page.$$eval('#quiz-2 .quiz-letter', (letters) => letters.map((letter) => letter.textContent))).toEqual(['A', 'B', 'C', 'D']);
  });

  test('a hint opens on demand, and the score summary counts the quizzes answered right', async () => {
    await open('kinds', 3);
    expect(await page.$eval('#quiz-3 .quiz-hint', (hint) => (hint as HTMLElement).hidden)).toBe(true);
    await page.click('#quiz-3 .quiz-hint-button');
    expect(await page.$eval('#quiz-3 .quiz-hint', (hint) => (hint as HTMLElement).hidden)).toBe(false);
    expect(await page.$eval('#quiz-3 .quiz-hint-button', (button) => button.getAttribute('aria-expanded'))).toBe('true');
    expect(await page.$eval('#quiz-3 .quiz-hint', (hint) => hint.textContent?.trim())).toBe('It runs when the container starts.');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    expect(await result('quiz-3')).toBe('Correct!');
    expect(await page.$eval('[data-quiz-summary]', (summary) => summary.textContent)).toBe('1 of 3 questions answered right (33%).');
  });

  test('a French deck speaks French', async () => {
    await open('francais', 1);
    expect(await page.$$eval('#quiz-1 button', (buttons) => buttons.map((button) => button.textContent))).toEqual(['Vérifier', 'Effacer']);
    await page.focus('#quiz-1 .quiz-check');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Choisissez d’abord une réponse.');
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    expect(await result('quiz-1')).toBe('Bonne réponse !');
    expect(readFileSync(path.join(course, 'dist/index.html'), 'utf8')).toMatch(/3 lectures, \d+ slides/);
  });

  test('printed, blanks are empty lines and ordering items have no buttons, even after answering', async () => {
    await open('kinds', 1);
    await page.focus('#quiz-1 input.quiz-blank');
    await page.keyboard.type('Paris');
    await page.emulateMediaType('print');
    const printed = await page.evaluate(() => ({
      blank: getComputedStyle(document.querySelector('#quiz-1 input.quiz-blank')!).color,
      shown: getComputedStyle(document.querySelector('#quiz-1 input.quiz-blank')!).display,
      moves: getComputedStyle(document.querySelector('#quiz-2 .quiz-moves')!).display,
      help: getComputedStyle(document.querySelector('#quiz-2 .quiz-order-help')!).display,
      score: getComputedStyle(document.querySelector('[data-quiz-summary]')!).display,
    }));
    await page.emulateMediaType('screen');
    expect(printed).toEqual({ blank: 'rgba(0, 0, 0, 0)', shown: 'inline-block', moves: 'none', help: 'none', score: 'none' });
  });

  test('the page holds no readable answer', () => {
    const html = readFileSync(path.join(course, 'dist/kinds/index.html'), 'utf8');
    for (const secret of ['Paris', 'standard output', 'stdout', 'since 987', 'before any instruction runs', 'data-quiz-accepts', 'data-quiz-rank']) {
      expect(html).not.toContain(secret);
    }
    expect(errors).toEqual([]);
  });
});
