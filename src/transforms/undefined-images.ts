/**
 * An image written as a reference (`![logo]`, `![alt][logo]`) whose label
 * no definition names is text, in CommonMark and in Pandoc alike; the slide
 * would show `![logo]`. Each one is reported where it is written.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report, rules } from '../diagnostics.js';

/**
 * `![alt]` or `![alt][label]` not followed by `(`, and not escaped. Neither
 * holds a `[`: the try from each `![` stops at the next bracket, where it
 * went to the line's end (a line of `![` cost the square of its length).
 */
const reference = /(?<!\\)!\[([^[\]\n]*)\](?:\[([^[\]\n]*)\])?(?![([])/g;

/** Remark plugin: report image references nothing defines. */
export function undefinedImages() {
  return (tree: Root, file: VFile): undefined => {
    const source = String(file.value);
    const locator = location(file);
    visit(tree, 'text', (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || !node.value.includes('![')) return;
      for (const match of source.slice(start, end).matchAll(reference)) {
        const label = match[2] || match[1]!;
        const from = locator.toPoint(start + match.index);
        const to = locator.toPoint(start + match.index + match[0].length);
        const place = from && to ? { position: { start: from, end: to } } : node;
        report(file, `No definition for the image \`[${label}]\`; add a line \`[${label}]: path/to/image.png\` (the slide shows \`${match[0]}\`)`, rules.undefinedReference, place);
      }
    });
  };
}
