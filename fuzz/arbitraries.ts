/**
 * What the fuzzer feeds the pipeline, as bytes: seeds from the corpora with
 * mutations of the kinds that broke it (stray `:::`, braces, brackets, `$`,
 * backticks, comments, NUL bytes, invalid UTF-8, CRLF, runs and repeats of
 * a slice, splices of two seeds), and documents generated from Pandoc's
 * syntax (nested divs with attributes, spans, math, quizzes, columns, notes).
 */
import fc from 'fast-check';
import type { Corpus } from './corpus.js';

const encoder = new TextEncoder();

/** Snippets inserted by mutations: syntax that opens, closes or breaks something. */
const snippets = [
  ':::', '::: {.columns}', '::: notes', '::: {.quiz multiple=true}', '::::::', '{', '}', '{.a #b k="v"}', '{=html}', '[', ']', '](', '[^1]', '[^1]: note',
  '$', '$$', '\\(', '`', '```', '~~~', '<!--', '-->', '<div>', '</div>', '<img src="x.png">', '<script>', '*', '**', '_', '~~', '> ', '- ', '1. ', '- [x] ',
  '# ', '## ', '---', '***', '|', '| a | b |\n|---|---|', '\\', '<', '&amp;', '&#0;', '\t', '    ', '\n', '\n\n', '\r\n', '\r', '\u2028', '\ufeff', '% title',
  '{{ liquid }}', '{% raw %}', '<!-- .slide: data-background="x" -->', 'Note:', '\\frac{', '\\begin{matrix}', '^{', 'https://example.org/a?b#c', '[x](http://[::1]:8080/)',
];

/** Bytes inserted by mutations: what text editors and broken uploads leave in files. */
const byteSnippets = [[0], [0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0xfe, 0xff], [0x1b, 0x5b, 0x31, 0x6d], [0x85], [0xa0]];

type Mutation = (bytes: Uint8Array, seeds: Uint8Array[]) => Uint8Array;

const at = (bytes: Uint8Array, position: number) => (bytes.length === 0 ? 0 : position % (bytes.length + 1));
const join = (...parts: Uint8Array[]) => {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
};
const insert = (bytes: Uint8Array, position: number, added: Uint8Array) => join(bytes.subarray(0, at(bytes, position)), added, bytes.subarray(at(bytes, position)));

/** One mutation, drawn at random. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.constantFrom(...snippets), fc.integer({ min: 1, max: 3 })).map(([position, snippet, times]): Mutation => (bytes) => insert(bytes, position, encoder.encode(snippet.repeat(times)))),
  fc.tuple(fc.nat(), fc.constantFrom(...byteSnippets)).map(([position, added]): Mutation => (bytes) => insert(bytes, position, Uint8Array.from(added))),
  fc.tuple(fc.nat(), fc.constantFrom('*', '_', '`', '[', ']', '{', '}', '$', ':', '>', '-', ' ', '\\', '<', '~', '|', '#', '!', '(', ')'), fc.integer({ min: 2, max: 3000 })).map(
    ([position, char, count]): Mutation => (bytes) => insert(bytes, position, encoder.encode(char.repeat(count))),
  ),
  fc.tuple(fc.nat(), fc.nat(200)).map(([position, length]): Mutation => (bytes) => join(bytes.subarray(0, at(bytes, position)), bytes.subarray(at(bytes, position) + length))),
  fc.tuple(fc.nat(), fc.nat(400), fc.integer({ min: 2, max: 60 })).map(([position, length, times]): Mutation => (bytes) => {
    const start = at(bytes, position);
    const slice = bytes.subarray(start, start + length);
    return join(bytes.subarray(0, start), ...Array.from({ length: times }, () => slice), bytes.subarray(start));
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(2000)).map(([position, which, from, length]): Mutation => (bytes, seeds) => {
    const other = seeds[which % seeds.length]!;
    const start = at(other, from);
    return insert(bytes, position, other.subarray(start, start + length));
  }),
  fc.constant<Mutation>((bytes) => encoder.encode(new TextDecoder().decode(bytes).replace(/\r?\n/g, '\r\n'))),
  fc.nat().map((position): Mutation => (bytes) => bytes.subarray(0, at(bytes, position))),
);

/** Seeds of `corpus` with one to eight mutations. */
export function mutated(corpus: Corpus, all: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const seeds = corpus.inputs.map((input) => encoder.encode(input));
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 8 })).map(([seed, mutations]) => mutations.reduce<Uint8Array>((bytes, mutate) => mutate(bytes, all), seed));
}

