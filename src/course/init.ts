/**
 * `lecture init`: a new course that builds, checks and deploys as it is —
 * two sample lectures showing the syntax that matters, a commented config,
 * a `.gitignore`, a `package.json` with the tool as a dev dependency and its
 * scripts, a GitHub Actions workflow that publishes to GitHub Pages and a
 * GitLab CI file that publishes to GitLab Pages. The files come from
 * `templates/init/` in this package; nothing is overwritten unless asked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../assets/package-root.js';
import { writeAtomically } from '../assets/write.js';
import { ConfigError } from '../config/load.js';
import { slugify } from '../mdast/slug.js';
import { merges } from './init-merge.js';

/** What `initCourse` makes. */
export interface InitOptions {
  /** The course folder, made when missing. @default "." */
  folder?: string | undefined;
  /** The course page's title. @default the folder's name */
  title?: string | undefined;
  /** The sample lectures' author. @default "Your Name" */
  author?: string | undefined;
  /** The decks' language (quiz buttons, course page). @default "en" */
  lang?: string | undefined;
  /** Overwrite files that exist. @default false */
  force?: boolean | undefined;
  /** The version of lecture the course depends on (`^version`). */
  version: string;
}

/** What `initCourse` wrote. */
export interface InitResult {
  /** The course folder, absolute. */
  folder: string;
  /** The files written, relative to it (new ones and those joined with the user's). */
  files: string[];
  /** The user's files that were joined with ours: `package.json` gained scripts, `.gitignore` lines. */
  joined: string[];
  /** The user's files kept as they were (their `README.md`, a manifest that lacked nothing). */
  kept: string[];
}

/** The npm package the course depends on (the command stays `lecture`). */
export const packageName = 'lecture-cli';

/** Template names that npm would not publish as they are: `gitignore` is `.gitignore`. */
const renamed: Record<string, string> = { gitignore: '.gitignore', 'gitlab-ci.yml': '.gitlab-ci.yml', github: '.github' };

/** Write a new course into `options.folder`; throws `ConfigError` (writing nothing) when it would overwrite a file. */
export async function initCourse(options: InitOptions): Promise<InitResult> {
  const folder = path.resolve(options.folder ?? '.');
  const lang = options.lang ?? 'en';
  if (!/^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(lang)) throw new ConfigError(`\`--lang\` must be a language tag such as \`en\`, \`fr\` or \`pt-BR\`, not \`${lang}\``);
  const title = options.title?.trim() || titleFrom(path.basename(folder));
  const values: Record<string, string> = {
    '%TITLE%': JSON.stringify(title),
    '%TITLE_TEXT%': title,
    '%AUTHOR%': JSON.stringify(options.author?.trim() || 'Your Name'),
    '%LANG%': lang,
    '%DATE%': new Date().toISOString().slice(0, 10),
  };
  const templates = path.join(packageRoot(), 'templates', 'init');
  const files = new Map<string, string | Buffer>();
  for (const file of listFiles(templates)) {
    const target = file.split('/').map((part) => renamed[part] ?? part).join('/');
    const bytes = await readFile(path.join(templates, file));
    files.set(target, /\.(md|ya?ml|svg)$|gitignore$/.test(file) ? fill(bytes.toString('utf8'), values) : bytes);
  }
  files.set('package.json', packageJson(folder, title, options.version));
  const { joined, kept } = options.force ? { joined: [], kept: [] } : await joinExisting(folder, files);
  const existing = [...files.keys()].filter((file) => !joined.includes(file) && existsSync(path.join(folder, file))).sort();
  if (existing.length > 0 && !options.force) {
    const listed = existing.map((file) => `\`${file}\``).join(', ');
    throw new ConfigError(`\`lecture init\` would overwrite ${listed} in \`${path.relative(process.cwd(), folder) || '.'}\`; nothing was written. Add \`--force\` to overwrite them`);
  }
  for (const [file, content] of files) await writeAtomically(path.join(folder, file), content);
  return { folder, files: [...files.keys()].sort(), joined, kept };
}

/**
 * Join the user's files that every project has with ours (`merges`), in
 * `files`: a joined file gets its new content, a kept one leaves `files`.
 * A manifest that is not JSON is left to be refused like any other file.
 */
async function joinExisting(folder: string, files: Map<string, string | Buffer>): Promise<{ joined: string[]; kept: string[] }> {
  const joined: string[] = [];
  const kept: string[] = [];
  for (const [file, merge] of Object.entries(merges)) {
    const target = path.join(folder, file);
    const ours = files.get(file);
    if (ours === undefined || !existsSync(target)) continue;
    let merged: string | undefined;
    try {
      merged = merge(await readFile(target, 'utf8'), ours.toString());
    } catch {
      continue;
    }
    if (merged === undefined) {
      files.delete(file);
      kept.push(file);
    } else {
      files.set(file, merged);
      joined.push(file);
    }
  }
  return { joined, kept };
}

/** Every file under `root`, relative, with `/`. */
function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, relative) : [relative];
  });
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/%[A-Z_]+%/g, (token) => values[token] ?? token);
}

/** "intro-to-networks" → "Intro to networks". */
function titleFrom(name: string): string {
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Lectures';
}

function packageJson(folder: string, title: string, version: string): string {
  const range = /^\d+\.\d+\.\d+/.test(version) ? `^${version}` : 'latest';
  const manifest = {
    name: slugify(path.basename(folder)).replace(/^[._]+/, '') || 'course',
    private: true,
    description: title,
    scripts: { build: 'lecture build', serve: 'lecture serve --open', pdf: 'lecture pdf', check: 'lecture check' },
    devDependencies: { [packageName]: range },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
