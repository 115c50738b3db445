/**
 * What a batch of changed files means for a serve session: which lectures to
 * rebuild, whether the list of lectures changed, and whether everything must
 * be rebuilt and reloaded (the config or a theme changed). A pure function
 * of the paths and of what each lecture read at its last build.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../assets/scope.js';
import { configNames } from '../config/load.js';

/** A rebuild to do. */
export interface Plan {
  /** Rebuild every lecture (the cache keeps the unchanged ones fast). */
  full: boolean;
  /** Reload every open page (stylesheets or settings may have changed). */
  reload: boolean;
  /** Lecture files to rebuild; none (and not `full`) only rewrites the course page. */
  paths: string[];
}

/** Where things are in the course. */
export interface PlanContext {
  root: string;
  lectures: string;
  /** The config file in use, if any. */
  config?: string | undefined;
}

/** What a lecture read at its last build. */
export interface LectureInputs {
  source: string;
  files: string[];
}

const lectureFile = /\.(md|qmd)$/i;

/** The rebuild `changed` calls for, or `undefined` when nothing served depends on it. */
export function planRebuild(changed: string[], context: PlanContext, inputs: LectureInputs[]): Plan | undefined {
  const configs = new Set([...configNames.map((name) => path.join(context.root, name)), ...(context.config ? [context.config] : [])]);
  const themes = path.join(context.root, 'themes');
  const known = new Set(inputs.map((input) => input.source));
  const paths = new Set<string>();
  let listChanged = false;
  let full = false;
  for (const file of changed) {
    if (configs.has(file) || isInside(file, themes)) full = true;
    else if (isInside(file, context.lectures) && (lectureFile.test(file) || !path.extname(file))) {
      // A lecture added, removed or renamed (or a folder of them) changes the course page.
      if (!known.has(file) || !existsSync(file)) listChanged = true;
      if (lectureFile.test(file) && existsSync(file)) paths.add(file);
    }
    // A link to another lecture's source is a file the lecture refers to, not one its deck is made of.
    if (known.has(file)) continue;
    for (const input of inputs) if (input.files.includes(file) && existsSync(input.source)) paths.add(input.source);
  }
  if (full) return { full: true, reload: true, paths: [] };
  if (paths.size === 0 && !listChanged) return undefined;
  return { full: false, reload: false, paths: [...paths] };
}
