/**
 * `serve()`: build a course into a folder of its own, serve it, and keep it
 * up to date while the lectures are edited. The process stays warm: the
 * pipeline's modules, the fitting browser and the build cache are reused,
 * and a change rebuilds only the lectures it affects. The course's `dist/`
 * is never written; the serve folder is a temporary folder removed on close.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { VFile } from 'vfile';
import { realPath } from '../assets/scope.js';
import { loadConfig } from '../config/load.js';
import type { UserConfig } from '../config/schema.js';
import type { BuildResult } from '../course/build.js';
import type { ClassroomSetup } from '../classroom/start.js';
import type { Config } from '../config/schema.js';
import { courseFolders, resultsFolderOf, type CourseFolders } from '../course/folders.js';
import { memoryRecord } from '../course/manifest.js';
import type { BrowserSession } from '../export/session.js';
import { planRebuild } from './plan.js';
import { startServer } from './server.js';
import { serverUrls } from './hosts.js';
import { createBuilder, type Builder } from './builder.js';
import { DeckBook } from './decks.js';
import { watchCourse, type CourseWatcher } from './watch.js';

/** Options of `serve()`. */
export interface ServeOptions {
  /** The course folder. @default process.cwd() */
  root?: string | undefined;
  /** Config file to use instead of the one found at the root. */
  config?: string | undefined;
  /** Lecture files or folders to serve; all lectures when empty. */
  paths?: string[] | undefined;
  /** Settings that win over the config file (from command-line flags). */
  overrides?: UserConfig | undefined;
  /** Interface to listen on: `127.0.0.1` (this machine only), `0.0.0.0` (every interface), or an address. @default "127.0.0.1" */
  host?: string | undefined;
  /** Port to try first; a taken port moves to the next free one. 0 takes any. @default 4040 */
  port?: number | undefined;
  /** Fit slides in a headless browser, as `lecture build` does, and mark those that still overflow. @default true */
  fit?: boolean | undefined;
  /** Reuse unchanged lectures from the build cache. @default true */
  cache?: boolean | undefined;
  /** Quiet time after the last save of a burst before rebuilding, in ms (saves during a build are merged into the next one). @default 15 */
  settle?: number | undefined;
  /**
   * Classroom mode: students join on their devices, follow the presenter's
   * slides and answer the quizzes live, checked here against the answer keys
   * (the pages hold no answers at all). Listens on every interface unless
   * `host` says otherwise. `fresh` starts a new session instead of resuming
   * one from the last twelve hours. @default false
   */
  classroom?: boolean | { fresh?: boolean | undefined } | undefined;
  /** Told about each build: its files with their messages, the lectures rebuilt and how long it took. */
  onBuild?: ((event: BuildEvent) => void) | undefined;
}

/** One build of a serve session. */
export interface BuildEvent {
  /** Lecture files (and the course) with this build's messages. */
  files: VFile[];
  /** Slugs of the decks rebuilt. */
  decks: string[];
  milliseconds: number;
  /** Whether the decks were fitted in this build (an edit is shown unfitted first, then fitted). */
  fitted?: boolean | undefined;
  /** A problem that stopped the whole build (a broken config): the last good decks stay served. */
  error?: Error | undefined;
}

/** A running serve session. */
export interface ServeHandle {
  /** The URL to open on this machine. */
  url: string;
  /** URLs for other devices, when listening beyond this machine. */
  network: string[];
  /** The port listened on (it may differ from the one asked for). */
  port: number;
  /** The folder the course is built into and served from. */
  folder: string;
  /** Slugs of the decks served, in course order. */
  decks: () => string[];
  /** Resolves when the builds of the changes seen so far are done. */
  settled: () => Promise<void>;
  /** The classroom, in classroom mode: the join code and links. */
  classroom?: ClassroomInfo | undefined;
  /** Stop serving: closes the server, the watcher and the browser, and removes the serve folder. */
  close: () => Promise<void>;
}

