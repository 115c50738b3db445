/**
 * Build a quiz node from what the recognisers found (question blocks, the
 * options' list items, flags), and report what is wrong with it. Every form
 * of quiz goes through here, so every form gets the same rules.
 */
import type { BlockContent, ListItem, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { report, rules } from '../../diagnostics.js';
import type { Attributes, Quiz, QuizOption } from '../../types.js';

/** One option as read from a list item, before it is numbered. */
export interface OptionDraft {
  item: ListItem;
  correct: boolean;
  content: PhrasingContent[];
  feedback?: string | undefined;
}

/** What a recogniser found. */
export interface QuizDraft {
  form: Quiz['form'];
  question: BlockContent[];
  /** Text of the question when it is a slide heading (which stays the slide's title). */
  headingText?: string | undefined;
  options: OptionDraft[];
  /** `true` / `false` when the lecture says; `undefined` to infer from the answers. */
  multiple?: boolean | undefined;
  shuffle: boolean;
  explanation?: BlockContent[] | undefined;
  /** Where to report problems with the quiz as a whole. */
  place: { position?: Quiz['position'] };
}

/** Attributes whose key says the option is correct, or carries feedback. */
export function isCorrectMark(attributes: Attributes | undefined): boolean {
  return Boolean(attributes?.classes.includes('correct') || attributes?.values.correct === 'true');
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

/**
 * The quiz for `draft`, or `undefined` when no option is marked correct (the
 * blocks then stay an ordinary slide, and `quiz-no-answer` is reported).
 */
export function createQuiz(draft: QuizDraft, file: VFile): Quiz | undefined {
  const correct = draft.options.filter((option) => option.correct).length;
  const title = (draft.question.map((block) => toString(block)).join(' ') || draft.headingText || '').trim().replace(/\s+/g, ' ');
  if (correct === 0) {
    report(file, `The question ${quote(title)} lists options but marks none correct; mark the right ones with \`[x]\` or \`{.correct}\``, rules.quizNoAnswer, draft.place);
    return undefined;
  }
  checkOptions(draft, file);
  if (draft.multiple === false && correct > 1) {
    report(file, `${correct} options are marked correct but the quiz is not \`multiple=true\`; it shows checkboxes anyway`, rules.quizMultipleUnmarked, draft.place);
  } else if (draft.multiple === true && correct === 1) {
    report(file, 'The quiz is `multiple=true` but only one option is correct; checkboxes hint that several are', rules.quizMultipleUnmarked, draft.place);
  }
  const options: QuizOption[] = draft.options.map((option, index) => ({
    type: 'quizOption',
    id: '',
    letter: String.fromCharCode(65 + index),
    correct: option.correct,
    feedback: option.feedback,
    children: option.content,
    position: option.item.position,
  }));
  return {
    type: 'quiz',
    id: '',
    form: draft.form,
    // Checkboxes whenever several options are correct, or the lecture asks for them.
    multiple: correct > 1 || draft.multiple === true,
    shuffle: draft.shuffle,
    title: title.length > 120 ? `${title.slice(0, 117)}…` : title,
    children: [...draft.question, ...options],
    explanation: draft.explanation,
    position: draft.place.position,
  };
}

function checkOptions(draft: QuizDraft, file: VFile): void {
  if (draft.options.length < 2) {
    report(file, `A quiz needs at least two options; this one has ${draft.options.length}`, rules.quizTooFewOptions, draft.place);
  }
  const seen = new Map<string, OptionDraft>();
  for (const option of draft.options) {
    const text = toString({ type: 'paragraph', children: option.content }).trim();
    if (text === '' && !option.content.some((node) => node.type === 'image')) {
      report(file, 'This option has no text', rules.quizEmptyOption, option.item);
      continue;
    }
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    if (text !== '' && seen.has(key)) report(file, `Option ${quote(text)} is listed twice`, rules.quizDuplicateOption, option.item);
    seen.set(key, option);
    if (option.correct && isOnlyMedia(option.content)) {
      report(file, 'The correct option is only an image or a link; printed, students cannot read the answer', rules.quizAnswerOnlyInMedia, option.item);
    }
  }
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

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return short ? `\`${short}\`` : '(untitled)';
}
