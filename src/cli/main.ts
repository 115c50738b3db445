/**
 * The command table: each command's module is imported only when it runs, so
 * `lecture --help` and `lecture build` load only what they need.
 */
import type { ArgsDef } from 'citty';
import { wantsColor } from './color.js';
import { CliError, exitCodes, type ExitCode } from './errors.js';
import { renderHelp } from './usage.js';

interface CommandModule {
  meta: { name: string; description: string };
  args: ArgsDef;
  run: (raw: string[], version: string) => Promise<ExitCode>;
}

const commands: Record<string, () => Promise<CommandModule>> = {
  init: async () => {
    const module = await import('./commands/init.js');
    return { meta: module.initMeta, args: module.initArgs, run: module.runInit };
  },
  build: async () => {
    const module = await import('./commands/build.js');
    return { meta: module.buildMeta, args: module.buildArgs, run: module.runBuild };
  },
  check: async () => {
    const module = await import('./commands/check.js');
    return { meta: module.checkMeta, args: module.checkArgs, run: module.runCheck };
  },
  pdf: async () => {
    const module = await import('./commands/pdf.js');
    return { meta: module.pdfMeta, args: module.pdfArgs, run: module.runPdf };
  },
  serve: async () => {
    const module = await import('./commands/serve.js');
    return { meta: module.serveMeta, args: module.serveArgs, run: module.runServe };
  },
};

/** Run the command line `argv` (without `node` and the script); returns the exit code. */
export async function main(argv: string[], version: string): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    process.stdout.write(topic ? await commandHelp(topic) : await overview(version));
    return exitCodes.ok;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`);
    return exitCodes.ok;
  }
  const load = commands[name];
  if (!load) throw new CliError(`Unknown command \`${name}\`; run \`lecture --help\` for the list`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(await commandHelp(name));
    return exitCodes.ok;
  }
  const command = await load();
  return command.run(rest, version);
}

async function overview(version: string): Promise<string> {
  const lines = [`lecture ${version}: markdown lectures to reveal.js decks, PDFs and a checked course site`, '', 'Usage: lecture <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commands)) lines.push(`  ${name.padEnd(10)} ${(await load()).meta.description}`);
  lines.push('', 'Run `lecture <command> --help` for the options of a command, `lecture --version` for the version.', '');
  return lines.join('\n');
}

/** `lecture <name> --help`, coloured only where colour is wanted (never into a pipe, or with `NO_COLOR`). */
async function commandHelp(name: string): Promise<string> {
  const load = commands[name];
  if (!load) throw new CliError(`Unknown command \`${name}\`; run \`lecture --help\` for the list`);
  const command = await load();
  return renderHelp(name, command.meta.description, command.args, wantsColor(process.stdout));
}
