/**
 * Emoji that print on any machine. Most CI runners (and many Linux
 * desktops) have no colour emoji font, so an emoji in a lecture printed as
 * an empty box, or a black outline. Every deck and PDF now falls back to
 * Noto Color Emoji (Google's, as `@fontsource/noto-color-emoji` packages it:
 * maintained with Google Fonts, OFL-licensed, a COLRv1 vector font that
 * Chromium draws and prints), subset to the emoji the course uses: a few
 * kilobytes instead of 5.8 MB.
 *
 * The font is declared twice from one file: `Lecture Emoji`, first in every
 * font list of the themes, for characters shown as emoji (emoji
 * presentation, or followed by VS16), so they look the same everywhere; and
 * `Lecture Symbols`, last, for the text-style symbols the font also has
 * (`☺`, `✔`, `♥` …), used only when no other font has them.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { copyAtomically, writeAtomically } from '../write.js';
import { subsetColr } from './colr.js';
import { readTables, subsetFont, toTrueType, toWoff2, writeFont } from './subset.js';

const require = createRequire(import.meta.url);

/** The family names the themes' font lists get. */
export const emojiFamily = 'Lecture Emoji';
export const symbolFamily = 'Lecture Symbols';

/** An emoji sequence: a flag, a keycap, a tag sequence, or pictographs joined by ZWJ, each with its modifiers. */
const sequence =
  /\p{RI}\p{RI}|[#*0-9]\uFE0F?\u20E3|\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|[\u{E0020}-\u{E007E}]+\u{E007F})*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*/gu;
const presentation = /\p{Emoji_Presentation}|\uFE0F|\u200D|\p{EMod}|\p{RI}|\u20E3/u;
const pictographic = /\p{Extended_Pictographic}/u;

/** The characters of `text` the emoji font may draw: as emoji, or as a symbol no other font has. */
export function emojiOf(text: string, found: { emoji: Set<number>; symbols: Set<number> }): void {
  for (const match of text.matchAll(sequence)) {
    const shown = presentation.test(match[0]);
    for (const character of match[0]) {
      const code = character.codePointAt(0)!;
      // ASCII (keycap digits) and Latin-1 / ™ (© ®) stay with the text fonts.
      if (code < 0x100 || code === 0x2122) continue;
      if (shown) found.emoji.add(code);
      else if (pictographic.test(character)) found.symbols.add(code);
    }
  }
}

/**
 * `css` with the emoji families in every font list: `Lecture Emoji` first,
 * `Lecture Symbols` last. `@font-face` rules (which name one family) and
 * lists made of `var(…)` or a keyword are left as they are.
 */
export function withEmojiFallback(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*\}|((?:font-family|--[\w-]*font)\s*:\s*)([^;{}]+)/g, (whole, property: string | undefined, list: string | undefined) => {
    if (!property || !list) return whole;
    const value = list.trim();
    if (/var\(|^(inherit|initial|unset|revert|revert-layer)$/i.test(value) || value.includes(emojiFamily) || !/[a-z'"]/i.test(value)) return whole;
    const important = /\s*!important$/i.exec(value)?.[0] ?? '';
    return `${property}'${emojiFamily}', ${value.slice(0, value.length - important.length)}, '${symbolFamily}'${important}`;
  });
}

/** The characters a course's decks use, as each deck's summary lists them (`emoji`, `symbols`). */
export interface EmojiUse {
  emoji?: string | undefined;
  symbols?: string | undefined;
}

/** Where the stylesheet declaring the emoji faces goes, in the asset folder. */
export const emojiStylesheet = 'emoji.css';

/**
 * Write `<assets>/emoji.css` and the font subset to what `decks` use (old
 * subsets removed); nothing when no deck uses any. `cache` keeps subsets
 * between builds (making one takes a few seconds).
 */
export async function writeEmojiFont(assets: string, decks: EmojiUse[], cache: string | false): Promise<void> {
  const emoji = new Set(decks.flatMap((deck) => codes(deck.emoji)));
  const symbols = new Set(decks.flatMap((deck) => codes(deck.symbols)));
  const fonts = path.join(assets, 'fonts');
  if (emoji.size + symbols.size === 0) return;
  const covered = await coverage();
  const shown = [...emoji].filter((code) => covered.has(code)).sort((a, b) => a - b);
  const fallback = [...symbols].filter((code) => covered.has(code) && !emoji.has(code)).sort((a, b) => a - b);
  if (shown.length + fallback.length === 0) return;
  const key = createHash('sha256').update(`${fontVersion()}\n${shown.join(',')}\n${fallback.join(',')}`).digest('hex').slice(0, 16);
  const name = `emoji-${key}.woff2`;
  const target = path.join(fonts, name);
  if (!existsSync(target)) await copyOrMake(target, [...shown, ...fallback], cache === false ? undefined : path.join(cache, 'fonts', name));
  for (const old of existsSync(fonts) ? readdirSync(fonts) : []) if (/^emoji-[0-9a-f]{16}\.woff2$/.test(old) && old !== name) await rm(path.join(fonts, old), { force: true });
  const face = (family: string, codes: number[]) =>
    codes.length === 0 ? '' : `@font-face { font-family: '${family}'; font-style: normal; font-weight: 100 900; font-display: block; src: url(fonts/${name}) format('woff2'); unicode-range: ${ranges(codes)}; }\n`;
  const css = `/* Noto Color Emoji (OFL-1.1, Google), subset to the emoji and symbols this course uses. */\n${face(emojiFamily, shown)}${face(symbolFamily, fallback)}`;
  await writeAtomically(path.join(assets, emojiStylesheet), css);
}

async function copyOrMake(target: string, codes: number[], cached: string | undefined): Promise<void> {
  if (cached && existsSync(cached)) return copyAtomically(cached, target);
  const font = await emojiSubset(codes);
  await writeAtomically(target, font);
  if (cached) {
    await mkdir(path.dirname(cached), { recursive: true });
    await writeAtomically(cached, font);
  }
}

/** Noto Color Emoji as WOFF2, subset to `codes` with its colour glyphs (`COLR`) and palettes (`CPAL`). */
export async function emojiSubset(codes: number[]): Promise<Buffer> {
  const full = await fullFont();
  // First the glyphs the characters need (with their ligatures: flags, skin tones, ZWJ sequences)…
  const first = await subsetFont(full, { unicodes: codes, retainGids: true });
  const reached = glyphsWithAdvance(first);
  const tables = readTables(full);
  const colr = tables.get('COLR');
  if (!colr) return toWoff2(first);
  // …then every glyph their colour paints draw, in a second pass that keeps them too.
  const colour = subsetColr(colr, reached);
  const second = await subsetFont(full, { unicodes: codes, glyphs: colour.glyphs, retainGids: true });
  const result = readTables(second);
  result.set('COLR', colour.table);
  const palette = tables.get('CPAL');
  if (palette) result.set('CPAL', palette);
  return toWoff2(writeFont(result));
}

/** Glyphs a retain-gids subset kept: the ones with an advance width (unkept ones have none). */
function glyphsWithAdvance(font: Buffer): number[] {
  const tables = readTables(font);
  const [hhea, hmtx] = [tables.get('hhea'), tables.get('hmtx')];
  if (!hhea || !hmtx) return [];
  const kept: number[] = [];
  for (let glyph = 0; glyph < hhea.readUInt16BE(34); glyph++) if (hmtx.readUInt16BE(4 * glyph) > 0) kept.push(glyph);
  return kept;
}

let loaded: Promise<Buffer> | undefined;
let covers: Promise<Set<number>> | undefined;

/**
 * The three files of `@fontsource/noto-color-emoji` we use (the emoji face,
 * its Unicode ranges, its version), as the package ships them in
 * `lib/vendor/noto-color-emoji/` (the 25 MB package is not installed with
 * it), or from the development install while `lib/` is not compiled.
 */
function emojiFile(name: 'font.woff2' | 'unicode.json' | 'package.json'): string {
  const shipped = path.join(packageRoot(), 'lib', 'vendor', 'noto-color-emoji', name);
  if (existsSync(shipped)) return shipped;
  const installed = path.dirname(require.resolve('@fontsource/noto-color-emoji/package.json'));
  return path.join(installed, name === 'font.woff2' ? 'files/noto-color-emoji-emoji-400-normal.woff2' : name);
}

function fullFont(): Promise<Buffer> {
  return (loaded ??= readFile(emojiFile('font.woff2')).then(toTrueType));
}

let version: string | undefined;
function fontVersion(): string {
  return (version ??= (JSON.parse(readFileSync(emojiFile('package.json'), 'utf8')) as { version: string }).version);
}

/** The characters Noto Color Emoji has, from the ranges of its font faces (read without decompressing the font). */
export function coverage(): Promise<Set<number>> {
  return (covers ??= readFile(emojiFile('unicode.json'), 'utf8').then((text) => {
    const set = new Set<number>();
    for (const list of Object.values(JSON.parse(text) as Record<string, string>)) {
      for (const range of list.split(',')) {
        const [from, to] = range.trim().replace(/^U\+/i, '').split('-').map((hex) => Number.parseInt(hex, 16));
        for (let code = from!; code <= (to ?? from!); code++) set.add(code);
      }
    }
    return set;
  }));
}

function codes(text: string | undefined): number[] {
  return [...(text ?? '')].map((character) => character.codePointAt(0)!);
}

/** `codes` (sorted) as a CSS `unicode-range`. */
function ranges(codes: number[]): string {
  const parts: string[] = [];
  for (let index = 0; index < codes.length; ) {
    let end = index;
    while (end + 1 < codes.length && codes[end + 1] === codes[end]! + 1) end++;
    const hex = (code: number) => code.toString(16).toUpperCase();
    parts.push(end === index ? `U+${hex(codes[index]!)}` : `U+${hex(codes[index]!)}-${hex(codes[end]!)}`);
    index = end + 1;
  }
  return parts.join(', ');
}
