/**
 * Raw TeX's optional argument over more than one line (`\includegraphics[width=3cm,⏎height=2cm]`):
 * read as the command's argument, with the paragraph going on after it.
 * Such an argument once made micromark loop forever, so each parse runs in a
 * worker with a time budget.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Isolation } from '../../src/course/isolation.js';
import { isolated } from '../helpers/isolated.js';

interface Node {
  type: string;
  name?: string;
  optional?: string[];
  value?: string;
  children?: Node[];
}

let parser: Isolation<string, Node>;
beforeAll(async () => {
  parser = await isolated('test/helpers/parse-case.ts', 10);
}, 60_000);
afterAll(() => parser.close());

/** The tree of `text`; a parse that outlasts its budget rejects, and fails the test. */
const tree = (text: string) => parser.run(text);

test('an optional argument over two lines is the command’s, and the paragraph goes on', async () => {
  const root = await tree('## Figure\n\nSee \\includegraphics[width=3cm,\n  height=2cm]{figure.png} here\nand there.\n');
  const paragraph = root.children![1]!;
  expect(paragraph.type).toBe('paragraph');
  const command = paragraph.children!.find((child) => child.type === 'rawTex')!;
  expect(command).toMatchObject({ name: 'includegraphics', optional: ['width=3cm,\n  height=2cm'] });
  expect(paragraph.children!.at(-1)).toMatchObject({ type: 'text', value: ' here\nand there.' });
});

test('a command whose `[` ends its line and whose `]` starts the next is read (the parse used to loop forever)', async () => {
  for (const text of ['\\b[\n ]\n', '\\b[\n]\n', 'Before \\alert[\n\n]{x} after\n', '\\foo[a\nb\nc]\n']) {
    const root = await tree(text);
    expect(root.type, JSON.stringify(text)).toBe('root');
  }
  const root = await tree('\\b[\n]\n');
  expect(root.children![0]!.children![0]).toMatchObject({ type: 'rawTex', name: 'b', optional: ['\n'] });
});
