/**
 * Every example in `docs/` does what the docs say: each `markdown`/`md`
 * block (and each `yaml` block that is front matter) is built as a lecture of
 * a course of its own, the way `lecture build` builds one (local files,
 * in-deck anchors), and gives exactly the warnings and errors its claim
 * comment names, no other; each `json`/`yaml` config example passes the
 * config validator. Claims: see test/helpers/doc-examples.ts and
 * docs/development.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { findThemes } from '../src/assets/vendor.js';
import { resolveConfig } from '../src/config/schema.js';
import { validateConfig } from '../src/config/validate.js';
import { createLectureBuilder } from '../src/course/lecture.js';
import type { MessageData } from '../src/course/messages.js';
import type { QuizKey } from '../src/types.js';
import { docExamples, type DocExample } from './helpers/doc-examples.js';

const repository = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// The README's example too: it is the first lecture a newcomer copies.
const { examples, stray } = docExamples(path.join(repository, 'docs'), repository, [path.join(repository, 'README.md')]);
const scratch = mkdtempSync(path.join(tmpdir(), 'lecture-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Small valid files for the placeholders an example names, by extension; others are empty. */
const placeholders: Record<string, Buffer> = {
  '.png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64'),
  '.svg': Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n'),
};

/** Build the example as the only lecture of a fresh course; its warnings and errors, placed in the docs file. */
async function buildExample(example: DocExample): Promise<{ messages: Array<MessageData & { where: string }>; quizzes: QuizKey[]; slides: number | undefined }> {
  const root = path.join(scratch, `${path.basename(example.file, '.md')}-${example.line}`);
  const lectures = path.join(root, 'lectures');
  mkdirSync(lectures, { recursive: true });
  for (const name of example.files) {
    const target = path.join(lectures, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, placeholders[path.extname(name).toLowerCase()] ?? Buffer.alloc(0));
  }
  const source = path.join(lectures, example.as);
  writeFileSync(source, `${example.value}\n`);
  const build = createLectureBuilder({
    root,
    out: path.join(root, 'dist'),
    config: resolveConfig(),
    themes: [...findThemes(root).keys()],
    decks: [[source, 'example']],
    cwd: root,
    quizSecret: 'docs',
  });
  const result = await build({ source, slug: 'example' } as Parameters<typeof build>[0]);
  const messages = result.messages
    .filter((message) => message.fatal !== undefined && message.fatal !== null)
    .map((message) => {
      const start = message.place?.start;
      // Line 1 of the example is the line after its opening fence.
      const where = start ? `${example.file}:${example.line + start.line}:${start.column}` : example.name;
      return { ...message, where };
    });
  return { messages, quizzes: result.quizzes, slides: result.summary?.slides };
}

function configProblems(example: DocExample): string[] {
  let value: unknown;
  try {
    value = example.lang === 'json' ? JSON.parse(example.value) : parseYaml(example.value);
  } catch (error) {
    return [`not valid ${example.lang}: ${(error as Error).message}`];
  }
  return example.parses ? [] : validateConfig(value).problems;
}

describe('reading the examples and their claims', () => {
  test('claims before a block, a stray claim, a misspelt claim, blocks of other languages', () => {
    const docs = mkdtempSync(path.join(scratch, 'docs-'));
    const fence = '```';
    writeFileSync(
      path.join(docs, 'a.md'),
      [
        '# A', '', '<!-- example: warns missing-file; files img/x.png; quizzes 1 -->', `${fence}markdown`, '![x](img/y.png)', fence, '',
        `${fence}sh`, 'lecture build', fence, '', '<!-- example: skip (a fragment) -->', '', 'Prose.', '',
        '<!-- example: parses -->', `${fence}yaml`, '- run: npm ci', fence, '', `${fence}yaml`, '---', 'title: T', '---', fence,
      ].join('\n'),
    );
    const { examples: found, stray: lost } = docExamples(docs, scratch);
    const file = `${path.basename(docs)}/a.md`;
    expect(found.map(({ name, kind, warns, files, quizzes, parses }) => ({ name, kind, warns, files, quizzes, parses }))).toEqual([
      { name: `${file}:4`, kind: 'lecture', warns: ['missing-file'], files: ['img/x.png'], quizzes: 1, parses: undefined },
      { name: `${file}:17`, kind: 'config', warns: [], files: [], quizzes: undefined, parses: true },
      { name: `${file}:21`, kind: 'lecture', warns: [], files: [], quizzes: undefined, parses: undefined },
    ]);
    expect(lost).toEqual([{ name: `${file}:12`, text: 'skip (a fragment)' }]);
    writeFileSync(path.join(docs, 'b.md'), `<!-- example: warn missing-file -->\n${fence}md\nx\n${fence}\n`);
    expect(() => docExamples(docs, scratch)).toThrow(/b\.md:2: unknown claim `warn missing-file`/);
  });
});

describe('docs examples', () => {
  test('there are examples, and every claim comment stands right before one', () => {
    expect(examples.filter((example) => example.kind === 'lecture' && !example.skip).length).toBeGreaterThan(20);
    expect(stray).toEqual([]);
  });

  for (const example of examples) {
    const label = `${example.name} (${example.lang}${example.kind === 'config' ? (example.parses ? ', parses' : ' config') : ''})`;
    if (example.skip) {
      test.skip(`${label}: ${example.skip}`, () => {});
      continue;
    }
    if (example.kind === 'config') {
      test(label, () => {
        expect(configProblems(example), 'a lecture.config file with this content is refused').toEqual([]);
      });
      continue;
    }
    test(label, async () => {
      const { messages, quizzes, slides } = await buildExample(example);
      const shown = messages.map((message) => `${message.where} ${message.fatal ? 'error' : 'warning'} ${message.reason} [${message.ruleId ?? ''}]`);
      const unclaimed = shown.filter((_, index) => !example.warns.includes(messages[index]!.ruleId ?? ''));
      expect(unclaimed, 'warnings the example does not claim (fix it, or claim them: <!-- example: warns rule-id -->)').toEqual([]);
      const missing = example.warns.filter((rule) => !messages.some((message) => message.ruleId === rule));
      expect(missing, 'rules the example claims but does not give').toEqual([]);
      if (example.quizzes !== undefined) expect(quizzes.map((quiz) => quiz.question), 'the quizzes of the deck').toHaveLength(example.quizzes);
      if (example.slides !== undefined) expect(slides, 'the slides of the deck').toBe(example.slides);
    });
  }
});
