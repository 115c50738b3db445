/**
 * Find, read and validate the course configuration. Precedence: command-line
 * flags > config file > defaults; paths in the file are relative to it.
 */
import { existsSync } from 'node:fs';
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
      rules: { ...user.rules, ...overrides.rules },
    }),
    root: path.dirname(found),
    file: found,
  };
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
