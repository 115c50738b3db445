/**
 * A lecture's answers file: the key to its lettered questions, kept beside
 * it and never built into a deck. `<name>-answers.md` (any case, so
 * `<name>-ANSWERS.md` too) belongs to `<name>.md`; `answers.md` belongs to
 * the lecture it is alone with in its folder. Its numbered list gives the
 * letters of the lecture's lettered questions, in order:
 *
 *     1. b
 *     2. a, c
 *     3. **D**: because …
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { lettersOf } from '../transforms/quiz/letters.js';
import { isAnswerFileName } from './discover.js';
import type { AnswerFile } from '../types.js';

/** The answers file of the lecture at `source` and the paths it could have (what the build's cache watches). */
export async function findAnswerFile(source: string): Promise<{ found?: string | undefined; candidates: string[] }> {
  const folder = path.dirname(source);
  const stem = path.basename(source, path.extname(source));
  const names = await readdir(folder).catch(() => [] as string[]);
  const own = names.find((name) => name.toLowerCase() === `${stem.toLowerCase()}-answers.md`);
  const lectures = names.filter((name) => name.toLowerCase().endsWith('.md') && !isAnswerFileName(name, names) && !/^readme\.md$/i.test(name));
  const shared = lectures.length === 1 ? names.find((name) => name.toLowerCase() === 'answers.md') : undefined;
  const candidates = [`${stem}-answers.md`, `${stem}-ANSWERS.md`, 'answers.md'].map((name) => path.join(folder, name));
  const found = own ?? shared;
  return { found: found ? path.join(folder, found) : undefined, candidates: found ? [...new Set([...candidates, path.join(folder, found)])] : candidates };
}

/** The letters each numbered item of `text` gives, by its number. */
export function parseAnswerFile(text: string): AnswerFile['answers'] {
  const answers: AnswerFile['answers'] = {};
  // Any line ending: a key saved on Windows (CRLF) gave no answers, as `.` stops at a CR.
  for (const line of text.split(/\r\n?|\n/)) {
    const item = /^\s*(?:[-*]\s+)?(?:q(?:uestion)?\s*)?(\d+)\s*[.):]/i.exec(line);
    if (!item) continue;
    const letters = lettersOf(line.slice(item[0].length).trim().replace(/[*_`]/g, ''));
    if (letters) answers[Number(item[1])] = letters.letters;
  }
  return answers;
}

/** Read the answers file of the lecture at `source`, if it has one; its path is shown relative to `cwd`. */
export async function readAnswerFile(source: string, cwd: string): Promise<{ file?: AnswerFile | undefined; candidates: string[] }> {
  const { found, candidates } = await findAnswerFile(source);
  if (!found) return { candidates };
  const text = await readFile(found, 'utf8').catch(() => undefined);
  if (text === undefined) return { candidates };
  return { file: { path: path.relative(cwd, found).split(path.sep).join('/'), answers: parseAnswerFile(text) }, candidates };
}
