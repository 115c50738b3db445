/**
 * `lecture check [paths…]`: report every real defect of a course (the same
 * trees as the build), in the format CI wants; exit 1 on errors.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArgsDef } from 'citty';
import type { CheckOptions } from '../../check/check.js';
import { formats, type Format } from '../../check/report/formats.js';
import type { UserConfig } from '../../config/schema.js';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { exitCodes, type ExitCode } from '../errors.js';
import { silenceConsole } from '../../quiet.js';

export const checkArgs = {
  paths: { type: 'positional', required: false, description: 'Lecture files or folders to check (default: every lecture)', valueHint: 'paths…' },
  config: { type: 'string', alias: 'c', description: 'Config file (default: lecture.config.json, .yaml or .yml at the course root)', valueHint: 'file' },
  root: { type: 'string', description: 'Course folder, which holds lectures/ and the config (default: the current folder)', valueHint: 'folder' },
  format: { type: 'enum', alias: 'f', options: [...formats], description: 'Report format: human, json, sarif (code scanning) or github (workflow annotations)', default: 'human' },
  output: { type: 'string', description: 'Write the report to this file instead of the terminal', valueHint: 'file' },
  offline: { type: 'boolean', description: 'Do not check remote links (config: check.offline)' },
  'remote-anchors': { type: 'boolean', description: 'Also check #anchors in remote pages (config: check.remoteAnchors)' },
  exclude: { type: 'string', valueHint: 'patterns', description: 'URLs not to check, comma-separated; `*` matches anything, no `*` means a prefix (config: check.exclude)' },
  cache: { type: 'boolean', description: 'Reuse remote results younger than check.cacheAge and unchanged lectures (--no-cache asks and parses again)' },
  layout: { type: 'boolean', description: 'Also measure every slide in a headless browser and report the ones that do not fit (config: check.layout)' },
  browser: { type: 'string', description: 'Chrome, Chromium or Edge executable for --layout (default: config pdf.browser, CHROME_PATH, a headless shell, then the usual install locations; see docs/install.md)', valueHint: 'path' },
  quiet: { type: 'boolean', alias: 'q', description: 'Print errors only' },
  color: { type: 'boolean', description: 'Colour the report (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it; --no-color never)' },
} satisfies ArgsDef;

export const checkMeta = { name: 'check', description: 'Report broken links and images, placeholders, quiz and structure problems' };

/** The check settings the flags ask for; unset flags leave the config alone. */
function checkOverrides(args: {
  offline?: boolean | undefined;
  'remote-anchors'?: boolean | undefined;
  exclude?: string | string[] | undefined;
  layout?: boolean | undefined;
  browser?: string | undefined;
}): UserConfig {
  const exclude = [args.exclude ?? []].flat().flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const check: NonNullable<UserConfig['check']> = {};
  if (args.offline !== undefined) check.offline = args.offline;
  if (args['remote-anchors'] !== undefined) check.remoteAnchors = args['remote-anchors'];
  if (exclude.length > 0) check.exclude = exclude;
  if (args.layout !== undefined) check.layout = args.layout;
  return { check, ...(args.browser ? { pdf: { browser: path.resolve(args.browser) } } : {}) };
}

/** Run `lecture check`. */
export async function runCheck(raw: string[], version: string): Promise<ExitCode> {
  const args = parseCommandArgs(raw, checkArgs);
  if (args.quiet) silenceConsole();
  const { check } = await import('../../check/check.js');
  const options: CheckOptions = {
    root: args.root,
    config: args.config,
    paths: args._,
    overrides: checkOverrides(args),
    cache: args.cache,
    userAgent: `lecture-check/${version} (+https://www.npmjs.com/package/lecture-cli)`,
  };
  const result = await check(options);
  // The formatters load only now: nothing of them is needed before the first request goes out.
  const { formatReport } = await import('../../check/report/index.js');
  const format = (args.format ?? 'human') as Format;
  const stream = format === 'human' ? process.stderr : process.stdout;
  const files = args.quiet ? result.files.map((file) => Object.assign(file, { messages: file.messages.filter((message) => message.fatal === true) })) : result.files;
  const text = formatReport(files, format, { color: args.output ? false : wantsColor(stream, args.color), version });
  if (args.output) await writeFile(args.output, text);
  else stream.write(text);
  if (format === 'human' && !args.quiet && !args.output && text === '') process.stderr.write(`No problems in ${result.files.length} lecture${result.files.length === 1 ? '' : 's'}\n`);
  return result.failed ? exitCodes.failed : exitCodes.ok;
}
