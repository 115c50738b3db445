/**
 * The title-slide fields are markdown, as in Pandoc: `title: "Why *how*"`
 * shows emphasis, code, math and links on the title slide, while the deck's
 * `<title>`, the course page and the PDF properties get the plain text
 * (`Why how`).
 *
 * Two plugins around the inline transforms: `titleMarkupIn` parses the
 * fields (positions in the lecture, so messages point into the front
 * matter) into a `titleMeta` block at the end of the tree, where raw TeX,
 * `{…}` attributes and Pandoc's `$` rules apply to them as to any text;
 * `titleMarkupOut` takes the block out again into `meta.markup`, and the
 * fields into their plain text.
 */
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Point } from 'unist';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { parseInline } from '../mdast/parse-inline.js';
import type { LectureMeta, MetaMarkup, TitleMeta } from '../types.js';

const fields = ['title', 'subtitle', 'institute', 'date'] as const;

type Field = (typeof fields)[number] | 'author';

/** Remark plugin: parse the title-slide fields into a `titleMeta` block. */
export function titleMarkupIn(this: Processor) {
  const processor = this;
  return (tree: Root, file: VFile): undefined => {
    const meta = file.data.meta;
    if (!meta) return;
    const locator = location(file);
    const parse = (value: string, offset: number | undefined): PhrasingContent[] => {
      const map = (point: Point): Point | undefined => (offset === undefined || point.offset === undefined ? undefined : locator.toPoint(offset + point.offset));
      return parseInline((text) => processor.parse(text) as Root, value, map);
    };
    const block: TitleMeta = { type: 'titleMeta', children: [] };
    for (const field of fields) {
      const value = meta[field];
      if (value) block.children.push(fieldParagraph(field, parse(value, meta.offsets?.[field])));
    }
    meta.author.forEach((name, index) => block.children.push(fieldParagraph('author', parse(name, meta.offsets?.author?.[index]))));
    if (block.children.length > 0) tree.children.push(block);
  };
}

/** Remark plugin: take the `titleMeta` block out into `meta.markup`, and the fields into plain text. */
export function titleMarkupOut() {
  return (tree: Root, file: VFile): undefined => {
    const index = tree.children.findIndex((node) => node.type === 'titleMeta');
    const meta = file.data.meta;
    if (index === -1 || !meta) return;
    const block = tree.children.splice(index, 1)[0] as TitleMeta;
    const markup: MetaMarkup = { author: [] };
    for (const paragraph of block.children) {
      const field = paragraph.data?.metaField as Field | undefined;
      if (field === undefined) continue;
      if (field === 'author') markup.author.push(paragraph.children);
      else markup[field] = paragraph.children;
    }
    meta.markup = markup;
    setPlain(meta, markup);
  };
}

function fieldParagraph(field: Field, children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children, data: { metaField: field } };
}

/** The fields as text, for `<title>`, the course page and PDF properties: markup gone, code and math as written. */
function setPlain(meta: LectureMeta, markup: MetaMarkup): void {
  const plain = (nodes: PhrasingContent[]) => toString({ type: 'paragraph', children: nodes }).replace(/\s+/g, ' ').trim();
  for (const field of fields) {
    const nodes = markup[field];
    if (nodes) meta[field] = plain(nodes);
  }
  meta.author = markup.author.map(plain);
}
