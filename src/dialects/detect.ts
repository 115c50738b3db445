/**
 * Which dialect a lecture is written in, decided per file from its front
 * matter and its tree, with the reasons in words (`lecture build --explain`).
 *
 * An explicit `format:` (front matter, then course config) wins. Otherwise
 * strong signs decide in this order: a Jekyll page (`layout:` or Liquid
 * tags), Pandoc's own syntax (which keeps every Pandoc lecture on the Pandoc
 * path), reveal-md, a plain-text outline, course notes or a tutorial; with no
 * sign at all a lecture is Pandoc slide markdown.
 */
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { LectureMeta } from '../types.js';
import { formatBase } from './format.js';
import { attributeListSpans, liquidSpans, type Span } from './liquid-spans.js';

/** The lecture dialects we read. */
export const dialects = ['pandoc', 'notes', 'page', 'outline', 'reveal-md', 'quarto'] as const;

/** A lecture dialect: Pandoc slides, course notes (and tutorials), a course web page, a plain-text outline, reveal-md, Quarto slides. */
export type Dialect = (typeof dialects)[number];

/** The chosen dialect and why. */
export interface Detection {
  dialect: Dialect;
  reasons: string[];
}

/** What detection looks at. */
export interface DetectInput {
  tree: Root;
  /** The source text. */
  text: string;
  meta: LectureMeta;
  /** `format` from the course config, if set. */
  configFormat?: Dialect | undefined;
  /** The file's path; a `.qmd` file is Quarto. */
  path?: string | undefined;
}

/** Quarto's output formats: a `format:` naming one is Quarto's, not a dialect name. */
export const quartoFormats = ['revealjs', 'html', 'pdf', 'docx', 'odt', 'epub', 'pptx', 'beamer', 'typst', 'gfm', 'commonmark', 'markdown', 'latex', 'dashboard', 'ipynb', 'jats', 'rtf', 'asciidoc'];

/** The Quarto output formats a `format:` value names: `revealjs`, or the keys of a mapping (`format: {revealjs: {…}, html: default}`). */
export function quartoFormatsOf(format: unknown): string[] {
  const names = typeof format === 'string' ? [format] : format && typeof format === 'object' && !Array.isArray(format) ? Object.keys(format) : [];
  return names.map((name) => name.split(/[+-]/)[0]!).filter((name) => quartoFormats.includes(name));
}

/** Whether `value` names a dialect. */
export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (dialects as readonly string[]).includes(value);
}

/** Decide the dialect of one lecture. */
export function detectDialect(input: DetectInput): Detection {
  const format = formatBase(input.meta.raw.format);
  if (isDialect(format)) return { dialect: format, reasons: [`front matter sets \`format: ${String(input.meta.raw.format)}\``] };
  if (quartoFormatsOf(input.meta.raw.format).includes('revealjs')) return { dialect: 'quarto', reasons: ['front matter sets Quarto\'s `format: revealjs`'] };
  if (input.path?.toLowerCase().endsWith('.qmd')) return { dialect: 'quarto', reasons: ['a Quarto file (`.qmd`)'] };
  if (input.configFormat) return { dialect: input.configFormat, reasons: [`the course config sets \`format: ${input.configFormat}\``] };
  const checks: Array<[Dialect, string[]]> = [
    ['page', pageSigns(input)],
    ['pandoc', pandocSigns(input)],
    ['reveal-md', revealSigns(input)],
    ['outline', outlineSigns(input.tree)],
    ['notes', notesSigns(input.tree, input.meta)],
  ];
  for (const [dialect, reasons] of checks) if (reasons.length > 0) return { dialect, reasons };
  return { dialect: 'pandoc', reasons: ['no sign of another dialect; Pandoc slide markdown is the default'] };
}

type Located = { position?: { start: { line: number } } | undefined };

