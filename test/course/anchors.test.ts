/**
 * The build reports the deck's own broken `#anchors` at their lines, as
 * `lecture check` does (one rule, `check/rules/anchors.ts`); links between
 * decks stay `check`'s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { build, check } from '../../src/index.js';
import { messageLines } from '../helpers/fixtures.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'lecture-anchors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const deck = `---
title: Anchors
---

# Layers

## Caching {#caching}

See [layers](#layers), [the cache](#/caching), [slide 2](#/1) and [the cache's step](#/caching/1).

## Broken

See [a layer](#layer), [nothing](#/nowhere), [slide 9](#/8) and [the other deck](other.md#nope).

## Hidden {visibility=hidden}

A [hidden link](#gone) is not shown, so not reported.

## Back {#back}

[Top](#) is a placeholder, [back](#back) works.
`;

describe('in-deck anchors', () => {
  test('the build reports the broken ones at their lines, with a guess; check says the same and more', async () => {
    mkdirSync(path.join(root, 'lectures'), { recursive: true });
    writeFileSync(path.join(root, 'lectures', 'deck.md'), deck);
    writeFileSync(path.join(root, 'lectures', 'other.md'), '## Other\n\ntext\n');
    const built = await build({ root, jobs: 0, fit: false });
    const file = built.files.find((candidate) => candidate.path.endsWith('deck.md'))!;
    const lines = messageLines(file).split('\n').filter((line) => line.includes('missing-anchor'));
    expect(lines).toEqual([
      '13:5-13:22 warning No id `layer` in this deck for link `#layer`; did you mean `#layers`? missing-anchor',
      '13:24-13:44 warning No id `nowhere` in this deck for link `#/nowhere` missing-anchor',
      // The title slide and the `# Layers` stack: reveal.js counts 2 horizontal slides.
      '13:46-13:60 warning Link `#/8` asks for slide 9 of this deck, which has 2 slides missing-anchor',
    ]);
    expect(built.failed).toBe(false);
    const checked = await check({ root, cache: false, overrides: { check: { offline: true } } });
    const checkLines = messageLines(checked.files.find((candidate) => candidate.path.endsWith('deck.md'))!).split('\n').filter((line) => line.includes('missing-anchor'));
    // The same three, as errors in check, and the link to the other deck, which only check follows.
    expect(checkLines.map((line) => line.replace(' error ', ' warning '))).toEqual([...lines, expect.stringMatching(/^13:65-13:\d+ warning No id `nope` in `other.md` for link `other.md#nope` missing-anchor$/)]);
  });

  test('the rule can be turned off in the config', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ rules: { 'missing-anchor': 'off' } }));
    const built = await build({ root, jobs: 0, fit: false, cache: false });
    expect(built.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'missing-anchor')).toEqual([]);
  });
});
