/**
 * A raw `<section>` inside a slide gives its slide attributes (background,
 * transition, state) to the slide, where reveal.js reads them
 * (`transforms/section-attributes.ts`); the section itself stays a `div`.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createProcessor } from '../../src/pipeline.js';

const processor = createProcessor({ config: resolveConfig(), themes: new Set(['lecture']), quizSecret: 'section', standalone: false });

async function html(text: string): Promise<string> {
  const file = new VFile({ path: 'lecture.md', value: text });
  return String(processor.stringify(await processor.run(processor.parse(file), file), file));
}

const openTag = (page: string, id: string) => new RegExp(`<section[^>]*id="${id}"[^>]*>`).exec(page)?.[0] ?? '';

describe('a raw section inside a slide', () => {
  test('gives the slide its background, which then counts as dark or light', async () => {
    const page = await html('## Second\n\n<section data-background-color="#1e3a5f">\n\nInside.\n\n</section>\n');
    expect(openTag(page, 'second')).toContain('data-background-color="#1e3a5f"');
    expect(openTag(page, 'second')).toContain('dark-background');
    expect(page).toMatch(/<div>\s*<p>Inside\.<\/p>\s*<\/div>/);
  });

  test('moves only what reveal.js reads on a slide; its class and other attributes stay on the div', async () => {
    const page = await html('## S\n\n<section class="inner" data-transition="zoom" data-state="alert" title="t">\n\nText.\n\n</section>\n');
    expect(openTag(page, 's')).toContain('data-transition="zoom"');
    expect(openTag(page, 's')).toContain('data-state="alert"');
    expect(page).toContain('<div class="inner" title="t">');
  });

  test("never overrides the slide's heading, and the first section gives what later ones also give", async () => {
    const page = await html(
      '## S {background-color="#ffffff"}\n\n<section data-background-color="#000000" data-background-image="a.png">\n\nA\n\n</section>\n\n<section data-background-image="b.png">\n\nB\n\n</section>\n',
    );
    const tag = openTag(page, 's');
    expect(tag).toContain('data-background-color="#ffffff"');
    expect(tag).toContain('a.png');
    expect(tag).not.toContain('b.png');
    expect(page).toContain('<div data-background-color="#000000">');
    expect(page).toMatch(/<div data-background-image="[^"]*b\.png">/);
  });

  test('a fenced div with the same attributes is left alone: only a section means a slide', async () => {
    const page = await html('## S\n\n::: {background-color="#000000"}\nText.\n:::\n');
    expect(openTag(page, 's')).not.toContain('data-background-color');
  });
});
