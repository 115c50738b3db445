/**
 * Front matter keys in every dialect: a slip of one we read is reported with
 * the fix, other tools' keys and the author's own never are, and reveal.js's
 * camel-case option names are read.
 */
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { resolveConfig } from '../../src/config/schema.js';
import { createParser } from '../../src/pipeline.js';
import { likelyKey, otherTools, sortKeys } from '../../src/transforms/front-matter-keys.js';

async function parse(text: string, name = 'lecture.md'): Promise<VFile> {
  const file = new VFile({ path: name, value: text });
  const parser = createParser(resolveConfig());
  await parser.run(parser.parse(file), file);
  return file;
}

describe('likelyKey', () => {
  test('case, separators and two swapped letters, one letter off from five letters, two from six', () => {
    expect(likelyKey('Subtitle')).toBe('subtitle');
    expect(likelyKey('slide_level')).toBe('slide-level');
    expect(likelyKey('titel')).toBe('title');
    expect(likelyKey('thme')).toBeUndefined();
    expect(likelyKey('logos')).toBe('logo');
    expect(likelyKey('footers')).toBe('footer');
    expect(likelyKey('centre')).toBe('center');
    expect(likelyKey('heigth')).toBe('height');
    expect(likelyKey('authors')).toBe('author');
  });

  test("an author's own short or distant key is never taken for one of ours", () => {
    for (const own of ['data', 'name', 'type', 'time', 'week', 'course', 'module', 'lesson', 'summary', 'credits']) expect(likelyKey(own), own).toBeUndefined();
  });
});

describe('sortKeys', () => {
  test("ours, other tools', the author's own and the slips", () => {
    const sorted = sortKeys({ title: 'T', slideNumber: true, layout: 'page', aspectratio: 169, highlightTheme: 'x', execute: {}, course: 'CS', subtitel: 'S' });
    expect(sorted).toEqual({
      used: ['title', 'slideNumber'],
      otherTools: [{ key: 'layout', tool: 'Jekyll' }, { key: 'aspectratio', tool: 'Beamer' }, { key: 'highlightTheme', tool: 'reveal-md' }, { key: 'execute', tool: 'Quarto' }],
      own: ['course'],
      misspelt: [{ key: 'subtitel', guess: 'subtitle' }],
    });
  });

  test('no key of another tool is a slip of ours: each is ignored in silence', () => {
    for (const [tool, keys] of Object.entries(otherTools)) {
      const sorted = sortKeys(Object.fromEntries(keys.map((key) => [key, 1])));
      expect(sorted.misspelt, tool).toEqual([]);
    }
  });
});

describe('in the pipeline', () => {
  test('every dialect: a Jekyll page, a reveal-md deck and an outline get the same warning', async () => {
    const cases = [
      ['page', '---\ntitel: A\nlayout: page\npermalink: /a/\n---\n\nInstructor: X\n\n## One\n\ntext\n'],
      ['reveal-md', '---\ntitel: A\ntheme: black\nseparator: "^---$"\nhighlightTheme: zenburn\n---\n\n## One\n\n---\n\n## Two\n'],
      ['outline', '---\ntitel: A\n---\n\nRegistries\n\n- store images\n - private ones\n'],
    ] as const;
    for (const [dialect, text] of cases) {
      const file = await parse(text);
      expect(file.data.dialect).toBe(dialect);
      expect(file.messages.map((message) => `${message.line}: ${message.reason}`), dialect).toEqual(['2: Unknown front matter key `titel`; did you mean `title`?']);
    }
  });

  test("reveal.js's camel-case names are read as Quarto's (`slideNumber`), Quarto's winning when both are given", async () => {
    const file = await parse('---\nslideNumber: c/t\nbackgroundTransition: fade\nautoAnimate: true\n---\n\n## One\n');
    expect(file.data.deck?.reveal).toMatchObject({ slideNumber: 'c/t', backgroundTransition: 'fade', autoAnimate: true });
    expect(file.messages).toEqual([]);
    const both = await parse('---\nslide-number: true\nslideNumber: c/t\n---\n\n## One\n');
    expect(both.data.deck?.reveal.slideNumber).toBe(true);
    const wrong = await parse('---\nslideNumber: sometimes\n---\n\n## One\n');
    expect(wrong.messages.map((message) => `${message.line}: ${message.reason}`)).toEqual(['2: Front matter `slideNumber` must be `true`, `false` or one of `h.v`, `h/v`, `c`, `c/t`; it is ignored']);
  });

  test('keys under Quarto\'s `format: revealjs:` are checked there, once', async () => {
    const file = await parse('---\nformat:\n  revealjs:\n    transitoin: fade\n---\n\n## One\n', 'deck.qmd');
    expect(file.messages.map((message) => message.reason)).toEqual(['Unknown option `transitoin` under `format: revealjs:`; did you mean `transition`?']);
  });
});
