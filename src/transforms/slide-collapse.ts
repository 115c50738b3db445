/**
 * No silent collapse: Pandoc's slide level is the highest heading level
 * directly followed by content, so one `#` heading with a paragraph under it
 * turns every `##` heading of the deck from a slide into a heading inside a
 * slide. When that folds many would-be slides into few, say so at the
 * heading that caused it, with the fix.
 */
import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

/**
 * Report when the computed `slideLevel` folds the headings one level below
 * it into few slides: there are more of them than slides at the level, and
 * the headings that set the level are a minority of their level (the rest
 * stand right above deeper headings, as section titles do) or the only one.
 */
export function reportCollapse(blocks: RootContent[], slideLevel: number, file: VFile): void {
  const headings = blocks.filter((block): block is Heading => block.type === 'heading');
  const atLevel = headings.filter((heading) => heading.depth === slideLevel);
  const below = headings.filter((heading) => heading.depth === slideLevel + 1);
  const causes = atLevel.filter((heading) => {
    const next = blocks[blocks.indexOf(heading) + 1];
    return next !== undefined && next.type !== 'heading' && next.type !== 'thematicBreak';
  });
  const [cause] = causes;
  if (!cause || below.length < 2 || below.length <= atLevel.length) return;
  if (!(causes.length <= atLevel.length / 2 || (atLevel.length === 1 && below.length >= 3))) return;
  const marks = '#'.repeat(slideLevel);
  const deeper = '#'.repeat(slideLevel + 1);
  report(
    file,
    `\`${marks} ${toString(cause)}\` is followed directly by content, so the slide level is ${slideLevel} and the ${below.length} \`${deeper}\` headings become headings inside ${atLevel.length} slide${atLevel.length === 1 ? '' : 's'}; set \`slide-level: ${slideLevel + 1}\` in front matter to make each \`${deeper}\` a slide`,
    rules.slideLevelCollapse,
    cause,
  );
}
