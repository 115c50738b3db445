/**
 * Lecture metadata from YAML front matter and the Pandoc `% title` block.
 *
 * Both are removed from the tree; the merged metadata lands in
 * `file.data.meta`. Invalid YAML and values of the wrong type are reported
 * at the offending key; the deck still builds with what could be read. The
 * YAML parser loads only for lectures that have front matter.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Document } from 'yaml';
import { report, rules } from '../diagnostics.js';
import { commonJs } from '../interop.js';
import type { LectureMeta, MetaOffsets, TitleBlockLine } from '../types.js';

type Yaml = typeof import('yaml');

type FieldKind = 'text' | 'list' | 'number' | 'boolean' | 'theme';

/** The front matter keys we read, with the kind of value each expects. */
const fields: Record<string, { key: keyof LectureMeta; kind: FieldKind }> = {
  title: { key: 'title', kind: 'text' },
  subtitle: { key: 'subtitle', kind: 'text' },
  author: { key: 'author', kind: 'list' },
  date: { key: 'date', kind: 'text' },
  institute: { key: 'institute', kind: 'text' },
  theme: { key: 'theme', kind: 'theme' },
  'slide-level': { key: 'slideLevel', kind: 'number' },
  incremental: { key: 'incremental', kind: 'boolean' },
  lang: { key: 'lang', kind: 'text' },
};

/** Course-wide defaults for lecture metadata. */
export interface MetaDefaults {
  /** @default false */
  incremental?: boolean | undefined;
}

/** Remark plugin: read front matter and the title block into `file.data.meta`. */
export function frontMatter(defaults: MetaDefaults = {}): (tree: Root, file: VFile) => Promise<Root> {
  return async (tree, file) => {
    const yaml = tree.children.some((node) => node.type === 'yaml') ? commonJs(await import('yaml')) : undefined;
    file.data.meta = readMeta(tree, file, defaults, yaml);
    return tree;
  };
}

/** Read and remove the metadata nodes of `tree` (`yaml`, the parser, when it has front matter). */
function readMeta(tree: Root, file: VFile, defaults: MetaDefaults, yaml: Yaml | undefined): LectureMeta {
  const meta: LectureMeta = { author: [], incremental: defaults.incremental ?? false, raw: {}, positions: {}, offsets: {} };
  const titleLines: TitleBlockLine[] = [];
  const kept: RootContent[] = [];
  for (const node of tree.children) {
    if (node.type === 'yaml') {
      if (yaml) readYaml(yaml, node.value, node, file, meta);
    } else if (node.type === 'titleBlockLine') titleLines.push(node);
    else kept.push(node);
  }
  tree.children = kept;
  applyTitleBlock(titleLines, meta, String(file.value));
  return meta;
}

function applyTitleBlock(lines: TitleBlockLine[], meta: LectureMeta, source: string): void {
  const [title, authors, date] = lines;
  const offsets = (meta.offsets ??= {});
  const offsetOf = (line: TitleBlockLine) => {
    const start = line.position?.start.offset;
    return start === undefined ? undefined : source.indexOf(line.value, start);
  };
  if (title?.value && meta.title === undefined) {
    meta.title = title.value;
    offsets.title = offsetOf(title);
  }
  if (authors?.value && meta.author.length === 0) meta.author = splitList(authors.value);
  if (date?.value && meta.date === undefined) {
    meta.date = date.value;
    offsets.date = offsetOf(date);
  }
}

function splitList(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

function readYaml(yaml: Yaml, value: string, node: RootContent, file: VFile, meta: LectureMeta): void {
  const { isMap } = yaml;
  const start = contentOffset(file, node);
  const locator = location(file);
  const place = (offset: number | undefined) => {
    const point = offset === undefined ? undefined : locator.toPoint(start + offset);
    return point ? { position: { start: point, end: point } } : node;
  };
  const keyPlace = (name: string) => place(keyOffset(yaml, doc, name));
  // YAML warns on the process's stderr (past `-q`) when a key is a list or a map, which it reads as text; no key of ours is one.
  const doc = yaml.parseDocument(value, { prettyErrors: false, logLevel: 'error' });
  for (const error of doc.errors) {
    // YAML's parser turns a stack overflow on deep nesting into one of its errors: say what it means.
    const reason = /Maximum call stack/.test(error.message) ? 'nested too deeply' : error.message.split('\n')[0];
    report(file, `Cannot read front matter: ${reason}`, rules.frontMatter, place(error.pos[0]));
  }
  if (doc.errors.length > 0) return;
  if (doc.contents !== null && !isMap(doc.contents)) {
    report(file, 'Front matter must be a mapping of `key: value` lines', rules.frontMatter, node);
    return;
  }
  let raw: Record<string, unknown>;
  try {
    raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  } catch (error) {
    // What parses but cannot become values: an alias to no anchor (`date: *x`), aliases past YAML's limit.
    const message = (error as Error).message;
    report(file, `Cannot read front matter: ${/Maximum call stack/.test(message) ? 'nested too deeply' : message.split('\n')[0]!.slice(0, 200)}`, rules.frontMatter, node);
    return;
  }
  meta.raw = raw;
  for (const name of Object.keys(raw)) {
    const position = keyPlace(name).position;
    if (position) meta.positions[name] = position;
  }
  const block = revealjsBlock(raw.format);
  if (block) {
    // Quarto's `format: revealjs:` options count like top-level keys, and win over them as in Quarto.
    meta.formatOptions = block;
    for (const [name, value] of Object.entries(block)) {
      raw[name] = value;
      const position = place(keyOffset(yaml, doc, name, ['format', 'revealjs'])).position;
      if (position) meta.positions[name] = position;
    }
  }
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in raw) || raw[name] === null) continue;
    const result = convert(raw[name], field.kind);
    if (result.ok) (meta as unknown as Record<string, unknown>)[field.key] = result.value;
    else report(file, `Front matter \`${name}\` must be ${result.expected}`, rules.frontMatter, meta.positions[name] ? { position: meta.positions[name] } : keyPlace(name));
  }
  meta.offsets = textOffsets(yaml, doc, start);
}

