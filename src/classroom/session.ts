/**
 * A classroom session: who has joined, where the presenter is, every answer
 * and every reveal. Each event is appended to a journal on disk before it is
 * acknowledged, so a server killed and restarted mid-session loses no
 * submitted answer: the next `lecture serve --classroom` replays the journal
 * and resumes the session (same join code, same presenter link) within
 * twelve hours. The journal and the session's secrets live in the results
 * folder, outside the published output.
 */
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../assets/write.js';
import { orderToken } from '../render/seal-quizzes.js';
import type { QuizKey } from '../types.js';
import { isRight, parseAnswer, revealOf, type Answer } from './check.js';
import { quizRef, type Position, type RevealedFor, type Tally } from './messages.js';
import { tallyOf } from './tally.js';

/** What is kept of a session between restarts. */
interface Identity {
  id: string;
  /** The short code students join with. */
  code: string;
  /** The presenter's secret. */
  token: string;
  /** Signs student cookies; the ordering tokens of the pages derive from it. */
  secret: string;
  started: string;
  updated: string;
}

/** One student's answer to one quiz. */
export interface Given {
  answer: Answer;
  right: boolean;
  /** When it was given (ms since the epoch); a changed answer replaces it. */
  at: number;
}

type Event =
  | { e: 'join'; student: string; label: string; at: number }
  | { e: 'goto'; position: Position; at: number }
  | { e: 'shown'; ref: string; at: number }
  | { e: 'answer'; ref: string; student: string; answer: Answer; right: boolean; at: number }
  | { e: 'reveal'; ref: string; at: number };

