/**
 * A `format:` as Pandoc writes one: a name and extensions switched on or off
 * (`markdown-smart`, `pandoc+smart-raw_tex`, `reveal-md-smart`). The name
 * picks the dialect (`markdown` is Pandoc's own name for ours); the
 * extensions are read by the transforms they concern.
 */
import { dialects } from './detect.js';

/** Pandoc's names for the formats we read as one of our dialects. */
const aliases: Record<string, string> = { markdown: 'pandoc' };

/** A format split into its name and its extensions (`true` on, `false` off). */
export interface Format {
  base: string;
  extensions: Record<string, boolean>;
}

/** Read a `format:` value; `undefined` when it is not text. */
export function parseFormat(format: unknown): Format | undefined {
  if (typeof format !== 'string') return undefined;
  const value = format.trim();
  const names = [...dialects, ...Object.keys(aliases)].sort((a, b) => b.length - a.length);
  const known = names.find((name) => value === name || (value.startsWith(name) && /^[+-]/.test(value.slice(name.length))));
  const base = known ?? value.split(/[+-]/)[0] ?? value;
  const extensions: Record<string, boolean> = {};
  for (const match of value.slice(base.length).matchAll(/([+-])([a-z_]+)/g)) extensions[match[2]!] = match[1] === '+';
  return { base: aliases[base] ?? base, extensions };
}

/** The dialect name of a format, without its extensions. */
export function formatBase(format: unknown): string | undefined {
  return parseFormat(format)?.base;
}

/** The extensions a format switches on (`true`) or off (`false`). */
export function formatExtensions(format: unknown): Record<string, boolean> {
  return parseFormat(format)?.extensions ?? {};
}

/**
 * The Pandoc extensions a lecture's front matter switches on or off: its
 * `from:` (as Quarto decks write `from: markdown+emoji`) and its `format:`
 * string, the latter winning.
 */
export function lectureExtensions(raw: Record<string, unknown> | undefined): Record<string, boolean> {
  return { ...formatExtensions(raw?.from), ...formatExtensions(raw?.format) };
}
