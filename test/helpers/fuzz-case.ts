/**
 * A worker thread (`deadline-worker.ts`, started by `test/fuzz.test.ts`)
 * that checks the fuzz property (`fuzz/property.ts`) on the lectures it is
 * sent: built and checked as the tool does, a deck or diagnostics, no bug
 * message, build and check agreeing, and `lecture serve`'s parse memo giving
 * what one parse gives. It answers each file's path with the violation, or
 * `undefined` (a thrown error is a violation too).
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { VFile } from 'vfile';
import { violation, type FuzzMessage } from '../../fuzz/property.js';
import { createLectureChecker } from '../../src/check/lecture.js';
import { resolveConfig } from '../../src/config/schema.js';
import { decodeLecture, reportReading } from '../../src/course/read.js';
import { ParseMemo } from '../../src/mdast/parse-memo.js';
import { createParser, createProcessor } from '../../src/pipeline.js';
import { answerCalls } from './deadline-worker.js';

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

/** The property's violation for the lecture at `input`, if any. */
async function check(input: string): Promise<string | undefined> {
  const read = decodeLecture(readFileSync(input));
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
  const checked = read.text === undefined ? [] : (await checker(input, read.text)).messages;
  const agrees = read.text === undefined || memoAgrees(read.text);
  const fromBuild = file.messages.filter((message) => message.ruleId === 'build-failed' || message.ruleId === 'encoding');
  return violation({ deck, build: plain(file.messages), check: [...plain(fromBuild), ...plain(checked)], memoAgrees: agrees });
}

answerCalls((input: string) => check(input).catch((error: unknown) => `threw: ${(error as Error).stack ?? String(error)}`));
