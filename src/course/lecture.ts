/**
 * Build one lecture into `out/<slug>/index.html`, returning plain data (its
 * messages and what the course page shows of it) so the same code runs in
 * the main thread or in a worker.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { MediaStore } from '../assets/media.js';
import { createScope } from '../assets/scope.js';
import { findThemes } from '../assets/vendor.js';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createProcessor } from '../pipeline.js';
import type { ParseMemo } from '../mdast/parse-memo.js';
import type { DeckSummary } from '../render/course-page.js';
import type { FileDependency, QuizKey } from '../types.js';
import { readAnswerFile } from './answer-file.js';
import type { Lecture } from './discover.js';
import { messagesToData, type MessageData } from './messages.js';
import { readLecture, reportReading } from './read.js';
import { createResolver } from './resolver.js';
import { writeAtomically } from '../assets/write.js';

/** Everything a lecture build needs to know about the course; plain data, sent to workers as is. */
export interface BuildContext {
  root: string;
  out: string;
  config: Config;
  /** Names of the themes decks may use. */
  themes: string[];
  /** Every lecture of the course as `[source, slug]`, for links between decks. */
  decks: Array<[string, string]>;
  /** The folder messages' paths are relative to. */
  cwd: string;
  /** Secret the quiz salts derive from (kept in the build cache folder, so pages are reproducible). */
  quizSecret?: string | undefined;
  /** Classroom mode (see `BuildOptions.classroom`). */
  classroom?: boolean | undefined;
}

/** What building one lecture produced. */
export interface LectureResult {
  /** Path of the lecture as shown in messages. */
  path: string;
  messages: MessageData[];
  /** Present when the deck was written. */
  summary?: DeckSummary | undefined;
  theme?: string | undefined;
  hasMath: boolean;
  hasQuiz: boolean;
  /** The deck's quizzes with their answers, for the answer keys. */
  quizzes: QuizKey[];
  /** Local files the deck refers to, for the build cache. */
  dependencies: FileDependency[];
  /** Whether the page written is already fitted (restored from the cache as fitted last time). */
  fitted?: boolean | undefined;
}

/** A function that builds one lecture of the course described by `context`. */
export function createLectureBuilder(context: BuildContext, { parseMemo }: { parseMemo?: ParseMemo | undefined } = {}): (lecture: Lecture) => Promise<LectureResult> {
  let catalog: Map<string, string> | undefined;
  const processor = createProcessor({
    parseMemo,
    quizSecret: context.quizSecret,
    classroom: context.classroom,
    config: context.config,
    themes: new Set(context.themes),
    courseRoot: context.root,
    anchors: true,
    themeFile: (theme) => (catalog ??= findThemes(context.root)).get(theme),
    resolve: createResolver({
      scope: createScope(context.root, context.config.assets.allow),
      media: new MediaStore(context.out),
      decks: new Map(context.decks),
      cache: new Map(),
    }),
  });
  return async (lecture) => {
    const file = new VFile({ path: path.relative(context.cwd, lecture.source), cwd: context.cwd });
    const result = (): LectureResult => ({
      path: file.path,
      messages: messagesToData(file),
      hasMath: Boolean(file.data.hasMath),
      hasQuiz: Boolean(file.data.hasQuiz),
      quizzes: file.data.quizzes ?? [],
      theme: file.data.theme,
      dependencies: file.data.dependencies ?? [],
    });
    if (!(await readInto(file, lecture.source))) return result();
    try {
      await addAnswerFile(file, lecture.source, context.cwd);
      // In steps, not `process()`: an error in unified's callback-style stringify escaped its promise and killed the process.
      const tree = await processor.run(processor.parse(file), file);
      await writeAtomically(path.join(context.out, lecture.slug, 'index.html'), processor.stringify(tree, file));
    } catch (error) {
      report(file, `Cannot build this lecture: ${describe(error)}`, rules.buildFailed, undefined, 'error');
      return result();
    }
    const meta = file.data.meta;
    return {
      ...result(),
      summary: {
        slug: lecture.slug,
        title: meta?.title ?? file.stem ?? lecture.slug,
        author: meta?.author ?? [],
        date: meta?.date,
        lang: meta?.lang,
        subject: text(meta?.raw.subject) ?? meta?.subtitle ?? text(meta?.raw.description),
        keywords: Array.isArray(meta?.raw.keywords) ? meta.raw.keywords.map(String) : text(meta?.raw.keywords)?.split(',').map((keyword) => keyword.trim()),
        slides: file.data.slideCount ?? 0,
        lines: file.data.slideLines,
        quizzes: file.data.quizzes?.length,
        fingerprint: file.data.fingerprint,
        theme: file.data.theme,
        emoji: file.data.emoji || undefined,
        symbols: file.data.symbols || undefined,
        glyphs: file.data.glyphLines,
        source: path.relative(context.root, lecture.source).split(path.sep).join('/'),
      },
    };
  };
}

/** Give the lecture its answers file, which is an input of the deck: a change to it (or its creation) rebuilds the deck. */
async function addAnswerFile(file: VFile, source: string, cwd: string): Promise<void> {
  const answers = await readAnswerFile(source, cwd);
  if (answers.file) file.data.answerFile = answers.file;
  (file.data.dependencies ??= []).push(...answers.candidates.map((candidate) => ({ path: candidate })));
}

/** Read the lecture's text into `file`, reporting how it was read; `false` when there is none. */
export async function readInto(file: VFile, source: string): Promise<boolean> {
  const read = await readLecture(source);
  reportReading(file, read);
  if (read.text === undefined) return false;
  file.value = read.text;
  return true;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An unexpected failure, said in one line (the stack only with `LECTURE_DEBUG=1`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return process.env.LECTURE_DEBUG ? `${error.stack}` : `${error.message} (this is a bug in lecture; run with LECTURE_DEBUG=1 for details)`;
}
