/**
 * Start the browser an export needs before anything heavy is loaded: the
 * config and the browser finder are small, the build pipeline is not, and
 * Chromium takes a second or more to start, so it starts first and the
 * course builds while it does.
 */
import path from 'node:path';
import { loadConfig } from '../config/load.js';
import { requireLecturesFolder } from '../course/no-lectures.js';
import type { Config, PdfOptions as PdfConfig, UserConfig } from '../config/schema.js';
import { configuredBrowser, findBrowser } from './find-browser.js';
import { BrowserSession } from './session.js';

/** What decides the browser: the course's config, and the `pdf` settings given as options (flags). */
export interface BrowserChoice {
  root?: string | undefined;
  config?: string | undefined;
  overrides?: UserConfig | undefined;
  pdf?: Partial<PdfConfig> | undefined;
  /** Lectures named on the command line (a course without a lectures folder may still build these). */
  paths?: string[] | undefined;
  /** The course's config when it is already loaded (by a build). */
  known?: Config | undefined;
}

/** Find the browser (`--browser`, then the config, then the usual places) and start it launching; throws `BrowserNotFoundError`. */
export async function startBrowser(choice: BrowserChoice): Promise<BrowserSession> {
  const root = path.resolve(choice.root ?? '.');
  const loaded = choice.known ? undefined : await loadConfig(root, choice.config, choice.overrides);
  const config = choice.known ?? loaded!.config;
  // A course that cannot be built starts no browser.
  if (loaded) requireLecturesFolder(loaded.root, config, choice.paths);
  // A path in the config is relative to the course; one given as a flag is already resolved.
  return BrowserSession.start(await findBrowser(choice.pdf?.browser ?? configuredBrowser(config, root)));
}
