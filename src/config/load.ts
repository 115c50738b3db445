/**
 * Find, read and validate the course configuration. Precedence: command-line
 * flags > config file > defaults; paths in the file are relative to it.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { commonJs } from '../interop.js';
import { resolveConfig, type Config, type UserConfig } from './schema.js';

/** File names we look for at the course root, in this order. */
export const configNames = ['lecture.config.json', 'lecture.config.yaml', 'lecture.config.yml'];

/** A configuration problem: the command stops with exit code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A loaded configuration and where it came from. */
export interface LoadedConfig {
  config: Config;
  /** The course root: the config file's folder, or the working folder. */
  root: string;
  /** The config file, if there is one. */
  file?: string | undefined;
}

/** Load the configuration of the course at `root` (or from `file` when given). */
export async function loadConfig(root: string, file?: string, overrides: UserConfig = {}): Promise<LoadedConfig> {
  if (!file && !isFolder(root)) throw new ConfigError(`No course folder at \`${shown(root)}\`; check \`--root\` (nothing was built)`);
  const found = file ? path.resolve(root, file) : configNames.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (!found) return { config: resolveConfig(overrides), root };
  const text = await readFile(found, 'utf8').catch(() => {
    throw new ConfigError(`Cannot read config file \`${path.relative(process.cwd(), found) || found}\``);
  });
  const label = path.basename(found);
  const value = await parse(text, found, label);
  const { validateConfig } = await import('./validate.js');
  const result = validateConfig(value ?? {});
  if (result.problems.length > 0) {
    const { placeProblems } = await import('./locate.js');
    throw new ConfigError((await placeProblems(result.problems, text, label)).join('\n'));
  }
  const user = result.config ?? {};
  return {
    config: resolveConfig({
      ...user,
      ...overrides,
      reveal: { ...user.reveal, ...overrides.reveal },
      assets: { ...user.assets, ...overrides.assets },
      classroom: { ...user.classroom, ...overrides.classroom },
      quiz: { ...user.quiz, ...overrides.quiz },
      pdf: { ...user.pdf, ...overrides.pdf },
      fit: { ...user.fit, ...overrides.fit },
      check: { ...user.check, ...overrides.check },
      publish: { ...user.publish, ...overrides.publish },
      output: { ...user.output, ...overrides.output },
      rules: { ...user.rules, ...overrides.rules },
    }),
    root: path.dirname(found),
    file: found,
  };
}

/**
 * The course's lectures folder, which must exist: a typo in `lectures` or
 * `--root` is an error that creates nothing, not a build of no decks. Without
 * it, only lectures named on the command line can be built (`paths`).
 */
export function lecturesFolder(root: string, config: Config, paths: readonly string[] = []): string {
  const folder = path.resolve(root, config.lectures);
  if (paths.length === 0 && !isFolder(folder)) {
    const hint = config.lectures === 'lectures' ? '`lecture init` starts a course here, `--root` names one elsewhere' : 'check the `lectures` setting';
    throw new ConfigError(`No lectures folder at \`${shown(folder)}\` (config \`lectures\`: \`${config.lectures}\`); nothing was built: ${hint}`);
  }
  return folder;
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** A path as the user would type it: relative to where the command runs, unless that climbs out. */
function shown(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}

async function parse(text: string, file: string, label: string): Promise<unknown> {
  try {
    if (file.endsWith('.json')) return JSON.parse(text);
    const { parse: parseYaml } = commonJs(await import('yaml'));
    return parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${label}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${reason}`);
  }
}
