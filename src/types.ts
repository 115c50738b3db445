/**
 * Our node types, declared once by module augmentation so that transforms
 * need no casts: the Pandoc syntax nodes the parser produces, the slide
 * nodes the slide model produces, and the keys we keep in `file.data`.
 */
import type { BlockContent, Data, FootnoteDefinition, Heading, Node, Paragraph, Parent, PhrasingContent, RootContent } from 'mdast';
import type { Point, Position } from 'unist';
import type { TableLayout } from './syntax/tables/layout.js';
import type { Dialect } from './dialects/detect.js';

/** Pandoc attributes: `{#id .class key=value}` or one bare class word. */
export interface Attributes {
  id?: string | undefined;
  classes: string[];
  /** Key–value pairs in source order; a repeated key keeps its last value. */
  values: Record<string, string>;
  /** Raw-attribute format (`{=html}`), only meaningful on code. */
  format?: string | undefined;
}

/** A `:::` fence line as parsed, before fences are paired into divs. */
export interface FencedDivFence extends Node {
  type: 'fencedDivFence';
  /** `open` when the fence carries attributes or a class word, else `close`. */
  kind: 'open' | 'close';
  attributes?: Attributes | undefined;
  /** For an HTML tag on a line of its own (`<div class="notes">`, `</div>`): the tag name; `:::` fences have none. */
  tag?: string | undefined;
  /** For an HTML tag: the tag as written, kept when it pairs with nothing. */
  value?: string | undefined;
  data?: Data | undefined;
}

/** A fenced div (`::: {.columns}` … `:::`) after fences are paired. */
export interface FencedDiv extends Parent {
  type: 'fencedDiv';
  attributes: Attributes;
  /** The HTML tag it was written with (`div`, `section`, `aside`); none for `:::`. */
  tag?: string | undefined;
  /** For an HTML div: its start tag as written, kept as raw HTML when it is never closed. */
  value?: string | undefined;
  children: Array<BlockContent | RootContent>;
  data?: Data | undefined;
}

/** `{…}` in text, before it is attached to the element before it. */
export interface InlineAttributes extends Node {
  type: 'inlineAttributes';
  attributes: Attributes;
  /** The source text, used when the attributes attach to nothing. */
  value: string;
  data?: Data | undefined;
}

