/**
 * The indentation limit reads a line's start past 200 columns as text, so
 * deep nesting cannot make the parse quadratic; code blocks keep their
 * lines as written, wherever the block is, and only what is not code is
 * reported.
 */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createParser } from '../../src/pipeline.js';

const parser = createParser(resolveConfig());
const deep = ' '.repeat(250);

function parse(text: string) {
  const file = new VFile({ path: 'deep.md', value: text });
  const tree = parser.parse(file) as Root;
  const code: string[] = [];
  visit(tree, 'code', (node: Code) => {
    code.push(node.value);
  });
  return { code, tooDeep: file.messages.filter((message) => message.ruleId === 'too-deep').map((message) => message.line) };
}

describe('code indented past the limit', () => {
  const cases: Array<[name: string, text: string, value: string]> = [
    ['a fenced block', `# T\n\n\`\`\`text\n${deep}x\nend\n\`\`\`\n`, `${deep}x\nend`],
    ['an indented block', `# T\n\n    ${deep}x\n    end\n`, `${deep}x\nend`],
    ['a fence indented like its content', `# T\n\n  ~~~\n  ${deep}x\n  ~~~\n`, `${deep}x`],
    ['a block in a list item', `# T\n\n- item\n\n  \`\`\`\n  ${deep}x\n  \`\`\`\n`, `${deep}x`],
    ['a block in a block quote', `# T\n\n> \`\`\`\n> ${deep}x\n> \`\`\`\n`, `${deep}x`],
    ['a blank line of spaces in a block', `# T\n\n\`\`\`\na\n${deep}\nb\n\`\`\`\n`, `a\n${deep}\nb`],
  ];
  for (const [name, text, value] of cases) {
    test(`${name} keeps its lines, without a warning`, () => {
      const { code, tooDeep } = parse(text);
      expect(code).toEqual([value]);
      expect(tooDeep).toEqual([]);
    });
  }

  test('indentation outside code is still limited and reported at its line, and code after it kept', () => {
    const list = Array.from({ length: 150 }, (_, index) => `${'  '.repeat(index)}- item ${index}`).join('\n');
    const { code, tooDeep } = parse(`# T\n\n\`\`\`\n${deep}a\n\`\`\`\n\n${list}\n\n\`\`\`\n${deep}b\n\`\`\`\n`);
    expect(code).toEqual([`${deep}a`, `${deep}b`]);
    // The list's 101st level is at line 8 + 101 - 1.
    expect(tooDeep).toEqual([108]);
  });
});
