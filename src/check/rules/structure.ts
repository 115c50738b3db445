/**
 * Structure: images without alt text, and slides with nothing on them.
 *
 * ok:     `![Layer stack](img/layers.svg)`, `<img src="x.png" alt="">` (explicitly decorative), `## {background-image="x.png"}`
 * not ok: `![](img/layers.svg)`, `<img src="x.png">`, `---` followed directly by `---`, a slide holding only notes
 */
import type { Nodes } from 'mdast';
import { visit } from 'unist-util-visit';
import { report, rules } from '../../diagnostics.js';
import type { LectureTrees } from '../types.js';

/** Report images with no alt text: `![](…)` in markdown, `<img>` without `alt` in HTML. */
export function checkAltText(lecture: LectureTrees): void {
  const markdownImages = new Set<number>();
  visit(lecture.mdast, 'image', (node) => {
    if (node.position?.start?.offset !== undefined) markdownImages.add(node.position.start.offset);
    if (node.alt?.trim() || node.data?.attributes?.values.alt?.trim()) return;
    report(lecture.file, `Image \`${node.url}\` has no alt text; describe it between the brackets: \`![what it shows](${node.url})\``, rules.missingAlt, node);
  });
  visit(lecture.hast, 'element', (node) => {
    if (node.tagName !== 'img' || node.properties.alt !== undefined) return;
    if (node.position?.start?.offset !== undefined && markdownImages.has(node.position.start.offset)) return;
    report(lecture.file, `\`<img>\` without an \`alt\` attribute; describe the image, or write \`alt=""\` if it is decoration`, rules.missingAlt, node);
  });
}

/** Whether a node shows nothing on the slide (speaker notes, blank HTML). */
function isInvisible(node: Nodes): boolean {
  if (node.type === 'fencedDiv') return node.attributes.classes.includes('notes');
  if (node.type === 'html') return node.value.trim() === '' || /^<!--[\s\S]*-->$/.test(node.value.trim());
  return node.type === 'definition' || node.type === 'footnoteDefinition' || node.type === 'fencedDivFence';
}

/** Report slides with no title and nothing on them (a background counts as content). */
export function checkEmptySlides(lecture: LectureTrees): void {
  visit(lecture.mdast, 'slide', (slide) => {
    if (slide.kind === 'title' || slide.children.some((child) => !isInvisible(child))) return;
    if (Object.keys(slide.attributes.values).some((key) => key.includes('background'))) return;
    report(lecture.file, 'This slide is empty; remove the extra `---` or heading, or give it content', rules.emptySlide, slide);
  });
}
