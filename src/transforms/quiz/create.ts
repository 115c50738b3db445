/**
 * Build a quiz node from what the recognisers found (question blocks, the
 * options, flags), and report what is wrong with it. Every form of quiz goes
 * through here, so every form gets the same rules.
 */
import type { BlockContent, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Position } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { report, rules } from '../../diagnostics.js';
import type { Attributes, Quiz, QuizForm, QuizKind, QuizOption } from '../../types.js';

/** Where something is written, for messages. */
export interface Place {
  position?: Position | undefined;
}

/** One option as read from the lecture, before it is lettered. */
export interface OptionDraft {
  /** Where the option is written (a list item, a div, a line). */
  place: Place;
  correct: boolean;
  content: PhrasingContent[];
  feedback?: string | BlockContent[] | undefined;
}

/** What a recogniser found. */
export interface QuizDraft {
  form: QuizForm;
  /** What answering means. @default "choice" */
  kind?: QuizKind | undefined;
  question: BlockContent[];
  /** Text of the question when it is a slide heading (which stays the slide's title). */
  headingText?: string | undefined;
  /** The options of a choice question, or the items of an ordering question in the right order. */
  options: OptionDraft[];
  /** `true` / `false` when the lecture says; `undefined` to infer from the answers. */
  multiple?: boolean | undefined;
  /** The form itself means checkboxes (quizdown's unordered lists), so one correct option is no mistake. */
  multipleByForm?: boolean | undefined;
  shuffle: boolean;
  hint?: BlockContent[] | undefined;
  explanation?: BlockContent[] | undefined;
  lang?: string | undefined;
  /** Where to report problems with the quiz as a whole. */
  place: Place;
}

/** Attributes that say the option is correct. */
export function isCorrectMark(attributes: Attributes | undefined): boolean {
  const classes = attributes?.classes ?? [];
  return classes.includes('correct') || classes.includes('correct-choice') || attributes?.values.correct === 'true';
}

/** Per-option feedback written as an attribute (`feedback="…"`, Quarto's `data-explanation="…"`). */
export function feedbackOf(attributes: Attributes | undefined): string | undefined {
  return attributes?.values.feedback ?? attributes?.values['data-explanation'] ?? attributes?.values.explanation;
}

/** The phrasing content of a list item's first paragraph. */
export function itemContent(item: ListItem): PhrasingContent[] {
  const paragraph = item.children.find((child): child is Paragraph => child.type === 'paragraph');
  return paragraph ? paragraph.children : [];
}

/** Short, one-line text of blocks, for titles and messages. */
export function textOf(blocks: ReadonlyArray<BlockContent | PhrasingContent>): string {
  return blocks.map((block) => toString(block)).join(' ').trim().replace(/\s+/g, ' ');
}

/**
 * The quiz for `draft`, or `undefined` when it has no answer (a choice
 * question with no option marked correct: the blocks then stay an ordinary
 * slide, and `quiz-no-answer` is reported).
 */
export function createQuiz(draft: QuizDraft, file: VFile): Quiz | undefined {
  const kind = draft.kind ?? 'choice';
  const title = textOf(draft.question) || draft.headingText?.trim() || '';
  if (kind === 'choice' && !checkChoice(draft, title, file)) return undefined;
  if (kind === 'order' && draft.options.length < 2) {
    report(file, `An ordering question needs at least two items; this one has ${draft.options.length}`, rules.quizTooFewOptions, draft.place);
    return undefined;
  }
  if (kind !== 'fill') checkOptions(draft, file);
  const options: QuizOption[] = draft.options.map((option, index) => ({
    type: 'quizOption',
    id: '',
    letter: String.fromCharCode(65 + index),
    correct: kind === 'order' || option.correct,
    rank: kind === 'order' ? index + 1 : undefined,
    feedback: option.feedback,
    children: option.content,
    position: option.place.position,
  }));
  const correct = draft.options.filter((option) => option.correct).length;
  return {
    type: 'quiz',
    id: '',
    kind,
    form: draft.form,
    // Checkboxes whenever several options are correct, or the lecture asks for them.
    multiple: kind === 'choice' && (correct > 1 || draft.multiple === true),
    shuffle: draft.shuffle,
    title: title.length > 120 ? `${title.slice(0, 117)}…` : title,
    children: [...draft.question, ...options],
    hint: draft.hint,
    explanation: draft.explanation,
    lang: draft.lang,
    position: draft.place.position,
  };
}

/** Whether a choice question has an answer; reports the problems of its marks. */
function checkChoice(draft: QuizDraft, title: string, file: VFile): boolean {
  const correct = draft.options.filter((option) => option.correct).length;
  if (correct === 0) {
    report(file, `The question ${quote(title)} lists options but marks none correct; mark the right ones with \`[x]\` or \`{.correct}\``, rules.quizNoAnswer, draft.place);
    return false;
  }
  if (draft.multiple === false && correct > 1) {
    report(file, `${correct} options are marked correct but the quiz is not \`multiple=true\`; it shows checkboxes anyway`, rules.quizMultipleUnmarked, draft.place);
  } else if (draft.multiple === true && correct === 1 && !draft.multipleByForm) {
    report(file, 'The quiz is `multiple=true` but only one option is correct; checkboxes hint that several are', rules.quizMultipleUnmarked, draft.place);
  }
  return true;
}

function checkOptions(draft: QuizDraft, file: VFile): void {
  if (draft.options.length < 2 && draft.kind !== 'order') {
    report(file, `A quiz needs at least two options; this one has ${draft.options.length}`, rules.quizTooFewOptions, draft.place);
  }
  const seen = new Set<string>();
  for (const option of draft.options) {
    const text = toString({ type: 'paragraph', children: option.content }).trim();
    if (text === '' && !option.content.some((node) => node.type === 'image')) {
      report(file, 'This option has no text', rules.quizEmptyOption, option.place);
      continue;
    }
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (text !== '' && seen.has(key)) report(file, `Option ${quote(text)} is listed twice`, rules.quizDuplicateOption, option.place);
    seen.add(key);
    if (option.correct && isOnlyMedia(option.content)) {
      report(file, 'The correct option is only an image or a link; printed, students cannot read the answer', rules.quizAnswerOnlyInMedia, option.place);
    }
  }
}

/** Whether `blocks` hold a blank (`[[answer]]`, already parsed). */
export function hasBlanks(blocks: BlockContent[]): boolean {
  let found = false;
  for (const block of blocks) {
    visit(block, 'quizBlank', () => {
      found = true;
    });
  }
  return found;
}

/** Content that is nothing but images, and links that do not say the answer ("Answer", a bare URL). */
export function isOnlyMedia(content: PhrasingContent[]): boolean {
  const meaningful = content.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  return meaningful.length > 0 && meaningful.every((node) => node.type === 'image' || node.type === 'imageReference' || isOpaqueLink(node));
}

/** A link that hides what it points to: its text is the URL or a word like "Answer". */
function isOpaqueLink(node: PhrasingContent): boolean {
  if (node.type !== 'link') return false;
  const text = toString(node).trim();
  return text === node.url || /^(answers?|solutions?|here|link|click here|check)$/i.test(text) || isOnlyMedia(node.children);
}

/** `text` in backticks, shortened for a message. */
export function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return short ? `\`${short}\`` : '(untitled)';
}
