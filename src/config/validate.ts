/**
 * Validate a configuration as written, with zod. Every problem names the key
 * and what was expected, e.g. "`reveal.width` must be a number, not text".
 */
import * as z from 'zod';
import type { UserConfig } from './schema.js';
import { closest } from '../suggest.js';
import { dialects } from '../dialects/detect.js';
import { rules } from '../diagnostics.js';
import { stringIds } from '../i18n/strings.js';

const setting = z.enum(['off', 'warn', 'error', 'info']);

const reveal = z.strictObject({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  margin: z.number().min(0).max(0.5),
  transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']),
  slideNumber: z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
  controls: z.boolean(),
  progress: z.boolean(),
  center: z.boolean(),
  fragments: z.boolean(),
  loop: z.boolean(),
});

const quiz = z.strictObject({
  answers: z.enum(['hidden', 'after-each', 'appendix']),
  keys: z.string().min(1),
});

const classroom = z.strictObject({
  results: z.string().min(1),
});

const assets = z.strictObject({
  allow: z.array(z.string().min(1)),
});

const pdf = z.strictObject({
  browser: z.string().min(1),
  fragments: z.boolean(),
  notes: z.enum(['none', 'below', 'separate']),
  handout: z.union([z.literal(0), z.literal(2), z.literal(3), z.literal(6)]),
  pageNumbers: z.boolean(),
  tagged: z.boolean(),
  timeout: z.number().positive(),
  jobs: z.number().int().positive(),
  shardSize: z.number().int().positive(),
});

const publish = z.strictObject({
  notes: z.boolean(),
});

const output = z.strictObject({
  singleFile: z.boolean(),
});

const fit = z.strictObject({
  enabled: z.boolean(),
  minScale: z.number().min(0.5).max(1),
});

const check = z.strictObject({
  offline: z.boolean(),
  remoteAnchors: z.boolean(),
  exclude: z.array(z.string().min(1)),
  cacheAge: z.number().min(0),
  timeout: z.number().positive(),
  perHost: z.number().int().positive(),
  concurrency: z.number().int().positive(),
  retries: z.number().int().min(0).max(10),
  layout: z.boolean(),
  hostBudget: z.number().positive(),
  skipPrivate: z.boolean(),
});

const schema = z.strictObject({
  $schema: z.string(),
  title: z.string(),
  lectures: z.string().min(1),
  out: z.string().min(1),
  theme: z.string().min(1),
  lang: z.string().min(1),
  incremental: z.boolean(),
  smart: z.boolean(),
  strings: z.record(z.string(), z.string()),
  format: z.enum(dialects),
  reveal: reveal.partial(),
  rules: z.record(z.string(), setting),
  cache: z.union([z.string().min(1), z.literal(false)]),
  assets: assets.partial(),
  classroom: classroom.partial(),
  lectureTimeout: z.number().positive(),
  quiz: quiz.partial(),
  pdf: pdf.partial(),
  fit: fit.partial(),
  check: check.partial(),
  publish: publish.partial(),
  output: output.partial(),
}).partial();

/** The problems in `value` as sentences, or the typed configuration. */
export function validateConfig(value: unknown): { config: UserConfig; problems: [] } | { config?: undefined; problems: string[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) {
    const { $schema: _schema, ...config } = result.data;
    const unknown = Object.keys(config.rules ?? {}).filter((id) => !known.has(id));
    if (unknown.length > 0) return { problems: unknown.map((id) => `Unknown rule \`${id}\`${suggestion(closest(id, known))}`) };
    const strings = Object.keys(config.strings ?? {}).filter((id) => !stringIds.has(id));
    if (strings.length > 0) return { problems: strings.map((id) => `Unknown string \`strings.${id}\`${suggestion(closest(id, stringIds))}`) };
    return { config, problems: [] };
  }
  return { problems: result.error.issues.map(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((name) => unknownKey(key, name)).join('\n');
    case 'invalid_type':
      return `\`${key || 'config'}\` must be ${article(issue.expected)}, not ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `\`${key}\` must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'invalid_union':
      if (key === 'pdf.handout') return '`pdf.handout` must be 0, 2, 3 or 6';
      return key === 'cache'
        ? '`cache` must be a folder name or `false`'
        : `\`${key}\` must be \`true\`, \`false\` or one of \`h.v\`, \`h/v\`, \`c\`, \`c/t\``;
    default:
      return `\`${key}\`: ${issue.message}`;
  }
}

const known = new Set<string>(Object.values(rules));

function suggestion(guess: string | undefined): string {
  return guess ? `; did you mean \`${guess}\`?` : '';
}

function unknownKey(parent: string, name: string): string {
  const path = parent ? `${parent}.${name}` : name;
  const shapes: Record<string, object> = { '': schema.shape, reveal: reveal.shape, assets: assets.shape, classroom: classroom.shape, quiz: quiz.shape, pdf: pdf.shape, fit: fit.shape, check: check.shape, publish: publish.shape, output: output.shape };
  const known = Object.keys(shapes[parent] ?? {});
  const guess = closest(name, known);
  return `Unknown key \`${path}\`${guess ? `; did you mean \`${parent ? `${parent}.` : ''}${guess}\`?` : ''}`;
}

function article(type: string): string {
  if (type === 'object') return 'a mapping';
  if (type === 'number' || type === 'boolean' || type === 'string') return type === 'string' ? 'text' : `a ${type}`;
  return type;
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `text (\`${value}\`)`;
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}
