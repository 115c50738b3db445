/**
 * Watching a course for `lecture serve`: the course folder (lectures, the
 * images and files they show, themes, the config) and the shared folders the
 * config allows, minus what the tool writes itself and `node_modules`. The
 * changes of one burst of saves (an editor writing several files, a `git
 * checkout`) arrive as one batch.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { isInside } from '../assets/scope.js';

/** What to watch and what to leave out. */
export interface WatchOptions {
  /** Folders to watch, recursively. */
  folders: string[];
  /** Folders never to report (the output, the cache, the answer keys). */
  ignore: string[];
  /** Quiet time after the last change of a burst before the batch is handed over, in ms: an editor's save (write, or write a copy and rename) takes a few. @default 15 */
  settle?: number | undefined;
}

/** A running watcher. */
export interface CourseWatcher {
  /** Resolves once the initial scan is done (changes before it are not reported). */
  ready: Promise<void>;
  close: () => Promise<void>;
}

/** Call `onBatch` with the absolute paths changed (added, changed or removed) in each burst. */
export function watchCourse(options: WatchOptions, onBatch: (changed: string[]) => void): CourseWatcher {
  const settle = options.settle ?? 15;
  const ignored = (file: string) =>
    options.ignore.some((folder) => isInside(file, folder)) || /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(file);
  const watcher: FSWatcher = watch(options.folders, { ignored, ignoreInitial: true, atomic: 50 });
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const batch = [...pending];
    pending.clear();
    if (batch.length > 0) onBatch(batch);
  };
  const note = (file: string) => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(flush, settle);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, note);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
