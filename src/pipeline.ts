/**
 * The build pipeline, in order: the first file to read to understand the
 * tool. A lecture flows one way: parse → transform (mdast) → slides →
 * render (hast) → page.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdastRoot } from 'mdast';
import { unified } from 'unified';
import type { VFile } from 'vfile';
import { references, type Resolve } from './assets/references.js';
import type { Config } from './config/schema.js';
import { boldHeadings } from './dialects/bold-headings.js';
import { documentTitle } from './dialects/document-title.js';
import { dialect } from './dialects/index.js';
import { liquid } from './dialects/liquid.js';
import { outlineLists } from './dialects/outline-lists.js';
import { outlineTitles } from './dialects/outline-titles.js';
import { pageMeta } from './dialects/page-meta.js';
import { revealAttributeComments } from './dialects/reveal-attribute-comments.js';
import { revealComments } from './dialects/reveal-comments.js';
import { revealNotes } from './dialects/reveal-notes.js';
import { revealSeparators } from './dialects/reveal-separators.js';
import { revealSetext } from './dialects/reveal-setext.js';
import { chunkedParse } from './mdast/chunked-parse.js';
import type { ParseMemo } from './mdast/parse-memo.js';
import { remarkShortcodes } from './mdast/shortcodes.js';
import { backgrounds } from './render/backgrounds.js';
import { codeLines as renderCodeLines } from './render/code-lines.js';
import { deckAnchors } from './render/deck-anchors.js';
import { diagrams } from './render/mermaid.js';
import { absolute } from './transforms/absolute.js';
import { callouts } from './transforms/callouts.js';
import { chunks } from './transforms/chunks.js';
import { codeLines } from './transforms/code-lines.js';
import { conditionalContent } from './transforms/conditional-content.js';
import { deckDecor } from './transforms/deck-decor.js';
import { deckOptions } from './transforms/deck-options.js';
import { include } from './transforms/include.js';
import { looseColumns } from './transforms/loose-columns.js';
import { shortcodes } from './transforms/shortcodes.js';
import { stretch } from './transforms/stretch.js';
import { lineEndings } from './mdast/line-endings.js';
import { remarkPandoc } from './mdast/remark-pandoc.js';
import { remarkQuizTags } from './mdast/quiz-tags.js';
import { revealDocument } from './render/document.js';
import { dropNotes } from './render/drop-notes.js';
import { fingerprint } from './render/fingerprint.js';
import { glyphs } from './render/glyphs.js';
import { handlers } from './render/handlers.js';
import { highlight } from './render/highlight.js';
import { localise } from './render/localise.js';
import { hastNesting } from './render/nesting.js';
import { math } from './render/math.js';
import { sealQuizzes } from './render/seal-quizzes.js';
import { raw } from './render/raw.js';
import { codeAttributes } from './transforms/code-attributes.js';
import { fencedDivs } from './transforms/fenced-divs.js';
import { figures } from './transforms/figures.js';
import { footnotes } from './transforms/footnotes.js';
import { fragments } from './transforms/fragments.js';
import { frontMatter } from './transforms/front-matter.js';
import { frontMatterKeys } from './transforms/front-matter-keys.js';
import { hideAnswers } from './transforms/hide-answers.js';
import { ids } from './transforms/ids.js';
import { inlineAttributes } from './transforms/inline-attributes.js';
import { inlineNotes } from './transforms/inline-notes.js';
import { mathDollars } from './transforms/math-dollars.js';
import { nesting } from './transforms/nesting.js';
import { quizAnswers } from './transforms/quiz-answers.js';
import { quizzes } from './transforms/quizzes.js';
import { sectionAttributes } from './transforms/section-attributes.js';
import { slides } from './transforms/slides.js';
import { smart } from './transforms/smart.js';
import { superSub } from './transforms/super-sub.js';
import { emoji } from './transforms/emoji.js';
import { citations } from './transforms/citations.js';
import { tables } from './transforms/tables.js';
import { tex } from './transforms/tex.js';
import { undefinedImages } from './transforms/undefined-images.js';
import { titleMarkupIn, titleMarkupOut } from './transforms/title-markup.js';
import { sourceLinks } from './transforms/source-links.js';

/** What a processor needs beyond the configuration. */
export interface ProcessorOptions {
  config: Config;
  /** Names of the themes available to decks. */
  themes: ReadonlySet<string>;
  /** Rewrites local URLs (copying files); by default URLs stay as written. */
  resolve?: Resolve | undefined;
  /** URL of the shared assets folder, relative to a deck. @default "../_assets" */
  assetBase?: string | undefined;
  /** Whether to output a whole reveal.js page; `false` gives the slides alone. @default true */
  standalone?: boolean | undefined;
  /** Secret the quiz salts derive from, for reproducible pages. @default random */
  quizSecret?: string | undefined;
  /** Classroom mode: quizzes are checked by the classroom server, so pages hold nothing to check them with. @default false */
  classroom?: boolean | undefined;
  /** Called with each finished slide tree (mdast) before it is rendered; the checker reads it. */
  inspect?: ((tree: MdastRoot, file: VFile) => void) | undefined;
  /** The course folder: `{{< include >}}` reads no file outside it. @default the lecture's folder */
  courseRoot?: string | undefined;
  /** Draw mermaid diagrams as SVG (launches the browser); `false` leaves them as code. @default true */
  diagrams?: boolean | undefined;
  /** Report links to an `#id` or slide the deck does not have (`missing-anchor`), as the build does; `lecture check` checks them course-wide instead. @default false */
  anchors?: boolean | undefined;
  /** The stylesheet of a theme, by name, for the colours of diagrams. @default undefined */
  themeFile?: ((theme: string) => string | undefined) | undefined;
  /** Parses to reuse and remember across builds (`lecture serve`): see `ParserOptions.memo`. */
  parseMemo?: ParseMemo | undefined;
}

