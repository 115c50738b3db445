/**
 * A session's results, per deck: `<results>/<date>-<slug>.json` and `.csv`,
 * with anonymous student labels, each answer as the slide showed it
 * (letters, blank texts, items in order), whether it was right, when it was
 * given and how long after the question was first shown. Written outside the
 * published output, on every reveal and when the session ends; the presenter
 * downloads the same tables.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import { describeAnswer } from './check.js';
import type { Classroom } from './session.js';

/** One deck's results. */
export interface DeckResults {
  deck: string;
  session: string;
  date: string;
  quizzes: Array<{
    id: string;
    title: string;
    kind: string;
    revealed: boolean;
    answered: number;
    right: number;
    answers: Array<{ student: string; answer: string; right: boolean; at: string; seconds: number | null }>;
  }>;
}

/** The results of every deck with answers. */
export function collectResults(classroom: Classroom): DeckResults[] {
  const decks = new Map<string, DeckResults>();
  for (const [ref, given] of classroom.answers) {
    const [deck = '', quiz = ''] = ref.split('#');
    const key = classroom.key(deck, quiz);
    if (!key) continue;
    const tokens = classroom.tokens(key);
    const shown = classroom.shown.get(ref);
    const results = decks.get(deck) ?? { deck, session: classroom.identity.id, date: classroom.identity.started.slice(0, 10), quizzes: [] };
    decks.set(deck, results);
    const answers = [...given].map(([student, entry]) => ({
      student: classroom.students.get(student) ?? 's??',
      answer: describeAnswer(key, entry.answer, tokens),
      right: entry.right,
      at: new Date(entry.at).toISOString(),
      seconds: shown === undefined ? null : Math.round((entry.at - shown) / 100) / 10,
    }));
    answers.sort((a, b) => a.student.localeCompare(b.student));
    results.quizzes.push({ id: key.id, title: key.title || key.question, kind: key.kind, revealed: classroom.revealed.has(ref), answered: answers.length, right: answers.filter((answer) => answer.right).length, answers });
  }
  return [...decks.values()];
}

/** The results as CSV, one row per answer. */
export function toCsv(results: DeckResults[]): string {
  const rows = [['deck', 'quiz', 'question', 'student', 'answer', 'right', 'answered_at', 'seconds']];
  for (const deck of results) {
    for (const quiz of deck.quizzes) {
      for (const answer of quiz.answers) rows.push([deck.deck, quiz.id, quiz.title, answer.student, answer.answer, String(answer.right), answer.at, answer.seconds === null ? '' : String(answer.seconds)]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Write each deck's results into the results folder; returns the files written. */
export async function writeResults(classroom: Classroom): Promise<string[]> {
  const written: string[] = [];
  for (const deck of collectResults(classroom)) {
    const base = await freeName(classroom.folder, `${deck.date}-${deck.deck}`, deck.session);
    await writeAtomically(`${base}.json`, `${JSON.stringify(deck, null, 2)}\n`);
    await writeAtomically(`${base}.csv`, toCsv([deck]));
    written.push(`${base}.json`, `${base}.csv`);
  }
  return written;
}

/** `<folder>/<name>`, or `<name>-2`, `-3` … when another session of the same day wrote that one. */
async function freeName(folder: string, name: string, session: string): Promise<string> {
  for (let suffix = 1; ; suffix++) {
    const base = path.join(folder, suffix === 1 ? name : `${name}-${suffix}`);
    const existing = await readFile(`${base}.json`, 'utf8').then((text) => (JSON.parse(text) as { session?: string }).session).catch(() => undefined);
    if (existing === undefined || existing === session) return base;
  }
}
