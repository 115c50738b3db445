/**
 * Raw TeX's optional argument over more than one line (`\includegraphics[width=3cm,⏎height=2cm]`):
 * read as the command's argument, with the paragraph going on after it.
 * Such an argument once made micromark loop forever, so each parse runs in a
 * worker with a deadline.
 */
import { afterAll, expect, test } from 'vitest';
import { deadlineWorker, type Outcome } from '../helpers/deadline-worker.js';

interface Node {
  type: string;
  name?: string;
  optional?: string[];
  value?: string;
  children?: Node[];
}

const parser = deadlineWorker<string, Node>(new URL('../helpers/parse-case.ts', import.meta.url), 20);
afterAll(() => parser.stop());

/** The tree of `text`, or the test fails with why there is none. */
function tree(outcome: Outcome<Node>): Node {
  if ('failure' in outcome) throw new Error(outcome.failure);
  return outcome.result;
}

test('an optional argument over two lines is the command’s, and the paragraph goes on', async () => {
  const root = tree(await parser.call('## Figure\n\nSee \\includegraphics[width=3cm,\n  height=2cm]{figure.png} here\nand there.\n'));
  const paragraph = root.children![1]!;
  expect(paragraph.type).toBe('paragraph');
  const command = paragraph.children!.find((child) => child.type === 'rawTex')!;
  expect(command).toMatchObject({ name: 'includegraphics', optional: ['width=3cm,\n  height=2cm'] });
  expect(paragraph.children!.at(-1)).toMatchObject({ type: 'text', value: ' here\nand there.' });
});

test('a command whose `[` ends its line and whose `]` starts the next is read (the parse used to loop forever)', async () => {
  for (const text of ['\\b[\n ]\n', '\\b[\n]\n', 'Before \\alert[\n\n]{x} after\n', '\\foo[a\nb\nc]\n']) {
    const root = tree(await parser.call(text));
    expect(root.type, JSON.stringify(text)).toBe('root');
  }
  const root = tree(await parser.call('\\b[\n]\n'));
  expect(root.children![0]!.children![0]).toMatchObject({ type: 'rawTex', name: 'b', optional: ['\n'] });
});