/** What the parser needs beyond the configuration. */
export interface ParserOptions {
  /** The course folder: `{{< include >}}` reads no file outside it. @default the lecture's folder */
  courseRoot?: string | undefined;
  /** Read a lecture in pieces of at least this many characters (`mdast/chunked-parse.ts`); `Infinity` reads it whole. @default 65536 */
  chunkSize?: number | undefined;
  /** Parses to reuse and remember: a lecture is read a heading at a time, and a piece read before is not read again (`mdast/parse-memo.ts`). */
  memo?: ParseMemo | undefined;
}

/**
 * The markdown → mdast part, shared by the build and the checker. The
 * dialect rules (`src/dialects/`) run only on files of their dialect, so a
 * Pandoc lecture takes the plain Pandoc path.
 */
export function createParser(config: Config, options: ParserOptions = {}) {
  return unified()
    .use(remarkParse)
    .use(chunkedParse, { chunkSize: options.chunkSize, memo: options.memo })
    .use(remarkShortcodes)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkPandoc)
    // After the plugins above that wrap the parser, so that its text has LF line endings before any of them reads it.
    .use(lineEndings)
    .use(remarkQuizTags)
    .use(nesting)
    .use(sourceLinks)
    .use(frontMatter, { incremental: config.incremental })
    .use(deckOptions)
    .use(frontMatterKeys)
    .use(include, { courseRoot: options.courseRoot })
    .use(dialect, { format: config.format })
    .use(liquid)
    .use(pageMeta)
    .use(outlineLists)
    .use(outlineTitles)
    .use(revealAttributeComments)
    .use(revealSetext)
    .use(tables)
    .use(fencedDivs)
    .use(titleMarkupIn)
    .use(tex)
    .use(inlineAttributes)
    .use(chunks)
    .use(codeAttributes)
    .use(codeLines)
    .use(shortcodes)
    .use(conditionalContent)
    .use(callouts)
    .use(looseColumns)
    .use(absolute)
    .use(mathDollars)
    .use(undefinedImages)
    .use(titleMarkupOut)
    .use(documentTitle)
    .use(boldHeadings)
    .use(quizzes)
    .use(figures)
    .use(ids)
    .use(revealSeparators)
    .use(revealNotes)
    .use(revealComments)
    .use(slides)
    .use(sectionAttributes)
    .use(hideAnswers)
    .use(stretch)
    .use(quizAnswers, { answers: config.quiz.answers, config })
    .use(inlineNotes)
    .use(footnotes)
    .use(fragments)
    .use(deckDecor)
    .use(smart, { enabled: config.smart, lang: config.lang })
    .use(superSub)
    .use(emoji)
    .use(citations);
}

/** The whole pipeline: markdown in, a reveal.js HTML page out. */
export function createProcessor(options: ProcessorOptions) {
  return createParser(options.config, { courseRoot: options.courseRoot, memo: options.parseMemo })
    .use(options.inspect ? [[inspectTree, options.inspect]] : [])
    .use(remarkRehype, { handlers, allowDangerousHtml: true })
    .use(raw)
    .use(hastNesting)
    .use(options.config.publish.notes ? [] : [dropNotes])
    .use(references, { resolve: options.resolve ?? (() => undefined) })
    .use(backgrounds)
    .use(diagrams, { enabled: options.diagrams, themeFile: options.themeFile, defaultTheme: options.config.theme, browser: options.config.pdf.browser })
    .use(highlight)
    .use(renderCodeLines)
    .use(math)
    .use(localise, { config: options.config })
    .use(sealQuizzes, { secret: options.quizSecret, classroom: options.classroom })
    .use(glyphs)
    .use(options.anchors ? [deckAnchors] : [])
    .use(options.standalone === false ? [] : [[revealDocument, { config: options.config, themes: options.themes, assetBase: options.assetBase }]])
    .use(fingerprint)
    .use(rehypeStringify, { allowDangerousHtml: true });
}

/** Remark plugin: hand the tree to `callback` and change nothing. */
function inspectTree(callback: (tree: MdastRoot, file: VFile) => void) {
  return (tree: MdastRoot, file: VFile): undefined => {
    callback(tree, file);
  };
}
