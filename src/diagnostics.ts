/**
 * Rule ids and the one way we report a problem: a vfile message at the
 * node's position, with our package name as `source`.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** Every rule id the build reports, in one place. */
export const rules = {
  /** A `:::` closing fence with no open div. */
  strayFence: 'stray-fence',
  /** An opening fence never closed before its container ends. */
  unclosedFence: 'unclosed-fence',
  /** Front matter that is not valid YAML or has a value of the wrong type. */
  frontMatter: 'front-matter',
  /** A local image or file the lecture refers to that does not exist. */
  missingFile: 'missing-file',
  /** A local path whose case differs from the file on disk (breaks on Linux hosts). */
  caseMismatch: 'case-mismatch',
  /** A local path that leaves the course folder. */
  outsideCourse: 'outside-course',
  /** A theme that cannot be found. */
  unknownTheme: 'unknown-theme',
  /** A code block language the highlighter does not know. */
  unknownLanguage: 'unknown-language',
  /** A formula KaTeX cannot render. */
  mathError: 'math-error',
  /** A `$$` that no `$$` closes within its paragraph: display math left as text. */
  unclosedMath: 'unclosed-math',
  /** Raw TeX with no meaning on a slide (`\\small`, `\\includegraphics`), left out; one hint per lecture. */
  rawTex: 'raw-tex',
  /** An image reference (`![logo]`) whose label no definition names: shown as text. */
  undefinedReference: 'undefined-reference',
  /** Two elements with the same id in one deck. */
  duplicateId: 'duplicate-id',
  /** A `format:` that names no dialect (the dialect is detected instead). */
  unknownFormat: 'unknown-format',
  /** A Liquid tag (`{{ … }}`, `{% … %}`) in a course web page, left out of the slides. */
  liquidTag: 'liquid-tag',
  /** A reveal-md `separator` / `verticalSeparator` that is not a valid regular expression. */
  badSeparator: 'bad-separator',
  /** Lists, block quotes, divs, emphasis, raw HTML or a formula nested deeper than the limit (100 levels); the deeper part is shown as text. */
  tooDeep: 'too-deep',
  /** A lecture that is not UTF-8: read as what it is (UTF-16, Windows-1252), and reported. */
  encoding: 'encoding',
  /** A lecture that could not be read or built at all. */
  buildFailed: 'build-failed',
  /** Two lectures that would be written to the same folder. */
  duplicateSlug: 'duplicate-slug',
  /** A question with options of which none is marked correct. */
  quizNoAnswer: 'quiz-no-answer',
  /** Several correct options without `multiple=true`, or `multiple=true` with one correct option. */
  quizMultipleUnmarked: 'quiz-multiple-unmarked',
  /** Two options of one quiz with the same text. */
  quizDuplicateOption: 'quiz-duplicate-option',
  /** A quiz with fewer than two options. */
  quizTooFewOptions: 'quiz-too-few-options',
  /** An option with no text. */
  quizEmptyOption: 'quiz-empty-option',
  /** The answer is only an image or an external link (a QR code, a link to the answers). */
  quizAnswerOnlyInMedia: 'quiz-answer-only-in-media',
  /** A checked task-list item, `.correct` mark or `data-solution`-like attribute that is not part of a quiz: it would show students an answer, so it is hidden. */
  quizAnswerVisible: 'quiz-answer-visible',
  /** An `Answer: b` line or answers file that does not fit the lecture's lettered questions (a letter with no option, a count that differs). */
  quizAnswerKey: 'quiz-answer-key',
  /** A slide whose content does not fit its canvas even split or shrunk to the smallest scale allowed (the PDF prints it smaller still, so nothing is cut off). */
  slideOverflow: 'slide-overflow',
  /** Speaker notes too long for the notes area under their slide (printed smaller). */
  notesOverflow: 'notes-overflow',
  /** Slides could not be measured to fit (no browser, or the deck would not load). */
  fitFailed: 'fit-failed',
  /** A deck whose PDF could not be made (timeout, browser crash), after one retry. */
  pdfFailed: 'pdf-failed',
  /** A character no font on the printing machine has (not even the emoji font): it prints as an empty box. */
  missingGlyph: 'missing-glyph',
  /** A PDF in the output printed from an earlier version of its deck: left off the course page. */
  stalePdf: 'stale-pdf',
  /** A link to `#id`, `other.md#id` or `#/slide-id` whose id the target deck does not have. */
  missingAnchor: 'missing-anchor',
  /** An empty or placeholder link or source (`link`, `TODO`, `#`, `about:blank`, `example.com`). */
  placeholderLink: 'placeholder-link',
  /** `TODO` or `FIXME` left in text shown on a slide. */
  todoText: 'todo-text',
  /** A remote link that is gone: 404, 410, or a host that does not exist. */
  deadLink: 'dead-link',
  /** A remote link that could not be checked (401, 403, 429, 999, timeout, TLS error, server error). */
  unverifiedLink: 'unverified-link',
  /** A remote link that moved permanently (301, 308): use the new address. */
  redirectedLink: 'redirected-link',
  /** A remote page without the `#anchor` the link asks for (only with `--remote-anchors`). */
  missingRemoteAnchor: 'missing-remote-anchor',
  /** An image without alt text. */
  missingAlt: 'missing-alt',
  /** A slide with nothing on it. */
  emptySlide: 'empty-slide',
  /** Raw `<script>` or an inline event handler (`onclick=…`) in a lecture. */
  rawScript: 'raw-script',
  /** A presentational tag HTML no longer has (`<center>`, `<font>` …). */
  deprecatedHtml: 'deprecated-html',
  /** Pandoc's computed slide level folds many headed slides into few (one `#` heading followed by content). */
  slideLevelCollapse: 'slide-level-collapse',
  /** Executable code chunks (`{r}`, `{python}` …) or inline `r` code: their output needs Quarto or knitr. */
  executableCode: 'executable-code',
  /** Pandoc citations (`[@key]`): shown as written, formatting them needs citeproc (Quarto, `pandoc --citeproc`). */
  citations: 'citations',
  /** A Quarto shortcode (`{{< … >}}`) we cannot carry out, or one written wrong. */
  shortcode: 'shortcode',
  /** `{{< include >}}` of a file that is missing, outside the course, or includes itself. */
  includeFailed: 'include-failed',
  /** A diagram (` ```mermaid `) that could not be drawn. */
  diagramError: 'diagram-error',
} as const;

export type RuleId = (typeof rules)[keyof typeof rules];

/** How bad a problem is: a hint, a warning, or an error that stops this deck. */
export type Severity = 'info' | 'warning' | 'error';

/** Our package name, the `source` of every message. */
export const source = 'lecture';

/**
 * Report a problem on `node` (or the whole file) as a vfile message.
 * Errors are recorded with `fatal: true` but not thrown, so the caller
 * decides whether the deck is still written.
 */
export function report(
  file: VFile,
  reason: string,
  ruleId: RuleId | string,
  place: { position?: Position | undefined } | undefined,
  severity: Severity = 'warning',
): VFileMessage {
  const message = file.message(reason, { place: place?.position, ruleId, source });
  if (severity === 'info') message.fatal = undefined;
  if (severity === 'error') message.fatal = true;
  return message;
}
