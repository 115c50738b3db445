/**
 * Slide backgrounds decided at build time, so the deck, its PDF and the
 * fitting all see them: reveal.js's `data-background` shorthand is split
 * into a colour or an image, and a slide on a dark background gets
 * reveal.js's `has-dark-background` class (light text in every theme), one
 * on a light colour `has-light-background`. reveal.js decides this in the
 * browser from the colour; we decide it from the same brightness formula.
 * A background image or video with no colour given counts as dark (text is
 * light and shadowed); give a light `background-color` to say otherwise.
 * reveal.js recomputes its own classes when a deck starts (and drops them on
 * a slide with only an image), so the decision is also kept in classes of
 * our own, `dark-background` / `light-background`, that the themes style.
 */
import type { Element, Root } from 'hast';
import colors from 'color-name';
import { visit } from 'unist-util-visit';
import { classList } from './properties.js';

/** Rehype plugin: normalise slide backgrounds and mark dark ones. */
export function backgrounds() {
  return (tree: Root): undefined => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'section') mark(node);
    });
  };
}

function mark(section: Element): void {
  const { properties } = section;
  const shorthand = properties.dataBackground;
  if (typeof shorthand === 'string' && shorthand.trim() !== '') {
    if (parseColor(shorthand)) properties.dataBackgroundColor ??= shorthand.trim();
    else properties.dataBackgroundImage ??= shorthand.trim();
    delete properties.dataBackground;
  }
  const color = typeof properties.dataBackgroundColor === 'string' ? parseColor(properties.dataBackgroundColor) : undefined;
  const media = ['dataBackgroundImage', 'dataBackgroundVideo', 'dataBackgroundIframe'].some((key) => typeof properties[key] === 'string');
  const gradient = typeof properties.dataBackgroundGradient === 'string' ? parseColor(/#[0-9a-f]{3,8}|rgba?\([^()]*\)|\b[a-z]+\b/i.exec(String(properties.dataBackgroundGradient))?.[0] ?? '') : undefined;
  const base = color ?? gradient;
  let dark: boolean | undefined;
  if (base) dark = base.alpha > 0.5 && brightness(base) < 128;
  else if (media) dark = true;
  if (dark === undefined) return;
  const ours = ['has-dark-background', 'has-light-background', 'dark-background', 'light-background'];
  const classes = classList(properties.className).filter((name) => !ours.includes(name));
  const kind = dark ? 'dark-background' : 'light-background';
  section.properties.className = [...classes, `has-${kind}`, kind, ...(media && !base ? ['has-media-background'] : [])];
}

interface Rgba {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

/** reveal.js's brightness: (299 r + 587 g + 114 b) / 1000, from 0 to 255. */
export function brightness({ r, g, b }: Rgba): number {
  return (r * 299 + g * 587 + b * 114) / 1000;
}

/** A CSS colour as red, green, blue (0–255) and alpha, or `undefined` when `value` is no colour (an image URL). */
export function parseColor(value: string): Rgba | undefined {
  const text = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((digit) => digit + digit).join('') : hex;
    const [r, g, b, a = 255] = full.match(/../g)!.map((pair) => Number.parseInt(pair, 16));
    return { r: r!, g: g!, b: b!, alpha: a / 255 };
  }
  const functional = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(text);
  if (functional) return fromFunction(functional[1]!, functional[2]!.split(/[\s,/]+/).filter(Boolean));
  const named = (colors as Record<string, [number, number, number]>)[text];
  if (named) return { r: named[0], g: named[1], b: named[2], alpha: 1 };
  return text === 'transparent' ? { r: 0, g: 0, b: 0, alpha: 0 } : undefined;
}

function fromFunction(kind: string, parts: string[]): Rgba | undefined {
  const number = (part: string | undefined, scale: number) => (part === undefined ? undefined : part.endsWith('%') ? (Number.parseFloat(part) / 100) * scale : Number.parseFloat(part));
  const alpha = number(parts[3], 1) ?? 1;
  if (kind.startsWith('rgb')) {
    const [r, g, b] = parts.slice(0, 3).map((part) => number(part, 255));
    return r === undefined || g === undefined || b === undefined || [r, g, b].some(Number.isNaN) ? undefined : { r, g, b, alpha };
  }
  const h = Number.parseFloat(parts[0] ?? '');
  const s = (number(parts[1], 1) ?? Number.NaN) / (parts[1]?.endsWith('%') ? 1 : 100);
  const l = (number(parts[2], 1) ?? Number.NaN) / (parts[2]?.endsWith('%') ? 1 : 100);
  if ([h, s, l].some(Number.isNaN)) return undefined;
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)));
  return { r: f(0), g: f(8), b: f(4), alpha };
}
