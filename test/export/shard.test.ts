/**
 * `lecture pdf --shard i/n`: every job computes the same shares, which
 * together hold every deck once, about equal in slides; `--shards` plans
 * one job for every `pdf.shardSize` lectures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseShard, planShards, shardDecks } from '../../src/export/shard.js';
import { copyCourse, removeCourse } from '../helpers/course.js';

const decks = [40, 3, 25, 25, 8, 60, 1, 0, 12, 30].map((slides, index) => ({ slug: `deck-${index}`, slides }));

describe('shares', () => {
  test('every deck is in exactly one share, whatever the order the decks come in', () => {
    for (const count of [1, 2, 3, 4, 11]) {
      const shares = Array.from({ length: count }, (_, index) => shardDecks(decks, { index: index + 1, count }));
      const reversed = Array.from({ length: count }, (_, index) => shardDecks([...decks].reverse(), { index: index + 1, count }));
      expect(shares.flat().map((deck) => deck.slug).sort()).toEqual(decks.map((deck) => deck.slug).sort());
      expect(reversed.map((share) => share.map((deck) => deck.slug).sort())).toEqual(shares.map((share) => share.map((deck) => deck.slug).sort()));
    }
  });

  test('shares are about equal in slides', () => {
    const slides = [1, 2, 3].map((index) => shardDecks(decks, { index, count: 3 }).reduce((sum, deck) => sum + deck.slides, 0));
    expect(Math.max(...slides) - Math.min(...slides)).toBeLessThanOrEqual(Math.max(...decks.map((deck) => deck.slides)) / 2);
  });

  test('i/n is read strictly', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0', '-1/2']) expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe('planning the CI matrix', () => {
  const root = copyCourse('course');
  afterAll(() => removeCourse(root));

  test('one job for every pdf.shardSize lectures', async () => {
    expect(await planShards({ root })).toEqual(['1/1']);
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      mkdirSync(path.join(root, 'lectures', name), { recursive: true });
      writeFileSync(path.join(root, 'lectures', name, `${name}.md`), `# ${name}\n\ntext\n`);
    }
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ pdf: { shardSize: 2 } }));
    expect(await planShards({ root })).toEqual(['1/3', '2/3', '3/3']);
  });
});
