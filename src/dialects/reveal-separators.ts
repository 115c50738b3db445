/**
 * reveal-md cuts a lecture into slides at separator lines: `---` between
 * blank lines for the next slide, `----` for the next slide below it, or the
 * regular expressions front matter gives as `separator` and
 * `verticalSeparator`. The expressions run over the source text, as in
 * reveal-md, and the matches are laid over the tree by their offsets: a
 * match covering whole blocks (a rule, an HTML comment) removes them and cuts
 * there; one between blocks cuts there; one inside a block (a code block
 * that shows a `---` line) cuts nothing, so every node keeps its position.
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { createSlide, extendTo } from '../transforms/slides.js';
import type { Slide, Stack } from '../types.js';
import { dialectRule } from './index.js';

/**
 * The defaults: a `---` (`----`) line, blank lines around it or not, as
 * reveal.js's markdown plugin cuts (reveal-md asks for blank lines; a
 * `Note:` line right above the separator is common in its decks).
 */
const defaults = { separator: '^[ \\t]*---[ \\t]*$', verticalSeparator: '^[ \\t]*----[ \\t]*$' };

interface Cut {
  start: number;
  end: number;
  vertical: boolean;
}

interface Chunk {
  vertical: boolean;
  blocks: RootContent[];
}

/** Remark plugin (reveal-md): cut the blocks into slides and vertical stacks at the separators. */
export const revealSeparators = dialectRule(['reveal-md'], (tree, file) => {
  const text = String(file.value);
  // Lines before the first block (front matter's own `---` fences) cut nothing.
  const first = tree.children[0]?.position?.start.offset ?? 0;
  const cuts = [...findCuts(text, file, 'separator', false), ...findCuts(text, file, 'verticalSeparator', true)].filter((cut) => cut.start >= first).sort((a, b) => a.start - b.start);
  tree.children = toStacks(toChunks(tree, cuts));
  file.data.slideLevel = 0;
});

function findCuts(text: string, file: VFile, key: keyof typeof defaults, vertical: boolean): Cut[] {
  const meta = file.data.meta;
  const written = meta?.raw[key];
  let pattern: RegExp;
  try {
    pattern = new RegExp(typeof written === 'string' && written !== '' ? written : defaults[key], 'gm');
  } catch (error) {
    report(file, `Front matter \`${key}\` is not a valid regular expression (${(error as Error).message}); using reveal-md's default`, rules.badSeparator, { position: meta?.positions[key] });
    pattern = new RegExp(defaults[key], 'gm');
  }
  return [...text.matchAll(pattern)].filter((match) => match[0] !== '').map((match) => ({ start: match.index, end: match.index + match[0].length, vertical }));
}

function toChunks(tree: Root, cuts: Cut[]): Chunk[] {
  const chunks: Chunk[] = [{ vertical: false, blocks: [] }];
  const open = (cut: Cut) => chunks.push({ vertical: cut.vertical, blocks: [] });
  let next = 0;
  for (const block of tree.children) {
    const start = block.position?.start.offset ?? 0;
    const end = block.position?.end.offset ?? start;
    let covered = false;
    for (; next < cuts.length && cuts[next]!.start < end; next++) {
      const cut = cuts[next]!;
      if (cut.end <= start) open(cut);
      else if (cut.start <= start && cut.end >= end) {
        open(cut);
        covered = true;
      }
    }
    if (!covered) chunks.at(-1)!.blocks.push(block);
  }
  return chunks;
}

function isComment(block: RootContent): boolean {
  return block.type === 'revealAttributes' || (block.type === 'html' && block.value.trim().startsWith('<!--'));
}

/** Horizontal chunks become slides; a heading (after any comments) titles its slide; vertical ones stack under the slide before them. Empty chunks are left out. */
function toStacks(chunks: Chunk[]): Array<Slide | Stack> {
  const top: Array<Slide | Stack> = [];
  let previousEmpty = false;
  for (const chunk of chunks) {
    const [first] = chunk.blocks;
    if (!first) {
      previousEmpty ||= !chunk.vertical;
      continue;
    }
    const title = chunk.blocks.find((block) => !isComment(block));
    const heading = title?.type === 'heading' ? title : undefined;
    // A slide opened by a `#` heading is a title slide, centred like Pandoc's section slides.
    const slide = createSlide(heading?.depth === 1 ? 'section' : 'slide', heading, first);
    // Blocks in source order (a comment before the heading stays before it), an empty heading left out.
    slide.children = chunk.blocks.filter((block) => block !== heading || slide.children.includes(heading));
    for (const block of chunk.blocks) extendTo(slide, block);
    const last = top.at(-1);
    if (chunk.vertical && last && !previousEmpty) {
      if (last.type === 'stack') last.children.push(slide);
      else top[top.length - 1] = { type: 'stack', children: [last, slide] };
    } else top.push(slide);
    previousEmpty = false;
  }
  return top;
}