/** A sign seen on some lines, as a reason: "`Note:` speaker notes: lines 10, 31". */
function sign(label: string, nodes: Located[]): string[] {
  const lines = [...new Set(nodes.flatMap((node) => (node.position ? [node.position.start.line] : [])))];
  if (nodes.length === 0) return [];
  if (lines.length === 0) return [label];
  const shown = lines.slice(0, 4).join(', ') + (lines.length > 4 ? ', …' : '');
  return [`${label}: line${lines.length === 1 ? '' : 's'} ${shown}`];
}

function all(tree: Root, type: string): Located[] {
  const found: Located[] = [];
  visit(tree, type, (node) => {
    found.push(node);
  });
  return found;
}

/** Front matter keys only Jekyll sites (and their themes) use. */
const jekyllKeys = ['layout', 'permalink', 'nav_order', 'has_children', 'redirect_from'];

function located(span: Span): Located {
  return { position: { start: { line: span.line } } };
}

function pageSigns({ tree, text, meta }: DetectInput): string[] {
  const signs = jekyllKeys.filter((key) => key in meta.raw).map((key) => `front matter has Jekyll's \`${key}\``);
  const tags = liquidSpans(text, tree).filter((span) => isTemplating(span, text));
  const lists = attributeListSpans(text, tree);
  return [...signs, ...sign('Liquid tags `{{ … }}` / `{% … %}`', tags.map(located)), ...sign('kramdown attribute lists `{: …}`', lists.map(located))];
}

/**
 * Whether a Liquid tag is really templating, not braces written about: a tag
 * on a line of its own, or one inside a URL or an HTML attribute value.
 */
