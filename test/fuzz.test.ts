/**
 * The fuzzer's findings, kept as regression fixtures
 * (`test/fixtures/fuzz/<case>/input.md`, byte for byte): each must have the
 * fuzz property (`fuzz/property.ts`) when built and checked by the fuzz
 * harness's own worker (`fuzz/worker.ts`, bundled as `npm run fuzz` bundles
 * it, so what is checked is what ships), with a time budget per finding, so
 * a finding that stalls the parse again (some did: an endless loop in a
 * tokenizer) fails its test instead of hanging the suite.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { violation, type FuzzOutcome } from '../fuzz/property.js';
import type { Isolation } from '../src/course/isolation.js';
import { cases } from './helpers/fixtures.js';
import { isolated } from './helpers/isolated.js';

/** Seconds one finding may take (a build takes well under one). */
const budget = 30;
let harness: Isolation<Uint8Array, FuzzOutcome>;
beforeAll(async () => {
  harness = await isolated('fuzz/worker.ts', budget);
}, 60_000);
afterAll(() => harness.close());

describe('the fuzz property', () => {
  test("is broken when the serve session's parse memo disagrees with one parse", () => {
    expect(violation({ deck: true, build: [], check: [] })).toBeUndefined();
    expect(violation({ deck: true, build: [], check: [], memoAgrees: true })).toBeUndefined();
    expect(violation({ deck: true, build: [], check: [], memoAgrees: false })).toMatch(/parse memo/);
  });
});

describe('fuzz findings', () => {
  for (const fixture of cases('fuzz')) {
    test(fixture.name, async () => {
      // As the harness judges a case: the property's violation, or why the worker gave no answer.
      const problem = await harness.run(readFileSync(path.join(fixture.folder, 'input.md'))).then(violation, (error: Error) => error.message);
      expect(problem).toBeUndefined();
    }, (budget + 10) * 1000);
  }
});
