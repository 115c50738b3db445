/**
 * Lecture dialects, one fixture folder per kind and per rule
 * (`fixtures/dialects/<case>/input.md`): the slides HTML (`output.html`), the
 * messages (`messages.txt`) and the dialect chosen with its reasons
 * (`dialect.txt`). Then, per kind, what makes a deck presentable: titles
 * where they belong, nested bullets, and no markup left as text on a slide.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig, type UserConfig } from '../src/config/schema.js';
import { createProcessor } from '../src/pipeline.js';
import { cases, expected, messageLines } from './helpers/fixtures.js';

async function render(input: string, config: UserConfig = {}) {
  const processor = createProcessor({ config: resolveConfig(config), themes: new Set(['lecture']), standalone: false, quizSecret: 'fixtures' });
  const file = new VFile({ path: 'input.md', value: input });
  await processor.process(file);
  return file;
}

describe('dialect fixtures', () => {
  for (const fixture of cases('dialects')) {
    test(fixture.name, async () => {
      const file = await render(fixture.input);
      const html = `${String(file.value)}\n`;
      expect(html).toBe(expected(fixture.folder, 'output.html', html));
      const messages = messageLines(file);
      expect(messages).toBe(expected(fixture.folder, 'messages.txt', messages));
      const dialect = [file.data.dialect, ...(file.data.dialectReasons ?? []).map((reason) => `- ${reason}`)].join('\n') + '\n';
      expect(dialect).toBe(expected(fixture.folder, 'dialect.txt', dialect));
    });
  }
});

/** The slides of a rendered deck (stacks unwrapped). */
function slides(html: string): Element[] {
  const tree: Root = fromHtml(html, { fragment: true });
  return selectAll('section', tree).filter((section) => !section.children.some((child) => child.type === 'element' && child.tagName === 'section'));
}

/** A slide's title: its title-slide `h1` or the heading it starts with. */
function titleOf(slide: Element): string | undefined {
  const heading = select(':scope > h1, :scope > h2, :scope > h3', slide);
  return heading && slide.children.find((child) => child.type === 'element') === heading ? toText(heading).trim() : undefined;
}

/** The text a slide shows: everything but code and speaker notes. */
function shownText(slide: Element): string {
  const copy = structuredClone(slide);
  for (const hidden of selectAll('pre, code, aside.notes', copy)) hidden.children = [];
  return toText(copy);
}

const kinds: Array<{ name: string; dialect: string; titles: Array<string | undefined>; nested: boolean }> = [
  { name: 'notes', dialect: 'notes', titles: ['Storing images', 'Registries', 'Tags'], nested: true },
  { name: 'page', dialect: 'page', titles: ['🐳 Containers in practice', 'Questions you will be able to answer', 'Watch first', 'Running a container', 'Next'], nested: true },
  { name: 'tutorial', dialect: 'notes', titles: ['Packaging a web service', 'Prerequisites', 'Writing the Dockerfile', 'Configuration', 'Running it'], nested: true },
  { name: 'outline', dialect: 'outline', titles: ['Container basics', 'Registries', 'What is a tag', 'Lifecycle', 'What is ...'], nested: true },
  { name: 'reveal-md', dialect: 'reveal-md', titles: ['Networking containers', 'Bridge networks', 'Publishing a port', 'Host networking', 'Summary'], nested: true },
];

describe('every kind makes a presentable deck', () => {
  const inputs = new Map(cases('dialects').map((fixture) => [fixture.name, fixture.input]));
  for (const kind of kinds) {
    test(kind.name, async () => {
      const file = await render(inputs.get(kind.name)!);
      expect(file.data.dialect).toBe(kind.dialect);
      const html = String(file.value);
      const deck = slides(html);
      expect(deck.map(titleOf)).toEqual(kind.titles);
      if (kind.nested) expect(selectAll('li > ul > li, li > ol > li', fromHtml(html, { fragment: true })).length).toBeGreaterThan(0);
      for (const slide of deck) {
        const text = shownText(slide);
        expect(text).not.toMatch(/:::/);
        expect(text).not.toMatch(/\{[^}]*\}/);
        expect(text).not.toMatch(/\[[ xX]\]/);
        expect(text).not.toMatch(/\{\{|\{%|%\}|\}\}/);
      }
    });
  }
});

describe('format override', () => {
  const outline = 'Registries\n\n- store images\n - a private one needs a login\n';

  test('the course config sets the dialect of every lecture', async () => {
    const file = await render(outline, { format: 'pandoc' });
    expect(file.data.dialect).toBe('pandoc');
    expect(file.data.dialectReasons).toEqual(['the course config sets `format: pandoc`']);
    expect(String(file.value)).not.toContain('<h2');
  });

  test('front matter wins over the course config', async () => {
    const file = await render(`---\nformat: outline\n---\n\n${outline}`, { format: 'pandoc' });
    expect(file.data.dialect).toBe('outline');
    expect(String(file.value)).toContain('<h2>Registries</h2>');
  });

  test('the course config rejects an unknown format', async () => {
    const { validateConfig } = await import('../src/config/validate.js');
    expect(validateConfig({ format: 'slides' }).problems).toEqual(['`format` must be one of `pandoc`, `notes`, `page`, `outline`, `reveal-md`, `quarto`']);
  });
});
