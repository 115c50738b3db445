/**
 * The fuzzer's findings, kept as regression fixtures
 * (`test/fixtures/fuzz/<case>/input.md`, byte for byte): each must have the
 * fuzz property (`fuzz/property.ts`) when built and checked. Each is checked
 * in a worker thread (`helpers/fuzz-case.ts`) with a deadline, so a finding
 * that stalls the parse again (some did: an endless loop in a tokenizer)
 * fails its test instead of hanging the suite; the worker is bundled with the
 * bundle's patches, as `npm run fuzz` builds, so what is checked is what ships.
 */
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { violation } from '../fuzz/property.js';
import { deadlineWorker } from './helpers/deadline-worker.js';
import { cases } from './helpers/fixtures.js';

/** Seconds one finding may take, the worker's bundling and start included (a build takes well under one). */
const deadline = 60;
const findings = deadlineWorker<string, string | undefined>(new URL('./helpers/fuzz-case.ts', import.meta.url), deadline);
afterAll(() => findings.stop());

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
      const outcome = await findings.call(path.join(fixture.folder, 'input.md'));
      expect('failure' in outcome ? outcome.failure : outcome.result).toBeUndefined();
    }, (deadline + 10) * 1000);
  }
});