/** Codes avoid letters and digits that read alike (0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const resumeWithin = 12 * 60 * 60 * 1000;

export class Classroom {
  readonly identity: Identity;
  position: Position | undefined;
  /** Student id → anonymous label (`s01`, `s02` … in joining order). */
  readonly students = new Map<string, string>();
  /** `deck#quiz` → student id → answer. */
  readonly answers = new Map<string, Map<string, Given>>();
  /** `deck#quiz` → when the presenter first showed it. */
  readonly shown = new Map<string, number>();
  readonly revealed = new Set<string>();
  readonly #keys = new Map<string, QuizKey>();
  /** The number of the next student to join (taken before the join is written, so two joins never share one). */
  #next = 1;
  readonly #journal: FileHandle;
  #writing: Promise<void> = Promise.resolve();
  readonly folder: string;

  private constructor(folder: string, identity: Identity, journal: FileHandle) {
    this.folder = folder;
    this.identity = identity;
    this.#journal = journal;
  }

  /** Open the session kept in `folder` (resumed when recent, unless `fresh`), or start a new one. */
  static async open(folder: string, options: { fresh?: boolean | undefined } = {}): Promise<{ classroom: Classroom; resumed: boolean }> {
    const state = path.join(folder, '.session');
    await mkdir(state, { recursive: true });
    const kept = await readFile(path.join(state, 'current.json'), 'utf8').then((text) => JSON.parse(text) as Identity).catch(() => undefined);
    const resumed = !options.fresh && kept !== undefined && Date.now() - Date.parse(kept.updated) < resumeWithin;
    const identity = resumed ? kept : newIdentity();
    identity.updated = new Date().toISOString();
    await writeAtomically(path.join(state, 'current.json'), `${JSON.stringify(identity, null, 2)}\n`);
    const file = path.join(state, `${identity.id}.jsonl`);
    const { events, partial } = resumed ? await readJournal(file) : { events: [], partial: false };
    const journal = await open(file, 'a');
    // A line cut short by a kill is ended, so the next event starts a line of its own.
    if (partial) await journal.appendFile('\n');
    const classroom = new Classroom(folder, identity, journal);
    for (const event of events) classroom.#apply(event);
    return { classroom, resumed };
  }

  /** Take the answer keys of a deck (after each build). */
  setKeys(deck: string, quizzes: QuizKey[]): void {
    for (const ref of [...this.#keys.keys()]) if (ref.startsWith(`${deck}#`)) this.#keys.delete(ref);
    for (const quiz of quizzes) this.#keys.set(quizRef(deck, quiz.id), quiz);
  }

  key(deck: string, quiz: string): QuizKey | undefined {
    return this.#keys.get(quizRef(deck, quiz));
  }

  /** The ordering items' tokens of a quiz, in source order (as the pages carry them). */
  tokens(quiz: QuizKey): string[] {
    return quiz.kind === 'order' ? quiz.options.map((_, index) => orderToken(this.identity.secret, quiz.id, index)) : [];
  }

  /** Whether `code` is the join code (case and spaces ignored). */
  isCode(code: string): boolean {
    return safeEqual(code.toUpperCase().replace(/[\s-]/g, ''), this.identity.code);
  }

  isToken(token: string): boolean {
    return safeEqual(token, this.identity.token);
  }

  /** Record a student who joined; returns their anonymous label. */
  async join(student: string): Promise<string> {
    const known = this.students.get(student);
    if (known) return known;
    const label = `s${String(this.#next++).padStart(2, '0')}`;
    this.students.set(student, label);
    await this.#record({ e: 'join', student, label, at: Date.now() });
    return label;
  }

  async goto(position: Position, quizzes: string[]): Promise<void> {
    const at = Date.now();
    await this.#record({ e: 'goto', position, at });
    for (const quiz of quizzes) {
      const ref = quizRef(position.deck, quiz);
      if (!this.shown.has(ref) && this.#keys.has(ref)) await this.#record({ e: 'shown', ref, at });
    }
  }

  /** Check and record an answer; returns why it was refused, if it was. */
  async answer(student: string, deck: string, quiz: string, value: Answer): Promise<string | undefined> {
    const key = this.key(deck, quiz);
    if (!key) return 'no such quiz';
    const ref = quizRef(deck, quiz);
    if (this.revealed.has(ref)) return 'the answer was already shown';
    const tokens = this.tokens(key);
    const parsed = parseAnswer(key, value, tokens);
    if (typeof parsed === 'string') return parsed;
    await this.#record({ e: 'answer', ref, student, answer: parsed, right: isRight(key, parsed, tokens), at: Date.now() });
    return undefined;
  }

  /** Reveal a quiz's answer; returns what each student is to be told, or `undefined` for an unknown quiz. */
  async reveal(deck: string, quiz: string): Promise<((student: string) => RevealedFor) | undefined> {
    const key = this.key(deck, quiz);
    if (!key) return undefined;
    const ref = quizRef(deck, quiz);
    if (!this.revealed.has(ref)) await this.#record({ e: 'reveal', ref, at: Date.now() });
    return (student) => this.revealedFor(deck, quiz, student)!;
  }

  /** What `student` is shown of a revealed quiz. */
  revealedFor(deck: string, quiz: string, student: string): RevealedFor | undefined {
    const key = this.key(deck, quiz);
    const ref = quizRef(deck, quiz);
    if (!key || !this.revealed.has(ref)) return undefined;
    const given = this.answers.get(ref)?.get(student);
    return { deck, quiz, ...revealOf(key, this.tokens(key)), right: given ? given.right : null };
  }

  /** The presenter's chart of a quiz. */
  tally(deck: string, quiz: string): Tally | undefined {
    const key = this.key(deck, quiz);
    if (!key) return undefined;
    const ref = quizRef(deck, quiz);
    return tallyOf(deck, key, [...(this.answers.get(ref)?.values() ?? [])], this.tokens(key), this.revealed.has(ref));
  }

  async close(): Promise<void> {
    await this.#writing;
    await this.#journal.close();
  }

  /** Append `event` to the journal, then apply it: nothing counts before it is on disk. */
  async #record(event: Event): Promise<void> {
    const write = this.#writing.then(() => this.#journal.appendFile(`${JSON.stringify(event)}\n`));
    this.#writing = write.catch(() => undefined);
    await write;
    this.#apply(event);
  }

  #apply(event: Event): void {
    if (event.e === 'join') {
      this.students.set(event.student, event.label);
      this.#next = Math.max(this.#next, Number(event.label.slice(1)) + 1);
    }
    else if (event.e === 'goto') this.position = event.position;
    else if (event.e === 'shown') this.shown.set(event.ref, event.at);
    else if (event.e === 'reveal') this.revealed.add(event.ref);
    else {
      const answers = this.answers.get(event.ref) ?? new Map<string, Given>();
      this.answers.set(event.ref, answers);
      answers.set(event.student, { answer: event.answer, right: event.right, at: event.at });
    }
  }
}

function newIdentity(): Identity {
  const code = Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const now = new Date().toISOString();
  return { id: `${now.slice(0, 10)}-${randomBytes(4).toString('hex')}`, code, token: randomBytes(24).toString('base64url'), secret: randomBytes(32).toString('hex'), started: now, updated: now };
}

async function readJournal(file: string): Promise<{ events: Event[]; partial: boolean }> {
  const text = await readFile(file, 'utf8').catch(() => '');
  // A line cut short by a kill is the only one that can be broken: it was never acknowledged.
  const events = text.split('\n').flatMap((line) => {
    try {
      return line ? [JSON.parse(line) as Event] : [];
    } catch {
      return [];
    }
  });
  return { events, partial: text !== '' && !text.endsWith('\n') };
}

function safeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
