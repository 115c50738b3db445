/**
 * `explainDialect()`: which dialect one lecture is read as, and why, and how
 * its front matter keys are read, with the course's configuration and
 * without building anything (`lecture build --explain <file>`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { loadConfig } from '../config/load.js';
import type { Dialect } from '../dialects/detect.js';
import { createParser } from '../pipeline.js';
import type { FrontMatterKeys } from '../types.js';

/** Options of `explainDialect()`. */
export interface ExplainOptions {
  /** The lecture file, relative to the working folder. */
  file: string;
  /** The course folder. @default process.cwd() */
  root?: string | undefined;
  /** Config file to use instead of the one found at the root. */
  config?: string | undefined;
}

/** The dialect chosen for one lecture. */
export interface Explanation {
  /** The lecture, with any messages about its `format:`. */
  file: VFile;
  dialect: Dialect;
  /** Why, one reason per line. */
  reasons: string[];
  /** How each front matter key is read: by lecture, by another tool only, by nobody we know; `undefined` without front matter. */
  keys?: FrontMatterKeys | undefined;
}

/** Read one lecture as the build would, up to its slides, and say which dialect it was read as. */
export async function explainDialect(options: ExplainOptions): Promise<Explanation> {
  const { config } = await loadConfig(path.resolve(options.root ?? '.'), options.config);
  const file = new VFile({ path: path.relative(process.cwd(), path.resolve(options.file)), value: await readFile(options.file, 'utf8') });
  const parser = createParser(config);
  await parser.run(parser.parse(file), file);
  return { file, dialect: file.data.dialect ?? 'pandoc', reasons: file.data.dialectReasons ?? [], keys: file.data.frontMatterKeys };
}
