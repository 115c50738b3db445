/**
 * Emoji shortcodes (`transforms/emoji.ts`): GitHub's names where the
 * lecture's tools show them (Pandoc's `+emoji`, as Quarto decks turn on
 * with `from: markdown+emoji`; course notes, which GitHub renders), and
 * nowhere else; never in code, never an unknown name.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'emoji', standalone: false });

async function build(text: string, path = 'lecture.md') {
  const file = new VFile({ path, value: text });
  const html = String(processor.stringify(await processor.run(processor.parse(file), file), file));
  return { html, messages: file.messages.map((message) => message.reason) };
}

const slide = '## Ready :heavy_check_mark:\n\nWave :wave:, :no_such_emoji: and `:smile:`, <https://example.org/:smile:/>.\n';

describe('emoji shortcodes', () => {
  test('are emoji in a Quarto deck with `from: markdown+emoji`, and the key is known', async () => {
    const { html, messages } = await build(`---\ntitle: T\nfrom: markdown+emoji\n---\n\n${slide}`, 'deck.qmd');
    expect(html).toContain('Ready ✔️');
    expect(html).toContain('Wave 👋, :no_such_emoji: and <code>:smile:</code>');
    expect(html).toContain('>https://example.org/:smile:/</a>');
    expect(messages).toEqual([]);
  });

  test('are emoji with a `format:` that turns the extension on', async () => {
    expect((await build(`---\ntitle: T\nformat: markdown+emoji\n---\n\n${slide}`)).html).toContain('Ready ✔️');
  });

  test('are emoji in course notes and tutorials, which GitHub renders', async () => {
    expect((await build('# Setting up\n\nSome text.\n\n## Step 1\n\nRun it :rocket:\n\n## Step 2\n\nMore.\n')).html).toContain('Run it 🚀');
  });

  test('stay as written in a Pandoc lecture without the extension, as Pandoc leaves them', async () => {
    expect((await build(`---\ntitle: T\n---\n\n${slide}`)).html).toContain('Ready :heavy_check_mark:');
  });

  test('stay as written when the extension is turned off', async () => {
    expect((await build(`---\ntitle: T\nfrom: markdown-emoji\nformat: pandoc\n---\n\n${slide}`)).html).toContain('Ready :heavy_check_mark:');
  });
});
