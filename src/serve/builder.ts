/**
 * The builds of a serve session, one after another: changes that arrive
 * during a build are merged into the next one. With fitting, an edit is
 * built and shown first as written, then fitted (which takes a browser
 * layout, about a second) and shown again unless a newer edit is waiting:
 * the words appear at once, the fit follows.
 */
import type { BuildOptions, BuildResult, BuiltDecks } from '../course/build.js';
import type { ClassroomSetup } from '../classroom/start.js';
import type { DeckRecord } from '../course/manifest.js';
import { ParseMemo } from '../mdast/parse-memo.js';
import type { BrowserSession } from '../export/session.js';
import type { DeckBook } from './decks.js';
import type { Plan } from './plan.js';
import type { BuildEvent, ServeOptions } from './serve.js';
import type { LiveServer } from './server.js';

export type Builder = ReturnType<typeof createBuilder>;

export function createBuilder(options: ServeOptions, folder: string, session: BrowserSession | undefined, book: DeckBook, record: DeckRecord, classroom?: ClassroomSetup | undefined) {
  let server: LiveServer | undefined;
  let queue: Plan | undefined;
  let running: Promise<void> = Promise.resolve();
  // An edit changes a slide or two: the rest of the lecture's parse is remembered from the build before.
  const parseMemo = new ParseMemo();
  const buildOptions = (plan: Plan, fit: boolean): BuildOptions => ({
    root: options.root,
    config: options.config,
    paths: plan.full ? options.paths : plan.paths,
    // In a classroom, answers are revealed by the presenter, never by an answer slide. Single-file copies are
    // for publishing: making them on every edit would only slow the preview.
    overrides: {
      ...options.overrides,
      out: folder,
      output: { ...options.overrides?.output, singleFile: false },
      ...(classroom ? { quiz: { ...options.overrides?.quiz, answers: 'hidden' as const } } : {}),
    },
    classroom: classroom !== undefined,
    quizSecret: classroom?.classroom.identity.secret,
    stage: false,
    cache: options.cache,
    fit: fit && session !== undefined,
    session,
    jobs: plan.full ? undefined : 0,
    parseMemo,
    // The serve folder is this process's alone: its list of decks lives in memory, not in the cache folder.
    record,
  });
  const step = async (plan: Plan, fit: boolean, started: number) => {
    const { build, refreshCoursePage } = await import('../course/build.js');
    // The decks are shown as soon as they are written; the course page and the answer keys follow.
    let shown = false;
    const onDecks = async (built: BuiltDecks) => {
      const changed = await book.recordDecks(built, folder);
      shown = true;
      if (server) book.announce(server.events, changed, plan, true);
    };
    const options = { ...buildOptions(plan, fit), onDecks };
    const result: BuildResult = plan.paths.length === 0 && !plan.full ? await refreshCoursePage(options) : await build(options);
    // The pages were taken in as they were written; the messages found since (stale PDFs) and the course follow.
    const changed = await book.record(result, folder, { pages: !shown });
    await classroom?.loadKeys(result.inputs.map((input) => input.slug));
    if (server) book.announce(server.events, changed, plan);
    return { files: result.files, decks: changed.map((deck) => deck.slug), milliseconds: performance.now() - started, fitted: fit && session !== undefined } satisfies BuildEvent;
  };
  const once = async (plan: Plan) => {
    const started = performance.now();
    try {
      // The first build is fitted before anything is served; later edits show unfitted first.
      // The terminal hears of the last step only: each change is reported once.
      const twoSteps = server !== undefined && session !== undefined && plan.paths.length > 0;
      let event = await step(plan, !twoSteps, started);
      if (twoSteps && !queue) event = await step({ ...plan, reload: false }, true, started);
      options.onBuild?.(event);
    } catch (error) {
      // Before serving starts, a broken course is the caller's to report (exit 2); later, pages show it.
      if (!server) throw error;
      const failure = error instanceof Error ? error : new Error(String(error));
      book.announceFailure(server.events, failure);
      options.onBuild?.({ files: [], decks: [], milliseconds: performance.now() - started, error: failure });
    }
  };
  const next = async () => {
    const plan = queue;
    queue = undefined;
    if (plan) await once(plan);
  };
  return {
    attach: (live: LiveServer) => void (server = live),
    inputs: () => book.inputs(),
    run: (plan: Plan) => {
      queue = queue ? mergePlans(queue, plan) : plan;
      const job = running.then(next);
      running = job.catch(() => undefined);
      return job;
    },
    idle: () => running,
  };
}

function mergePlans(a: Plan, b: Plan): Plan {
  return { full: a.full || b.full, reload: a.reload || b.reload, paths: [...new Set([...a.paths, ...b.paths])] };
}
