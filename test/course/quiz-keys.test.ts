/**
 * Answer keys: one JSON file per deck and a course-wide markdown key, kept
 * out of the output folder and never linked from the course page; the sample
 * course's key lists every one of its quizzes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from '../../src/course/build.js';
import { courseKey, type DeckKey } from '../../src/course/quiz-keys.js';

describe('quiz answer keys of the sample course', () => {
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'lecture-keys-'));
    cpSync(path.resolve('lectures'), path.join(root, 'lectures'), { recursive: true });
    const result = await build({ root });
    expect(result.failed).toBe(false);
    expect(result.files.flatMap((file) => file.messages)).toEqual([]);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('one JSON key per deck with quizzes, with ids, answers, explanations and positions', () => {
    expect(readdirSync(path.join(root, 'quiz-keys')).sort()).toEqual(['.lecture-keys', '01-containers.json', '02-images.json', '03-volumes-networks.json', 'quiz-key.md']);
    const images = JSON.parse(readFileSync(path.join(root, 'quiz-keys/02-images.json'), 'utf8')) as DeckKey;
    expect(images.source).toBe('lectures/02-images/images.md');
    const [quiz] = images.quizzes;
    expect(quiz).toMatchObject({ id: 'quiz-1', multiple: true, title: 'Which Dockerfile instructions add a layer to the image?' });
    expect(quiz?.options.map((option) => [option.id, option.text, option.correct])).toEqual([
      ['quiz-1/a', 'RUN', true],
      ['quiz-1/b', 'COPY', true],
      ['quiz-1/c', 'CMD', false],
      ['quiz-1/d', 'EXPOSE', false],
    ]);
    expect(quiz?.options[2]?.feedback).toBe('CMD only records metadata.');
    expect(quiz?.explanation).toMatch(/^Instructions that change the file system add a layer/);
    expect(quiz?.line).toBeGreaterThan(1);
  });

  test('quiz-key.md lists every quiz of the course with its answers', () => {
    const key = readFileSync(path.join(root, 'quiz-keys/quiz-key.md'), 'utf8');
    expect(key.match(/— answer: \*\*/g)).toHaveLength(3);
    expect(key).toContain('What does a container share with its host? Pick the one right answer.** (line');
    expect(key).toContain('— answer: **A, B**');
    expect(key).toContain('Where does the database keep its data?');
    expect(key).toContain('**B. In a named volume** ✓');
  });

  test('the keys are neither in the output folder nor linked from the course page', () => {
    const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [entry.name]));
    expect(walk(path.join(root, 'dist')).filter((name) => /quiz.*\.(json|md)$/.test(name))).toEqual([]);
    const page = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    expect(page).not.toMatch(/quiz-key|quiz-keys/);
    expect(existsSync(path.join(root, 'dist/_assets/quiz/quiz.js'))).toBe(true);
  });
});

describe('the course key of fill-in and ordering questions', () => {
  test('lists each blank with its accepted answers, and the items in the right order', () => {
    const key = courseKey([
      {
        deck: 'kinds',
        title: 'Kinds',
        source: 'lectures/kinds.md',
        quizzes: [
          { id: 'quiz-1', kind: 'fill', form: 'mkdocs', title: 'Capital', question: 'The capital is ____.', multiple: false, options: [], blanks: [{ id: 'quiz-1/blank-1', answers: ['Paris', 'paris city'] }], line: 3, column: 1 },
          {
            id: 'quiz-2',
            kind: 'order',
            form: 'quizdown',
            title: 'Order',
            question: 'Order',
            multiple: false,
            options: [
              { id: 'quiz-2/a', letter: 'A', text: 'FROM', correct: true, rank: 1 },
              { id: 'quiz-2/b', letter: 'B', text: 'RUN', correct: true, rank: 2 },
            ],
            order: ['quiz-2/a', 'quiz-2/b'],
            line: 9,
            column: 1,
          },
        ],
      },
    ]);
    expect(key).toContain('1. **Capital** (line 3) — fill in the blanks\n\n   - blank 1: **Paris** or **paris city**');
    expect(key).toContain('2. **Order** (line 9) — in this order:\n\n   1. FROM\n   2. RUN');
  });
});