/** Where the text of each title-slide field starts in the file: plain and quoted scalars only. */
function textOffsets({ isMap, isScalar, isSeq }: Yaml, doc: Document, start: number): MetaOffsets {
  const offsets: MetaOffsets = {};
  if (!isMap(doc.contents)) return offsets;
  const scalarOffset = (node: unknown): number | undefined => {
    if (!isScalar(node) || !node.range || !['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(String(node.type))) return undefined;
    return start + node.range[0] + (node.type === 'PLAIN' ? 0 : 1);
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'title' || key === 'subtitle' || key === 'institute' || key === 'date') offsets[key] = scalarOffset(pair.value);
    if (key === 'author') {
      const items = isSeq(pair.value) ? pair.value.items : [pair.value];
      offsets.author = items.map((item) => scalarOffset(isMap(item) ? item.get('name', true) : item));
    }
  }
  return offsets;
}

/** Offset in the file where the YAML text (after the opening `---` line) starts. */
function contentOffset(file: VFile, node: RootContent): number {
  const nodeStart = node.position?.start.offset ?? 0;
  const newline = String(file.value).indexOf('\n', nodeStart);
  return newline === -1 ? nodeStart : newline + 1;
}

/** Offset of the key `name` in the mapping reached through the keys `path` (the top level by default). */
function keyOffset({ isMap, isScalar }: Yaml, doc: Document, name: string, path: string[] = []): number | undefined {
  let map: unknown = doc.contents;
  for (const step of path) {
    if (!isMap(map)) return undefined;
    map = map.items.find((item) => isScalar(item.key) && item.key.value === step)?.value;
  }
  if (!isMap(map)) return undefined;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === name);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** The options under Quarto's `format: revealjs:`, when front matter has that block. */
function revealjsBlock(format: unknown): Record<string, unknown> | undefined {
  if (!format || typeof format !== 'object' || Array.isArray(format)) return undefined;
  const block = (format as Record<string, unknown>).revealjs;
  return block && typeof block === 'object' && !Array.isArray(block) ? (block as Record<string, unknown>) : undefined;
}

type Converted = { ok: true; value: unknown } | { ok: false; expected: string };

function convert(value: unknown, kind: FieldKind): Converted {
  switch (kind) {
    case 'text':
      return isText(value) ? { ok: true, value: String(value) } : { ok: false, expected: 'text' };
    case 'number':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 6
        ? { ok: true, value }
        : { ok: false, expected: 'a whole number from 0 to 6' };
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, expected: '`true` or `false`' };
    case 'list':
      return convertList(value);
    case 'theme':
      return convertTheme(value);
  }
}

/** Quarto's theme names that are not reveal.js's: `default` is ours, `dark` is reveal.js's `black`. */
const quartoThemes: Record<string, string | undefined> = { default: undefined, dark: 'black' };

/**
 * A theme name, or Quarto's list of a theme and Sass files
 * (`[default, custom.scss]`): the first name that is not a Sass file.
 */
function convertTheme(value: unknown): Converted {
  const names = Array.isArray(value) ? value : [value];
  if (!names.every(isText)) return { ok: false, expected: 'a theme name or a list of them' };
  const name = names.map(String).find((entry) => !/\.s?css$/i.test(entry));
  return { ok: true, value: name !== undefined && name in quartoThemes ? quartoThemes[name] : name };
}

/** Authors: `A`, `A; B`, `[A, B]` or `[{name: A}, …]` as Pandoc accepts them. */
function convertList(value: unknown): Converted {
  if (isText(value)) return { ok: true, value: splitList(String(value)) };
  // Quarto's single author as a mapping: `author: {name: A, affiliation: …}`.
  if (value && typeof value === 'object' && !Array.isArray(value)) value = [value];
  if (!Array.isArray(value)) return { ok: false, expected: 'text or a list of names' };
  const names: string[] = [];
  for (const item of value) {
    if (isText(item)) names.push(String(item));
    else if (item && typeof item === 'object' && nameOf((item as { name?: unknown }).name) !== undefined) {
      names.push(nameOf((item as { name: unknown }).name)!);
    } else return { ok: false, expected: 'text or a list of names' };
  }
  return { ok: true, value: names };
}

/** An author's name: text, or Quarto's `{given, family}` / `{literal}`. */
function nameOf(name: unknown): string | undefined {
  if (isText(name)) return String(name);
  if (!name || typeof name !== 'object') return undefined;
  const { given, family, literal } = name as Record<string, unknown>;
  if (isText(literal)) return String(literal);
  const parts = [given, family].filter(isText).map(String);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function isText(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}
