/**
 * What KaTeX prints to the console on its own (a character it has no
 * metrics for) becomes one `math-error` hint per deck at the first formula
 * concerned, never a line on the terminal.
 */
import { VFile } from 'vfile';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'math', standalone: false });

afterEach(() => vi.restoreAllMocks());

describe('KaTeX warnings', () => {
  test('are one hint at the first formula, not console output', async () => {
    const printed = vi.spyOn(console, 'warn');
    const file = new VFile({ path: 'lecture.md', value: '## A\n\nOne $x\uFEFFy$, two $a\uFEFFb$ and $c$.\n' });
    const html = String(processor.stringify(await processor.run(processor.parse(file), file), file));
    expect(html).toContain('class="math-inline"');
    expect(printed).not.toHaveBeenCalled();
    const hints = file.messages.filter((message) => message.ruleId === 'math-error');
    expect(hints.map(({ reason, line, column, fatal }) => ({ reason, line, column, fatal }))).toEqual([
      { reason: "KaTeX: No character metrics for '\uFEFF' in style 'Main-Regular' and mode 'text' (and 1 more such warning); the formula is typeset, its spacing may be off", line: 3, column: 5, fatal: undefined },
    ]);
  });
});
