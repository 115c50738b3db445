/**
 * Pandoc citations (`[@knuth1984]`, `[see @doe99, p. 33; @roe]`) are shown
 * as written: formatting them against a bibliography is citeproc's work,
 * which Quarto and `pandoc --citeproc` run and we do not. One hint per
 * lecture says so, at the first citation, instead of leaving an author to
 * wonder why the slide shows `[@key]` (or why a `bibliography:` changes
 * nothing).
 */
import type { Root, Text } from 'mdast';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';

const dialects = new Set<string>(['pandoc', 'quarto']);
/**
 * A bracketed citation: `[`, an optional prefix ending in a space or `;`, an
 * optional `-`, `@` and a key that starts with a letter, digit or `_`. The
 * prefix holds no `[` (the innermost bracket is the citation's), so the try
 * from each `[` stops at the next one: a paragraph of `[` without `]` cost
 * the square of its length.
 */
const citation = /\[(?:[^\]@[]*[\s;])?-?@[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*/u;

/** Remark plugin: one hint when the lecture has citations. */
export function citations() {
  return (tree: Root, file: VFile): undefined => {
    if (!dialects.has(file.data.dialect ?? 'pandoc')) return;
    let first: Text | undefined;
    visit(tree, 'text', (node: Text) => {
      if (!citation.test(node.value)) return undefined;
      first = node;
      return EXIT;
    });
    if (!first) return;
    const bibliography = file.data.meta?.raw.bibliography !== undefined ? ' (its `bibliography` is not read)' : '';
    report(file, `Citations (\`[@key]\`) are shown as written${bibliography}: formatting them needs Quarto or \`pandoc --citeproc\``, rules.citations, first, 'info');
  };
}