/** Seeds of `corpus` as they are. */
export function unchanged(corpus: Corpus): fc.Arbitrary<Uint8Array> {
  return fc.constantFrom(...corpus.inputs.map((input) => encoder.encode(input)));
}

const word = fc.constantFrom('docker', 'image', 'layer', 'x', 'Café', 'naïve', '日本', 'a_b', 'TODO', 'é', '`run`', '**bold**', '*em*', '$x^2$', '[link](a.md)', '![i](img/x.png)');
const words = fc.array(word, { minLength: 1, maxLength: 8 }).map((list) => list.join(' '));
const attributes = fc
  .tuple(fc.option(fc.constantFrom('#id', '#a-b', '#日本'), { nil: undefined }), fc.array(fc.constantFrom('.notes', '.columns', '.column', '.fragment', '.incremental', '.quiz', '.correct', '.x'), { maxLength: 3 }), fc.array(fc.constantFrom('width="40%"', 'k=v', 'multiple=true', 'shuffle=true', 'data-background-image="a.png"', 'feedback="no"', 'bad="'), { maxLength: 2 }))
  .map(([id, classes, values]) => `{${[id, ...classes, ...values].filter(Boolean).join(' ')}}`);
const formula = fc.constantFrom('x', '\\frac{a}{b}', '\\sqrt{x}', 'x^{2}_{i}', '\\begin{matrix} a & b \\end{matrix}', '\\left( x \\right)', '{', '\\unknown', '}').chain((seed) =>
  fc.integer({ min: 1, max: 80 }).map((depth) => (depth > 40 ? `${'{'.repeat(depth)}${seed}${'}'.repeat(depth)}` : seed)),
);

/** A block of Pandoc's slide markdown, nesting `depth` more levels at most. */
function block(depth: number): fc.Arbitrary<string> {
  const leaves = fc.oneof(
    words.map((text) => `${text}\n`),
    fc.tuple(fc.integer({ min: 1, max: 3 }), words, fc.option(attributes, { nil: '' })).map(([level, text, attrs]) => `${'#'.repeat(level)} ${text} ${attrs}\n`),
    fc.array(words, { minLength: 1, maxLength: 5 }).map((items) => items.map((item) => `- ${item}\n`).join('')),
    fc.tuple(formula, fc.boolean()).map(([tex, display]) => (display ? `$$\n${tex}\n$$\n` : `Inline $${tex}$ math.\n`)),
    fc.tuple(words, fc.array(fc.tuple(fc.boolean(), words), { minLength: 0, maxLength: 4 })).map(([question, options]) => `::: {.quiz}\n${question}?\n\n${options.map(([right, text]) => `- [${right ? 'x' : ' '}] ${text}\n`).join('')}:::\n`),
    fc.constantFrom('```python\nprint("hi")\n```\n', '---\n', '. . .\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', '[span]{.mark}\n', 'Term\n: definition\n', '^[inline note]\n', '> quote\n'),
  );
  if (depth === 0) return leaves;
  return fc.oneof(
    { weight: 3, arbitrary: leaves },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 3, max: 6 }), attributes, fc.array(block(depth - 1), { maxLength: 3 })).map(([colons, attrs, inner]) => `${':'.repeat(colons)} ${attrs}\n${inner.join('\n')}\n${':'.repeat(colons)}\n`) },
    { weight: 1, arbitrary: fc.array(block(depth - 1), { maxLength: 3 }).map((inner) => inner.join('\n').replace(/^/gm, '> ')) },
    { weight: 1, arbitrary: fc.array(block(depth - 1), { maxLength: 2 }).map((inner) => `- ${inner.join('\n').replace(/\n(?=.)/g, '\n  ')}`) },
  );
}

/** A whole lecture in Pandoc's syntax: front matter, then slides of nested blocks. */
export const pandocLecture: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.option(fc.constantFrom('---\ntitle: T\nauthor: [A, B]\nslide-level: 2\n---\n', '% Title\n% Author\n', '---\ntitle: [oops\n---\n'), { nil: '' }), fc.array(block(4), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }))
  .map(([front, blocks, nesting]) => encoder.encode(`${front}\n${blocks.join('\n')}${nesting > 150 ? `\n${'::: {.deep}\n'.repeat(nesting)}x\n${':::\n'.repeat(nesting)}` : ''}`));