function isTemplating(span: Span, text: string): boolean {
  // Read from the tag outwards over spaces only, so many tags on one line cost that line once, not once each.
  const lineStart = span.start - span.column + 1;
  let before = span.start;
  while (before > lineStart && /\s/.test(text[before - 1]!)) before--;
  let after = span.end;
  while (after < text.length && text[after] !== '\n' && /\s/.test(text[after]!)) after++;
  if (before === lineStart && (after === text.length || text[after] === '\n')) return true;
  const end = text.slice(Math.max(lineStart, before - 2), before);
  return end.endsWith('](') || end.endsWith('=') || /=["']$/.test(end);
}

function pandocSigns({ tree, meta }: DetectInput): string[] {
  return [
    ...sign('fenced divs `:::`', all(tree, 'fencedDivFence')),
    ...sign('Pandoc attributes `{…}`', attachedAttributes(tree)),
    ...sign('bracketed spans `[…]{…}`', all(tree, 'bracketedSpan')),
    ...('slide-level' in meta.raw ? ['front matter sets `slide-level`'] : []),
  ];
}

const attachable = new Set(['image', 'imageReference', 'link', 'linkReference', 'inlineCode']);

/** `{…}` that ends a heading or follows an image, link or code span: written as attributes, not braces in prose. */
function attachedAttributes(tree: Root): Located[] {
  const found: Located[] = [];
  visit(tree, 'inlineAttributes', (node, index, parent) => {
    const before = index === undefined ? undefined : parent?.children[index - 1];
    const rest = index === undefined ? [] : (parent?.children.slice(index + 1) ?? []);
    const endsHeading = parent?.type === 'heading' && rest.every((child) => child.type === 'text' && child.value.trim() === '');
    const written = node.attributes.id !== undefined || node.attributes.format !== undefined || node.attributes.classes.length > 0 || Object.keys(node.attributes.values).length > 0;
    if (written && (endsHeading || (before !== undefined && attachable.has(before.type)))) found.push(node);
  });
  return found;
}

const revealKeys = ['separator', 'verticalSeparator', 'revealOptions'];
const revealComment = /^<!--\s*\.(slide|element):/;

/**
 * reveal-md's own markers decide; `Note:` paragraphs only add to them, since
 * course notes write "Note: …" too and must not lose that text to the notes.
 */
function revealSigns({ tree, text, meta }: DetectInput): string[] {
  const comments = all(tree, 'html') as Array<Located & { value: string }>;
  const ofKind = (kind: string) => comments.filter((node) => revealComment.exec(node.value)?.[1] === kind);
  const signs = [
    ...revealKeys.filter((key) => key in meta.raw).map((key) => `front matter has reveal-md's \`${key}\``),
    ...sign('`<!-- .slide: -->` comments', ofKind('slide')),
    ...sign('`<!-- .element: -->` comments', ofKind('element')),
    ...(cutByRules(tree) ? sign('`----` vertical separators', tree.children.filter((block) => block.type === 'thematicBreak' && sourceOf(block, text) === '----')) : []),
  ];
  if (signs.length === 0) return [];
  return [...signs, ...sign('`Note:` speaker notes', tree.children.filter((block) => block.type === 'paragraph' && /^notes?:/i.test(toString(block))))];
}

/**
 * Whether rules, not headings, cut the file: every heading but the first
 * comes right after a rule (comments aside), as in reveal-md. A Pandoc lecture that also uses
 * `----` as a rule has headings that start slides on their own.
 */
function cutByRules(tree: Root): boolean {
  const blocks = tree.children.filter((block) => block.type !== 'html');
  const before = blocks.flatMap((block, index) => (block.type === 'heading' ? [blocks[index - 1]] : []));
  return before.slice(1).every((block) => block?.type === 'thematicBreak');
}

/** The source text of `node`. */
export function sourceOf(node: Nodes, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
}

function outlineSigns(tree: Root): string[] {
  let headings = 0;
  visit(tree, 'heading', () => {
    headings++;
  });
  if (headings > 0) return [];
  const titles = tree.children.filter((block, index) => isOutlineTitle(block, tree.children[index + 1]));
  return sign('no headings, but short lines standing alone over lists (slide titles)', titles);
}

/** Whether `block` is a short line of plain text standing alone right above a list: an outline's slide title. */
export function isOutlineTitle(block: RootContent | undefined, next: RootContent | undefined): block is Paragraph {
  if (block?.type !== 'paragraph' || next?.type !== 'list') return false;
  const text = toString(block);
  // A sentence (one final period) or a lead-in (`:`) is not a title; an ellipsis may be.
  return block.children.every((child) => child.type === 'text') && !text.includes('\n') && text.trim().length <= 60 && !/([^.]\.|[:,;])$/.test(text.trim());
}

/** Whether `block` is a paragraph holding only bold text: a sub-heading in course notes. */
export function isBoldLine(block: RootContent | undefined): block is Paragraph {
  if (block?.type !== 'paragraph') return false;
  const parts = block.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const [only] = parts;
  return parts.length === 1 && only?.type === 'strong' && !toString(only).includes('\n') && toString(only).trim().length > 0;
}

/** The lone `#` heading that titles a tutorial or notes file, when there is exactly one and it comes first. */
export function documentTitleIndex(blocks: RootContent[]): number {
  const ones = blocks.flatMap((block, index) => (block.type === 'heading' && block.depth === 1 ? [index] : []));
  const first = blocks.findIndex((block) => block.type === 'heading');
  return ones.length === 1 && ones[0] === first ? first : -1;
}

/**
 * A tutorial's `#` title over `##` sections counts when text stands right
 * under it, so Pandoc would make the whole file one slide, and front matter
 * gives no other title (under a Pandoc title, a lone `#` is a section).
 */
function notesSigns(tree: Root, meta: LectureMeta): string[] {
  const signs = sign('bold lines used as sub-headings (`**…**` alone in a paragraph)', tree.children.filter((block) => isBoldLine(block)));
  const title = documentTitleIndex(tree.children);
  const sections = tree.children.filter((block) => block.type === 'heading' && block.depth === 2);
  const heading = tree.children[title];
  const intro = tree.children[title + 1];
  const titled = heading && (meta.title === undefined || meta.title.trim() === toString(heading).trim());
  if (titled && intro && intro.type !== 'heading' && sections.length >= 2) {
    signs.push(...sign('one `#` title with text under it, over `##` sections (a tutorial; Pandoc would make it all one slide)', [heading]));
  }
  return signs;
}
