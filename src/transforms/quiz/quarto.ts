/**
 * Quarto's quiz form: a slide heading with `.quiz-question` (or
 * `.quiz-multiple` for several answers) and a list of `[option]{.correct}` /
 * `[option]{data-explanation="…"}` items. The heading stays the slide's
 * title and is the question; paragraphs between it and the list join it.
 */
import type { BlockContent, Heading, List, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { createQuiz } from './create.js';
import { optionOf } from './fenced.js';

function isQuartoHeading(node: RootContent | undefined): node is Heading {
  const classes = node?.type === 'heading' ? node.data?.attributes?.classes ?? [] : [];
  return classes.includes('quiz-question') || classes.includes('quiz-multiple');
}

/** Turn the Quarto quizzes among `children` into quiz nodes. */
export function quartoQuizzes(children: RootContent[], file: VFile): RootContent[] {
  const result = [...children];
  for (let index = 0; index < result.length; index++) {
    const heading = result[index];
    if (!isQuartoHeading(heading)) continue;
    let cursor = index + 1;
    while (result[cursor]?.type === 'paragraph') cursor++;
    const list = result[cursor];
    if (list?.type !== 'list') continue;
    const quiz = createQuiz(
      {
        form: 'quarto',
        question: result.slice(index + 1, cursor) as BlockContent[],
        headingText: toString(heading),
        options: (list as List).children.map(optionOf),
        multiple: heading.data?.attributes?.classes.includes('quiz-multiple') ?? false,
        shuffle: false,
        place: heading,
      },
      file,
    );
    if (quiz) result.splice(index + 1, cursor + 1 - (index + 1), quiz);
  }
  return result;
}
