/**
 * The fuzzer's findings, kept as regression fixtures
 * (`test/fixtures/fuzz/<case>/input.md`, byte for byte): each must have the
 * fuzz property (`fuzz/property.ts`) when built and checked in this thread:
 * a deck or diagnostics, no bug message, build and check agreeing, and
 * `lecture serve`'s parse memo giving what one parse gives.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { violation, type FuzzMessage } from '../fuzz/property.js';
import { createLectureChecker } from '../src/check/lecture.js';
import { resolveConfig } from '../src/config/schema.js';
import { decodeLecture, reportReading } from '../src/course/read.js';
import { ParseMemo } from '../src/mdast/parse-memo.js';
import { createParser, createProcessor } from '../src/pipeline.js';
import { cases } from './helpers/fixtures.js';

const config = resolveConfig();
const processor = createProcessor({ config, themes: new Set(['lecture']), quizSecret: 'fuzz' });
const checker = createLectureChecker(config, process.cwd(), process.cwd());
const whole = createParser(config, { chunkSize: Infinity });

/** Whether a parse with a fresh memo, as `lecture serve` reads, gives the tree and messages of one whole parse. */
function memoAgrees(text: string): boolean {
  const parse = (parser: typeof whole) => {
    const file = new VFile({ path: 'input.md', value: text });
    const tree = parser.parse(file);
    return { tree, messages: file.messages.map(({ reason, line, column, ruleId }) => ({ reason, line, column, ruleId })) };
  };
  return isDeepStrictEqual(parse(createParser(config, { memo: new ParseMemo() })), parse(whole));
}
const plain = (messages: Array<{ reason: string; ruleId?: string | null | undefined; fatal?: boolean | null | undefined }>): FuzzMessage[] =>
  messages.map(({ reason, ruleId, fatal }) => ({ reason, ruleId: ruleId ?? undefined, fatal }));

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
      const bytes = readFileSync(path.join(fixture.folder, 'input.md'));
      const read = decodeLecture(bytes);
      const file = new VFile({ path: 'input.md' });
      reportReading(file, read);
      let deck = false;
      if (read.text !== undefined) {
        file.value = read.text;
        try {
          processor.stringify(await processor.run(processor.parse(file), file), file);
          deck = true;
        } catch (error) {
          file.message(`Cannot build this lecture: ${(error as Error).message}`, { ruleId: 'build-failed' });
        }
      }
      const checked = read.text === undefined ? [] : (await checker(path.resolve('input.md'), read.text)).messages;
      const agrees = read.text === undefined || memoAgrees(read.text);
      expect(violation({ deck, build: plain(file.messages), check: [...plain(file.messages.filter((message) => message.ruleId === 'build-failed' || message.ruleId === 'encoding')), ...plain(checked)], memoAgrees: agrees })).toBeUndefined();
    });
  }
});
