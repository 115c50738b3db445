/**
 * Inputs nested or repeated far past what a lecture holds, as an attacker
 * or a fuzzer writes them: each builds (in this thread, whose stack is the
 * smallest we run on) to a page, with at most one `too-deep` warning at the
 * line where the limit is passed, and no failure.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'nesting' });

async function build(text: string) {
  const file = new VFile({ path: 'deep.md', value: text });
  const tree = await processor.run(processor.parse(file), file);
  const html = processor.stringify(tree, file);
  return { html, messages: file.messages.map((message) => ({ line: message.line, rule: message.ruleId, reason: message.reason, fatal: message.fatal })) };
}

const cases: Array<[name: string, text: string, line: number | undefined, shown: string]> = [
  ['4,000 `*` on each side of a word', `# T\n\n${'*'.repeat(4000)}x${'*'.repeat(4000)}\n`, undefined, `${'*'.repeat(4000)}x`],
  ['5,000 nested fenced divs', `# T\n\n${'::: {.d}\n'.repeat(5000)}inside\n${':::\n'.repeat(5000)}`, 103, '<p>inside</p>'],
  ['3,000 nested block quotes', `# T\n\n${'>'.repeat(3000)} deep\n`, 3, 'deep'],
  ['300 nested lists', `# T\n\n${Array.from({ length: 300 }, (_, index) => `${'  '.repeat(index)}- item ${index}\n`).join('')}`, 103, 'item 299'],
  ['3,000 nested links', `# T\n\n${'['.repeat(3000)}x${'](u)'.repeat(3000)}\n`, undefined, 'x'],
  ['5,000 nested raw HTML elements', `# T\n\n${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}\n`, 3, '&#x3C;div>'],
  ['600 nested raw HTML elements', `# T\n\n${'<div>'.repeat(600)}x${'</div>'.repeat(600)}\n`, 3, '<div>x</div>'],
  ['3,000 nested groups in a formula', `# T\n\n$${'{'.repeat(3000)}x${'}'.repeat(3000)}$\n`, 3, 'math-error" title="This formula could not be typeset">{{{'],
  ['3,000 `\\sqrt` in a row', `# T\n\n$${'\\sqrt'.repeat(3000)} x$\n`, undefined, 'math'],
  ['16,000 `*` pairs nested', `# T\n\n${'*a'.repeat(8000)}${'b*'.repeat(8000)}\n`, undefined, 'b*'],
  ['a paragraph opening with `[` and 20,000 words', `# T\n\n[${'word '.repeat(20000)}\n`, undefined, 'word word'],
  // Quizdown blocks are read again by a parser of their own, under the same limits.
  ['a quizdown question with 4,000 `*` on each side of a word', `# T\n\n\`\`\`quizdown\n## Which ${'*'.repeat(4000)}x${'*'.repeat(4000)}?\n\n- [x] yes\n- [ ] no\n\`\`\`\n`, undefined, `${'*'.repeat(4000)}x`],
];

describe('depth and repetition', () => {
  for (const [name, text, line, shown] of cases) {
    test(name, async () => {
      const { html, messages } = await build(text);
      expect(html).toContain(shown);
      expect(messages.filter((message) => message.fatal === true)).toEqual([]);
      const deep = messages.filter((message) => message.rule === 'too-deep');
      // Once per kind of limit; the first at the line where the limit is passed.
      if (line === undefined) expect(deep.length).toBeLessThanOrEqual(1);
      else expect(Math.min(...deep.map((message) => message.line ?? 0))).toBe(line);
      expect(deep.length).toBeLessThanOrEqual(2);
      expect(messages.map((message) => message.reason).join('\n')).not.toMatch(/this is a bug|Maximum call stack/);
    });
  }
});
