/**
 * `lecture init [folder]`: a new course that builds, checks and deploys as
 * it is. Non-interactive: the title, author and language come from flags.
 */
import path from 'node:path';
import type { ArgsDef } from 'citty';
import { parseCommandArgs } from '../args.js';
import { exitCodes, type ExitCode } from '../errors.js';

export const initArgs = {
  folder: { type: 'positional', required: false, description: 'Folder of the new course (default: the current folder)', valueHint: 'folder' },
  title: { type: 'string', description: 'Title of the course page (default: from the folder name)' },
  author: { type: 'string', description: 'Author of the sample lectures (default: "Your Name")' },
  lang: { type: 'string', description: 'Language of the decks: quiz buttons, messages, course page (default: en)' },
  force: { type: 'boolean', description: 'Overwrite files that exist (without it, nothing is written when any would be)' },
  quiet: { type: 'boolean', alias: 'q', description: 'Print nothing on success' },
} satisfies ArgsDef;

export const initMeta = { name: 'init', description: 'Start a course: sample lectures, config, package.json and CI that deploys' };

/** Run `lecture init`. */
export async function runInit(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, initArgs);
  const { initCourse } = await import('../../course/init.js');
  const result = await initCourse({ folder: args._[0], title: args.title, author: args.author, lang: args.lang, force: args.force, version });
  if (!args.quiet) {
    const relative = path.relative(process.cwd(), result.folder) || '.';
    const where = relative.startsWith('..') ? result.folder : relative;
    const enter = where === '.' ? '' : `cd ${where.includes(' ') ? JSON.stringify(where) : where} && `;
    const note = (file: string) => (result.joined.includes(file) ? ' (joined with yours)' : '');
    process.stdout.write(`Created a course in ${where} (${result.files.length} files):\n${result.files.map((file) => `  ${file}${note(file)}\n`).join('')}`);
    if (result.kept.length > 0) process.stdout.write(`Kept yours: ${result.kept.join(', ')}\n`);
    process.stdout.write(`Next: ${enter}npm install && npm run serve\n`);
  }
  return exitCodes.ok;
}
