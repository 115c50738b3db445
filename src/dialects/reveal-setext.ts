/**
 * reveal.js's markdown plugin cuts the text at separator lines before it
 * reads any markdown, so in a reveal-md lecture a `---` or `----` line
 * right under a line of text is a separator, never the underline of a
 * setext heading: `Note: ask the room` over `----` is the end of the notes
 * and the next slide, not a heading. Such headings are read back as the
 * paragraph they were, ending before the separator line.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { dialectRule } from './index.js';

const separatorLine = /\n[ \t]*-{3,4}[ \t]*$/;

/** Remark plugin (reveal-md): a setext `---` / `----` underline is a separator, not a heading. */
export const revealSetext = dialectRule(['reveal-md'], (tree, file) => {
  const meta = file.data.meta;
  if (typeof meta?.raw.separator === 'string' || typeof meta?.raw.verticalSeparator === 'string') return;
  const text = String(file.value);
  tree.children = tree.children.map((block): RootContent => (block.type === 'heading' && isSeparated(block, text) ? toParagraph(block) : block));
});

function isSeparated(heading: Heading, text: string): boolean {
  const start = heading.position?.start.offset;
  const end = heading.position?.end.offset;
  if (start === undefined || end === undefined || heading.depth !== 2) return false;
  const source = text.slice(start, end);
  return !source.trimStart().startsWith('#') && separatorLine.test(source);
}

function toParagraph(heading: Heading): Paragraph {
  const last = heading.children.at(-1);
  const end = last?.position?.end ?? heading.position?.end;
  return { type: 'paragraph', children: heading.children, position: heading.position && end ? { start: heading.position.start, end } : undefined };
}
