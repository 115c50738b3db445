/**
 * The messages of the classroom channel. What a browser sends is validated
 * against the schema of its role before anything looks at it: a message
 * that is not JSON, not one of these shapes, or not allowed to its sender
 * closes that connection (and only that one).
 */
import * as z from 'zod';
import type { Revealed } from './check.js';

const name = z.string().min(1).max(120);

/** Where the presenter is: a deck's slug and reveal.js's indices. */
export const position = z.strictObject({
  deck: name,
  h: z.number().int().min(0).max(10_000),
  v: z.number().int().min(0).max(10_000),
  f: z.number().int().min(-1).max(10_000).nullable(),
});
export type Position = z.infer<typeof position>;

const answer = z.union([
  z.strictObject({ choices: z.array(z.number().int().min(0).max(99)).min(1).max(100) }),
  z.strictObject({ blanks: z.array(z.string().max(300)).min(1).max(30) }),
  z.strictObject({ order: z.array(z.string().max(64)).min(1).max(100) }),
]);

const ping = z.strictObject({ type: z.literal('ping') });

/** What a presenter may send. */
export const presenterMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('goto'), position, quizzes: z.array(name).max(30) }),
  z.strictObject({ type: z.literal('reveal'), deck: name, quiz: name }),
  ping,
]);

/** What a student may send. */
export const studentMessage = z.discriminatedUnion('type', [z.strictObject({ type: z.literal('answer'), deck: name, quiz: name, answer }), ping]);

export type PresenterMessage = z.infer<typeof presenterMessage>;
export type StudentMessage = z.infer<typeof studentMessage>;

/** The counts the presenter's chart shows for one quiz. */
export interface Tally {
  deck: string;
  quiz: string;
  kind: 'choice' | 'fill' | 'order';
  /** Choice: how many students chose each option (source order). */
  counts?: number[] | undefined;
  /** Fill-in and ordering: the most frequent answers, as shown in the results. */
  top?: Array<[string, number]> | undefined;
  answered: number;
  right: number;
  revealed: boolean;
  /** Choice, once revealed: the correct options. */
  correct?: number[] | undefined;
}

/** What the server sends. */
export type ServerMessage =
  | { type: 'hello'; role: 'presenter' | 'student'; position?: Position | undefined; answers: Record<string, unknown>; revealed: Record<string, RevealedFor>; students: number }
  | ({ type: 'position' } & Position)
  | { type: 'received'; deck: string; quiz: string }
  | { type: 'refused'; deck: string; quiz: string; reason: string }
  | ({ type: 'revealed' } & RevealedFor)
  | ({ type: 'tally' } & Tally)
  | { type: 'students'; count: number }
  | { type: 'pong' };

/** A reveal as one student gets it: whether their own answer was right (`null`: they did not answer). */
export interface RevealedFor extends Revealed {
  deck: string;
  quiz: string;
  right: boolean | null;
}

/** The key of a quiz in a session: `deck#quiz`. */
export function quizRef(deck: string, quiz: string): string {
  return `${deck}#${quiz}`;
}