/** Pandoc's `^superscript^` (`transforms/super-sub.ts`). */
export interface Superscript extends Parent {
  type: 'superscript';
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** Pandoc's `~subscript~` (`transforms/super-sub.ts`). */
export interface Subscript extends Parent {
  type: 'subscript';
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** `[text]{.class}`. */
export interface BracketedSpan extends Parent {
  type: 'bracketedSpan';
  attributes: Attributes;
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** `^[…]`: an inline footnote, before it becomes a footnote reference and definition. */
export interface InlineNote extends Parent {
  type: 'inlineNote';
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** A Pandoc table as written (grid, simple, multiline or pipe): its layout and lines, before its cells are parsed. */
export interface PandocTable extends Node {
  type: 'pandocTable';
  layout: TableLayout;
  /** Indentation of the first line, which the layout counts. */
  indent: number;
  /** The table's lines as written, each with where it starts (blank lines have none). */
  lines: Array<{ value: string; start: Point }>;
  data?: Data | undefined;
}

/** The caption of a table (`Table: …` or `: …` before or after it), its first child once read. */
export interface TableCaption extends Parent {
  type: 'tableCaption';
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** Raw TeX in text (`\\alert{…}`), before `transforms/tex.ts` maps or drops it. */
export interface RawTex extends Parent {
  type: 'rawTex';
  /** The command without its backslash (`alert`, `vspace*`). */
  name: string;
  /** `[…]` arguments, as written. */
  optional: string[];
  /** `{…}` arguments, in order. */
  children: TexArgument[];
  data?: Data | undefined;
}

/** One `{…}` argument of raw TeX: its text parsed as markdown, and as written. */
export interface TexArgument extends Parent {
  type: 'texArgument';
  raw: string;
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** The title-slide fields while inline transforms run on them (`transforms/title-markup.ts`): one paragraph per field. */
export interface TitleMeta extends Parent {
  type: 'titleMeta';
  children: Paragraph[];
  data?: Data | undefined;
}

/** One `% …` line of a Pandoc title block. */
export interface TitleBlockLine extends Node {
  type: 'titleBlockLine';
  value: string;
  data?: Data | undefined;
}

/** A figure: an image alone in a paragraph, with its alt text as caption. */
export interface Figure extends Parent {
  type: 'figure';
  children: PhrasingContent[];
  caption: string;
  data?: Data | undefined;
}

/** A `. . .` pause; replaced by fragments in the slide model. */
export interface Pause extends Node {
  type: 'pause';
  data?: Data | undefined;
}

/** A reveal.js `<!-- .slide: … -->` or `<!-- .element: … -->` comment, parsed (reveal-md dialect); applied and removed once slides are cut. */
export interface RevealAttributes extends Node {
  type: 'revealAttributes';
  /** `slide` for the slide the comment is on; `element` for the element before it. */
  target: 'slide' | 'element';
  attributes: Attributes;
  data?: Data | undefined;
}

/** A Quarto shortcode, `{{< video demo.mp4 >}}`; carried out (or reported and removed) before rendering. */
export interface Shortcode extends Node {
  type: 'shortcode';
  name: string;
  args: { positional: string[]; named: Record<string, string> };
  /** The shortcode as written (normalised), for messages. */
  value: string;
  data?: Data | undefined;
}

/** One reveal.js slide (`<section>`). */
export interface Slide extends Parent {
  type: 'slide';
  /** `title` for the front-matter title slide, `section` for headings above the slide level. */
  kind: 'title' | 'section' | 'slide';
  /** Attributes of the section element, taken from the heading. */
  attributes: Attributes;
  /** The heading that started this slide, if any (also the first child). */
  heading?: Heading | undefined;
  children: Array<BlockContent | RootContent>;
  data?: Data | undefined;
}

/** One answer option of a quiz (or one item to put in order). */
export interface QuizOption extends Parent {
  type: 'quizOption';
  /** Stable id, `<quiz id>/<letter>` (`quiz-2/b`); kept out of the page. */
  id: string;
  /** Letter shown in print: A, B, C… in source order. */
  letter: string;
  /** Marked correct (choice quizzes); every item of an ordering question is `true`. */
  correct: boolean;
  /** Place of this item in the right order, from 1 (ordering questions; source order). */
  rank?: number | undefined;
  /** Feedback shown when this option is chosen and checked: text from an attribute, or blocks. */
  feedback?: string | BlockContent[] | undefined;
  children: PhrasingContent[];
  data?: Data | undefined;
}

/** A blank of a fill-in-the-blank question (`[[answer]]`), with every answer it accepts. */
export interface QuizBlank extends Node {
  type: 'quizBlank';
  /** Accepted answers as written; compared without case and extra whitespace. */
  answers: string[];
  /** Number of the blank in its question, from 1 (set when quizzes are numbered). */
  index?: number | undefined;
  data?: Data | undefined;
}

/** Where a deck's score is shown (a Quarto `{.quiz-summary}` slide). */
export interface QuizSummary extends Node {
  type: 'quizSummary';
  data?: Data | undefined;
}

/** What a student does to answer: choose options, type in blanks, or put items in order. */
export type QuizKind = 'choice' | 'fill' | 'order';

/** The form a lecture wrote a quiz in. */
export type QuizForm = 'task-list' | 'fenced' | 'quarto' | 'naquiz' | 'mkdocs' | 'quizdown' | 'lettered';

/** A question, whatever form the lecture wrote it in. */
export interface Quiz extends Parent {
  type: 'quiz';
  /** `quiz-<n>`, numbered through the deck. */
  id: string;
  /** What answering it means. @default "choice" */
  kind: QuizKind;
  /** Which form the lecture used. */
  form: QuizForm;
  /** Several options may be correct (checkboxes) rather than one (radio buttons). */
  multiple: boolean;
  /** Show the options in random order in the browser. */
  shuffle: boolean;
  /** Short text of the question, for answer keys. */
  title: string;
  /** The question (blocks, holding the `quizBlank`s of a fill-in question) followed by one `quizOption` per option. */
  children: Array<BlockContent | QuizOption>;
  /** Shown when a student asks for a hint; not part of the answer. */
  hint?: BlockContent[] | undefined;
  /** Explanation shown once the quiz is answered right. */
  explanation?: BlockContent[] | undefined;
  /** Language of the quiz's buttons when it differs from the deck's (a quizdown `locale`). */
  lang?: string | undefined;
  data?: Data | undefined;
}

/** One option of a quiz as the answer key shows it. */
export interface QuizKeyOption {
  id: string;
  letter: string;
  text: string;
  correct: boolean;
  /** Place in the right order, from 1 (ordering questions). */
  rank?: number | undefined;
  feedback?: string | undefined;
}

/**
 * A quiz as the answer key shows it: plain text, with the answers. Complete
 * for every kind, so a server can check an answer from it alone.
 */
export interface QuizKey {
  id: string;
  /** `choice`, `fill` or `order`. */
  kind: QuizKind;
  /** The form the lecture wrote it in. */
  form: QuizForm;
  title: string;
  question: string;
  multiple: boolean;
  /** The options of a choice question, or the items of an ordering question in source order. */
  options: QuizKeyOption[];
  /** Fill-in: each blank's accepted answers, in the order the blanks appear. */
  blanks?: Array<{ id: string; answers: string[] }> | undefined;
  /** Ordering: the option ids in the right order. */
  order?: string[] | undefined;
  hint?: string | undefined;
  explanation?: string | undefined;
  line: number;
  column: number;
}

/** An mkdocs-quiz `<quiz>` or `</quiz>` line, before the quiz between them is recognised. */
export interface QuizTag extends Node {
  type: 'quizTag';
  kind: 'open' | 'close';
  data?: Data | undefined;
}

/** A vertical stack of slides: a section title slide and the slides under it. */
export interface Stack extends Parent {
  type: 'stack';
  children: Slide[];
  data?: Data | undefined;
}

/** The footnotes cited on one slide, shown at its foot. */
export interface SlideFootnotes extends Parent {
  type: 'slideFootnotes';
  /** Number of the first footnote (footnotes are numbered through the deck). */
  start: number;
  children: FootnoteDefinition[];
  data?: Data | undefined;
}

declare module 'mdast' {
  interface RootData {
    /** Where the parse flattened content nested too deep (`transforms/nesting.ts`), for its report. */
    tooDeep?: Array<{ position?: Position | undefined }> | undefined;
  }
  interface FootnoteReferenceData {
    /** The number shown for this reference. */
    footnoteNumber?: number | undefined;
  }
  interface Data {
    /** Pandoc attributes attached to this node. */
    attributes?: Attributes | undefined;
    /** Set by a dialect rule on a div whose questions are not quizzes (a web page's learning goals). */
    notQuiz?: boolean | undefined;
    /** On a paragraph of a `titleMeta` block: the field it holds (`title`, `author` …). */
    metaField?: string | undefined;
    /** On a heading: the text its automatic id is made from, when that is not its text (raw TeX left out). */
    idText?: string | undefined;
    /** On a table: relative column widths (Pandoc's), when it has them. */
    columnWidths?: number[] | undefined;
    /** On a table: it has no header row (the first row is a body row). */
    headless?: boolean | undefined;
    /** Set on a paragraph that display math starting a line made (`$$ … $$`), so Pandoc's paragraph can be put back together. */
    displayMath?: boolean | undefined;
    /** Set on a callout once it has its title and body. */
    callout?: boolean | undefined;
    /** Set on the `.columns` div made around loose `.column` divs. */
    looseColumns?: boolean | undefined;
  }
  interface RootContentMap {
    superscript: Superscript;
    subscript: Subscript;
    fencedDivFence: FencedDivFence;
    fencedDiv: FencedDiv;
    inlineAttributes: InlineAttributes;
    bracketedSpan: BracketedSpan;
    inlineNote: InlineNote;
    pandocTable: PandocTable;
    tableCaption: TableCaption;
    rawTex: RawTex;
    texArgument: TexArgument;
    titleMeta: TitleMeta;
    titleBlockLine: TitleBlockLine;
    figure: Figure;
    pause: Pause;
    slide: Slide;
    stack: Stack;
    slideFootnotes: SlideFootnotes;
    quiz: Quiz;
    quizOption: QuizOption;
    quizBlank: QuizBlank;
    quizSummary: QuizSummary;
    quizTag: QuizTag;
    revealAttributes: RevealAttributes;
    shortcode: Shortcode;
  }
  interface BlockContentMap {
    pandocTable: PandocTable;
    fencedDivFence: FencedDivFence;
    fencedDiv: FencedDiv;
    titleBlockLine: TitleBlockLine;
    figure: Figure;
    pause: Pause;
    quiz: Quiz;
    quizSummary: QuizSummary;
    quizTag: QuizTag;
    revealAttributes: RevealAttributes;
  }
  interface PhrasingContentMap {
    superscript: Superscript;
    subscript: Subscript;
    rawTex: RawTex;
    shortcode: Shortcode;
    inlineAttributes: InlineAttributes;
    inlineNote: InlineNote;
    bracketedSpan: BracketedSpan;
    quizBlank: QuizBlank;
    revealAttributes: RevealAttributes;
  }
}

/** Metadata of one lecture: front matter, title block and configuration merged. */
/** The front matter keys of a lecture, sorted by who reads them. */
export interface FrontMatterKeys {
  /** Keys the build reads. */
  used: string[];
  /** Keys another tool reads (Jekyll, Quarto, reveal-md, Beamer, Pandoc's templates), with no effect here. */
  otherTools: Array<{ key: string; tool: string }>;
  /** The author's own keys (for `{{< meta … >}}` or other tools): read by nobody we know. */
  own: string[];
  /** Keys a letter or two from one the build reads, reported as warnings. */
  misspelt: Array<{ key: string; guess: string }>;
}

export interface LectureMeta {
  title?: string | undefined;
  subtitle?: string | undefined;
  author: string[];
  date?: string | undefined;
  institute?: string | undefined;
  /** Theme name or path. */
  theme?: string | undefined;
  /** Slide level; computed from the headings when not given. */
  slideLevel?: number | undefined;
  /** Make every list incremental. */
  incremental: boolean;
  lang?: string | undefined;
  /** Every front matter key as written, for transforms that read their own; Quarto's `format: revealjs:` options merged in. */
  raw: Record<string, unknown>;
  /** The options written under Quarto's `format: revealjs:`, when there are any. */
  formatOptions?: Record<string, unknown> | undefined;
  /** Where each front matter key is written, for messages about its value. */
  positions: Record<string, Position>;
  /**
   * Where the text of the title-slide fields starts in the file (`author`:
   * one per name), so their markdown is parsed with positions in the lecture.
   */
  offsets?: MetaOffsets | undefined;
  /** The title-slide fields as parsed markdown (`transforms/title-markup.ts`); the fields above hold their plain text. */
  markup?: MetaMarkup | undefined;
}

/** Offsets of the title-slide fields in the file; absent where the text is not written as is (block scalars). */
export interface MetaOffsets {
  title?: number | undefined;
  subtitle?: number | undefined;
  institute?: number | undefined;
  date?: number | undefined;
  author?: Array<number | undefined> | undefined;
}

/** The title-slide fields as markdown: emphasis, code, math and links on the title slide. */
export interface MetaMarkup {
  title?: PhrasingContent[] | undefined;
  subtitle?: PhrasingContent[] | undefined;
  institute?: PhrasingContent[] | undefined;
  date?: PhrasingContent[] | undefined;
  author: PhrasingContent[][];
}

/** A lecture's answers file: the letters of its numbered list, by number. */
export interface AnswerFile {
  /** Path as shown in messages. */
  path: string;
  /** The letters each numbered item gives (`2. b, d` → `["b", "d"]`), by its number. */
  answers: Record<number, string[]>;
}

/** Deck options from front matter (`src/transforms/deck-options.ts`). */
export interface DeckOptions {
  /** Text of the footer on every slide. */
  footer?: string | undefined;
  /** Image shown in the corner of every slide. */
  logo?: string | undefined;
  /** reveal.js options (camelCase) that win over the course config for this deck. */
  reveal: Record<string, unknown>;
  /** Every slide in the smaller type (`.smaller`). */
  smaller: boolean;
  /** Every slide scrolls when too long (`.scrollable`). */
  scrollable: boolean;
  /** A table-of-contents slide after the title slide. */
  toc?: { depth: number; title: string } | undefined;
  /** Stretch a lone image to the height left on its slide (Quarto's default). */
  autoStretch: boolean;
  /** Print one page per fragment step (`pdf-separate-fragments`). */
  pdfFragments?: boolean | undefined;
  /** Attributes of the title slide (`title-slide-attributes`). */
  titleAttributes?: Record<string, string> | undefined;
}

/** A local file a deck refers to: the build's output depends on it. */
export interface FileDependency {
  /** Absolute path, whether or not the file exists. */
  path: string;
  /** Where the build stored a copy, relative to the output folder. */
  stored?: string | undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** Lecture metadata, set by the front-matter transform. */
    meta: LectureMeta;
    /** Deck options from front matter, set by the deck-options transform. */
    deck: DeckOptions;
    /** Every element id the deck carries: written ones first, then generated heading ids. */
    ids: string[];
    /** The dialect the lecture is read as (`src/dialects/`). */
    dialect: Dialect;
    /** Why that dialect was chosen, in words, for `lecture build --explain`. */
    dialectReasons: string[];
    /** How each front matter key was read (`transforms/front-matter-keys.ts`), for `lecture build --explain`. */
    frontMatterKeys: FrontMatterKeys;
    /** Number of slides, vertical ones and the title slide included. */
    slideCount: number;
    /** Source line of each slide, in presentation order. */
    slideLines: number[];
    /** Slide level used to cut this deck. */
    slideLevel: number;
    /** Macros the lecture defines with `\\newcommand` outside math, for every formula of the deck. */
    texMacros: Record<string, string>;
    /** Whether the deck uses math, so KaTeX's stylesheet is linked. */
    hasMath: boolean;
    /** Local files the deck refers to (images, downloads, other lectures). */
    dependencies: FileDependency[];
    /** Theme the deck uses, after falling back from an unknown one. */
    theme: string;
    /** The deck's quizzes with their answers, for the answer keys. */
    quizzes: QuizKey[];
    /** Whether the page holds quizzes, so the quiz plugin is loaded. */
    hasQuiz: boolean;
    /** Languages of the page's quizzes other than the deck's own, for their messages in the browser. */
    quizLangs: string[];
    /** The lecture's answers file (`<name>-answers.md`, `answers.md`), read by the build: keys of lettered questions. */
    answerFile: AnswerFile;
    /** Every link, image and link definition of the source as parsed, before any transform moves its text (to the title slide's author, say): the checker checks them all. */
    sourceLinks: SourceLink[];
    /** A hash of the page as students see it, the same whichever quiz secret sealed it: what a PDF was made from. */
    fingerprint: string;
    /** The characters the deck shows as emoji, for the course's emoji font. */
    emoji: string;
    /** Text-style symbols the emoji font also has, used where no other font has them. */
    symbols: string;
    /** Every character beyond ASCII the deck shows, with the source line it first appears on. */
    glyphLines: Record<string, number>;
  }
}

/** A link or image target as written in the source. */
export interface SourceLink {
  url: string;
  /** `a` for links and definitions, `img` for images. */
  tagName: 'a' | 'img';
  /** Set for `[id]: url` definitions, which the output shows only where they are referenced. */
  definition?: true | undefined;
  position?: Position | undefined;
}

export type { Heading };
