/**
 * Quarto's quiz forms (the quarto-quiz and learntest extensions): a slide
 * heading with `.quiz-question` (and `.quiz-multiple` for several answers)
 * and a list of `[option]{.correct}` / `[option]{data-explanation="…"}`
 * items. The heading stays the slide's title and is the question; what
 * stands between it and the list (text, code, images; HTML comments are
 * dropped) joins it. learntest's empty spans anywhere on the slide give the
 * hint (`[]{data-short-help="…"}`, `[]{data-help="page"}`) and the solution,
 * shown once the answer is right (`[]{data-short-solution="…"}`,
 * `[]{data-solution="page"}`); a `{.quiz-summary}` slide shows the score.
 */
import type { BlockContent, Heading, List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import type { BracketedSpan, QuizSummary } from '../../types.js';
import { createQuiz } from './create.js';
import { optionOf } from './fenced.js';

function classesOf(node: RootContent | undefined): string[] {
  return node?.type === 'heading' ? (node.data?.attributes?.classes ?? []) : [];
}

function isQuartoHeading(node: RootContent | undefined): node is Heading {
  const classes = classesOf(node);
  return classes.includes('quiz-question') || classes.includes('quiz-multiple');
}

/** Whether `node` ends the slide that a heading of `depth` starts. */
function endsSlide(node: RootContent, depth: number): boolean {
  return node.type === 'thematicBreak' || (node.type === 'heading' && node.depth <= depth);
}

/** learntest's settings: a paragraph of nothing but empty `[]{data-…}` spans. */
function settingsOf(node: RootContent | undefined): BracketedSpan[] | undefined {
  if (node?.type !== 'paragraph') return undefined;
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'break');
  const spans = meaningful.filter((child): child is BracketedSpan => child.type === 'bracketedSpan' && toString(child).trim() === '');
  return spans.length > 0 && spans.length === meaningful.length ? spans : undefined;
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** Turn the Quarto quizzes among `children` into quiz nodes, and mark the summary slide. */
export function quartoQuizzes(children: RootContent[], file: VFile): RootContent[] {
  const result = [...children];
  for (let index = 0; index < result.length; index++) {
    const heading = result[index];
    if (classesOf(heading).includes('quiz-summary')) addSummary(result, index);
    if (!isQuartoHeading(heading)) continue;
    let end = index + 1;
    while (end < result.length && !endsSlide(result[end]!, heading.depth)) end++;
    const slide = result.slice(index + 1, end);
    const listAt = slide.findIndex((node) => node.type === 'list');
    if (listAt === -1) continue;
    const settings = slide.flatMap((node) => settingsOf(node) ?? []);
    const question = slide.slice(0, listAt).filter((node) => !settingsOf(node) && !isComment(node)) as BlockContent[];
    const quiz = createQuiz(
      {
        form: 'quarto',
        question,
        headingText: toString(heading),
        options: (slide[listAt] as List).children.map(optionOf),
        multiple: classesOf(heading).includes('quiz-multiple'),
        shuffle: false,
        hint: fromSettings(settings, 'help'),
        explanation: fromSettings(settings, 'solution'),
        place: heading,
      },
      file,
    );
    if (!quiz) continue;
    const rest = slide.slice(listAt + 1).filter((node) => !settingsOf(node));
    result.splice(index + 1, end - index - 1, quiz, ...rest);
  }
  return result;
}

/** The hint (`help`) or solution (`solution`) the settings give: short text, or a link to a page. */
function fromSettings(settings: BracketedSpan[], kind: 'help' | 'solution'): BlockContent[] | undefined {
  const blocks: BlockContent[] = [];
  for (const span of settings) {
    const short = span.attributes.values[`data-short-${kind}`];
    const page = span.attributes.values[`data-${kind}`];
    if (short) blocks.push(paragraph([{ type: 'html', value: short }], span));
    if (page) blocks.push(paragraph([pageLink(page, kind)], span));
  }
  return blocks.length > 0 ? blocks : undefined;
}

/** A link to the page a learntest help or solution names (`test-1-Solution` → `test-1-Solution.md`, a deck of the course). */
function pageLink(page: string, kind: 'help' | 'solution'): PhrasingContent {
  const url = /\.[a-z0-9]+$/i.test(page) ? page : `${page}.md`;
  // The text is filled in the deck's language when the page is rendered.
  return { type: 'link', url, children: [{ type: 'text', value: kind === 'help' ? 'Help' : 'Solution' }], data: { hProperties: { dataString: `quiz.${kind}` } } };
}

function paragraph(children: PhrasingContent[], place: BracketedSpan): Paragraph {
  return { type: 'paragraph', children, position: place.position };
}

/** Put a score summary at the end of the `{.quiz-summary}` slide whose heading is at `index`. */
function addSummary(blocks: RootContent[], index: number): void {
  const heading = blocks[index] as Heading;
  let end = index + 1;
  while (end < blocks.length && !endsSlide(blocks[end]!, heading.depth)) end++;
  if (blocks.slice(index, end).some((node) => node.type === 'quizSummary')) return;
  const summary: QuizSummary = { type: 'quizSummary', position: heading.position };
  blocks.splice(end, 0, summary);
}
