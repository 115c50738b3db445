/**
 * Sharing a course's PDF export between CI jobs: `lecture pdf --shard i/n`
 * exports the i-th of n shares, and every job computes the same shares from
 * the same course, so together they export every deck exactly once. Decks
 * are dealt by size (slides), largest first, each to the share with the
 * fewest slides so far (ties: the lower share; equal decks: by slug), so the
 * jobs take about as long as each other. `lecture pdf --shards` prints how
 * many jobs a course needs (`pdf.shardSize` decks each) as a CI matrix.
 */
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { courseFolders } from '../course/folders.js';
import { discoverLectures } from '../course/discover.js';
import type { DeckSummary } from '../render/course-page.js';

/** One share of the decks: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** `"2/3"` as a shard, or `undefined` when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** The decks of `shard`. */
export function shardDecks<T extends Pick<DeckSummary, 'slug' | 'slides'>>(decks: T[], shard: Shard): T[] {
  const order = [...decks].sort((a, b) => b.slides - a.slides || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const load = Array.from({ length: shard.count }, () => 0);
  const mine = new Set<T>();
  for (const deck of order) {
    const lightest = load.indexOf(Math.min(...load));
    // A deck of no slides still counts, so empty decks are dealt round too.
    load[lightest]! += Math.max(deck.slides, 1);
    if (lightest === shard.index - 1) mine.add(deck);
  }
  return decks.filter((deck) => mine.has(deck));
}

/** The shards a CI matrix needs for the course at `root`: one for every `pdf.shardSize` lectures. */
export async function planShards(options: { root?: string | undefined; config?: string | undefined }): Promise<string[]> {
  const { config, root } = await loadConfig(path.resolve(options.root ?? '.'), options.config);
  const folders = courseFolders(root, config, { cache: false, output: false });
  const lectures = await discoverLectures(folders.lectures, { scope: folders.scope });
  const count = Math.max(1, Math.ceil(lectures.length / config.pdf.shardSize));
  return Array.from({ length: count }, (_, index) => `${index + 1}/${count}`);
}