/** How students and the presenter reach a classroom session. */
export interface ClassroomInfo {
  /** The code students type at `/join`. */
  code: string;
  /** The address students open (also in the join slide's QR code). */
  joinUrl: string;
  /** The presenter's link: it carries the session's secret, keep it to yourself. */
  presenterUrl: string;
  /** Whether an earlier session (within twelve hours) was resumed. */
  resumed: boolean;
  /** The folder results are written to. */
  results: string;
}

/** Build the course at `options.root` and serve it until `close()`. */
export async function serve(options: ServeOptions = {}): Promise<ServeHandle> {
  const loaded = await loadConfig(path.resolve(options.root ?? '.'), options.config, options.overrides);
  const folders = courseFolders(loaded.root, loaded.config, { cache: options.cache, output: false });
  const folder = realPath(await mkdtemp(path.join(os.tmpdir(), `lecture-serve-${process.pid}-`)));
  const cleanup: Array<() => Promise<unknown>> = [() => rm(folder, { recursive: true, force: true })];
  const close = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const classroom = options.classroom ? await openClassroom(folders, loaded.config, options.classroom) : undefined;
    const host = options.host ?? (classroom ? '0.0.0.0' : '127.0.0.1');
    const session = options.fit === false || !loaded.config.fit.enabled ? undefined : await startFitting(loaded.root, loaded.config);
    if (session) cleanup.push(() => session.close());
    const book = new DeckBook(process.cwd());
    const builder = createBuilder(options, folder, session, book, memoryRecord(), classroom);
    await builder.run({ paths: [], full: true, reload: false });
    const handlers = { folder, initial: (page: string) => book.initial(page), version: (page: string) => book.version(page), route: classroom?.route, scripts: classroom?.scripts };
    const server = await startServer(handlers, host, options.port ?? 4040);
    cleanup.push(() => server.close());
    // The classroom's sockets go first: the server waits for every connection to end.
    if (classroom) cleanup.push(() => classroom.close());
    builder.attach(server);
    const watcher = startWatching(loaded, folders, options, builder);
    cleanup.push(() => watcher.close());
    await watcher.ready;
    const urls = serverUrls(host, server.port);
    const info = classroom && classroomInfo(classroom, urls, server.port);
    if (classroom && info) classroom.attach(server.server, host, info.joinUrl);
    return { url: urls.local, network: urls.network, port: server.port, folder, decks: () => book.slugs(), settled: () => builder.idle(), classroom: info, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function openClassroom(folders: CourseFolders, config: Config, choice: NonNullable<ServeOptions['classroom']>): Promise<ClassroomSetup> {
  const { startClassroom } = await import('../classroom/start.js');
  return startClassroom(resultsFolderOf(folders, config), folders.keys, { fresh: typeof choice === 'object' ? choice.fresh : false });
}

function classroomInfo(setup: ClassroomSetup, urls: { local: string; network: string[] }, port: number): ClassroomInfo {
  const { code, token } = setup.classroom.identity;
  const base = urls.network[0] ?? urls.local;
  return { code, joinUrl: `${base}join/${code}`, presenterUrl: `http://127.0.0.1:${port}/_lecture/present/${token}`, resumed: setup.resumed, results: setup.classroom.folder };
}

/** The browser fitting uses for the whole session; none (fitting skipped with a hint) when not installed. */
async function startFitting(root: string, config: BuildResult['config']): Promise<BrowserSession | undefined> {
  const { startBrowser } = await import('../export/start.js');
  return startBrowser({ root, known: config }).catch(() => undefined);
}

function startWatching(loaded: Awaited<ReturnType<typeof loadConfig>>, folders: ReturnType<typeof courseFolders>, options: ServeOptions, builder: Builder): CourseWatcher {
  const ignore = [folders.out, folders.keys, ...(folders.cache === false ? [] : [folders.cache])];
  const context = { root: folders.root, lectures: folders.lectures, config: loaded.file };
  return watchCourse({ folders: [...folders.scope.real], ignore, settle: options.settle }, (changed) => {
    const plan = planRebuild(changed, context, builder.inputs());
    if (plan) void builder.run(plan);
  });
}
