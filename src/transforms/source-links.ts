/**
 * Record every link, image and link definition of the source as parsed,
 * before the dialect rules run: some move a link's text out of the slides
 * (a course page's `Instructor: [Name](link)` becomes the title slide's
 * author), and `lecture check` must still check every link the source has,
 * wherever the build puts its text. The build ignores the record.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { SourceLink } from '../types.js';

/** Remark plugin: set `file.data.sourceLinks`. */
export function sourceLinks() {
  return (tree: Root, file: VFile): undefined => {
    const found: SourceLink[] = [];
    visit(tree, (node) => {
      if (node.type === 'link') found.push({ url: node.url, tagName: 'a', position: node.position });
      else if (node.type === 'image') found.push({ url: node.url, tagName: 'img', position: node.position });
      else if (node.type === 'definition') found.push({ url: node.url, tagName: 'a', definition: true, position: node.position });
    });
    file.data.sourceLinks = found;
  };
}
