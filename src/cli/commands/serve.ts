/**
 * `lecture serve [paths…]`: build the course into a folder of its own, serve
 * it, rebuild what each save changes and update the open decks in place,
 * until Ctrl-C (SIGINT) or SIGTERM, which close everything and exit 130 or 143.
 */
import path from 'node:path';
import type { ArgsDef } from 'citty';
import type { BuildEvent, ServeHandle } from '../../serve/serve.js';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import { CliError, type ExitCode } from '../errors.js';
import { formatMessages } from '../report.js';
import { takeSignals } from '../signals.js';

export const serveArgs = {
  paths: { type: 'positional', required: false, description: 'Lecture files or folders to serve (default: every lecture)', valueHint: 'paths…' },
  config: { type: 'string', alias: 'c', description: 'Config file (default: lecture.config.json, .yaml or .yml at the course root)', valueHint: 'file' },
  root: { type: 'string', description: 'Course folder, which holds lectures/ and the config (default: the current folder)', valueHint: 'folder' },
  port: { type: 'string', alias: 'p', valueHint: 'n', description: 'Port to try first; a taken one moves to the next free port (default: 4040)' },
  host: { type: 'string', valueHint: 'address', description: 'Interface to listen on: 127.0.0.1 (this machine only, the default), 0.0.0.0 (every device on the network) or an address' },
  open: { type: 'boolean', description: 'Open the course page (or the one lecture given) in the default browser' },
  fit: { type: 'boolean', description: 'Fit slides in a headless browser and mark those that still overflow (--no-fit skips)' },
  classroom: { type: 'boolean', description: 'Classroom mode: students join on their devices, follow your slides and answer the quizzes live (listens on the network)' },
  'new-session': { type: 'boolean', description: 'With --classroom: start a new session instead of resuming the one of the last 12 hours' },
  cache: { type: 'boolean', description: 'Reuse unchanged lectures from .lecture-cache/ (--no-cache rebuilds all at start)' },
  quiet: { type: 'boolean', alias: 'q', description: 'Print errors only' },
  color: { type: 'boolean', description: 'Colour the report (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it; --no-color never)' },
} satisfies ArgsDef;

export const serveMeta = { name: 'serve', description: 'Serve the course with live reload while you write; present from it' };

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError(`Option \`--port\` must be a port number (0–65535), not \`${value}\``);
  return port;
}

/** Run `lecture serve`; returns when a signal stops it. */
export async function runServe(raw: string[]): Promise<ExitCode> {
  const args = parseCommandArgs(raw, serveArgs);
  const color = wantsColor(process.stderr, args.color);
  const port = parsePort(args.port) ?? 4040;
  const stopped = takeSignals();
  const { serve } = await import('../../serve/serve.js');
  const handle = await serve({
    root: args.root,
    config: args.config,
    paths: args._,
    host: args.host,
    port,
    fit: args.fit,
    cache: args.cache,
    classroom: args.classroom ? { fresh: args['new-session'] } : false,
    onBuild: (event) => printBuild(event, { color, quiet: Boolean(args.quiet) }),
  });
  try {
    if (!args.quiet) printUrls(handle, port, args.host);
    if (handle.classroom) printClassroom(handle);
    if (args.open) await openPage(handle, args._);
    return await stopped.signal;
  } finally {
    stopped.release();
    await handle.close();
  }
}

function printUrls(handle: ServeHandle, asked: number, host: string | undefined): void {
  if (asked !== 0 && handle.port !== asked) process.stdout.write(`Port ${asked} is taken; using ${handle.port}.\n`);
  const count = handle.decks().length;
  process.stdout.write(`Serving ${count} deck${count === 1 ? '' : 's'} at ${handle.url}  (Ctrl-C to stop)\n`);
  for (const url of handle.network) process.stdout.write(`  on your network: ${url}\n`);
  if (host && handle.network.length === 0 && host !== '127.0.0.1' && host !== 'localhost') process.stdout.write('  no network address found: other devices cannot connect\n');
}

function printClassroom(handle: ServeHandle): void {
  const info = handle.classroom!;
  const lines = [
    '',
    `Classroom ${info.resumed ? '(resumed)' : 'session'}: join code ${info.code}`,
    `  students open: ${info.joinUrl}   (or ${info.joinUrl.replace(/\/[^/]*$/, '')} and type the code; press Q in your deck for a QR code)`,
    `  presenter (keep this link to yourself): ${info.presenterUrl}`,
    `  results are written to ${path.relative(process.cwd(), info.results) || '.'}/`,
    '',
  ];
  if (handle.network.length === 0) lines.splice(2, 0, '  no network address found: only this machine can join');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printBuild(event: BuildEvent, options: { color: boolean; quiet: boolean }): void {
  if (event.error) {
    process.stderr.write(`lecture: ${event.error.message}\n`);
    return;
  }
  const report = formatMessages(event.files, options);
  if (report) process.stderr.write(`${report}\n`);
  if (!options.quiet && event.decks.length > 0) {
    const time = new Date().toTimeString().slice(0, 8);
    process.stdout.write(`${time} built ${event.decks.join(', ')} in ${Math.round(event.milliseconds)} ms\n`);
  }
}

/** Open the course page, or the deck of the one lecture given. */
async function openPage(handle: ServeHandle, paths: string[]): Promise<void> {
  let url = handle.url;
  if (paths.length === 1) {
    const { toFolderName } = await import('../../course/discover.js');
    const name = path.basename(paths[0]!).replace(/\.(md|qmd)$/i, '');
    const slug = handle.decks().find((deck) => deck === toFolderName(name) || deck.endsWith(`-${toFolderName(name)}`));
    if (slug) url = `${handle.url}${slug}/`;
  }
  const { default: open } = await import('open');
  await open(url).catch(() => process.stderr.write(`lecture: could not open a browser; open ${url}\n`));
}
