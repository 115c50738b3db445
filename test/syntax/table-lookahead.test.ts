/**
 * The Pandoc table construct looks ahead over lines before it knows whether
 * a table starts (`syntax/tables/index.ts`). While it looks, micromark takes
 * the next lines' list markers as interrupting a block, so a look that ran
 * on past where no table can be changed what those lines became. A dash
 * line followed by a blank line starts no table (Pandoc agrees), and the
 * look stops there: such lectures read as CommonMark reads them.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/config/schema.js';
import { createParser } from '../../src/pipeline.js';

const ours = createParser(structuredClone(defaultConfig), { chunkSize: Infinity });
const commonMark = unified().use(remarkParse);
const blocks = (tree: { children: Array<{ type: string }> }) => tree.children.map((node) => node.type);

describe('the table lookahead', () => {
  test.each([
    ['an empty list item after a heading', '\n- ---\n\n# H \n- '],
    ['a list marker inside a code block left open', 'a | b\n--- ---\n   \n```\n1. x'],
    ['a list after dashes and a blank line', 'Text\n\n-- --\n\n- one\n- two\n'],
  ])('leaves %s as CommonMark reads it', (_, text) => {
    expect(blocks(ours.parse(new VFile({ path: 'l.md', value: text })))).toEqual(blocks(commonMark.parse(text)));
  });
});
