/**
 * The command line's conventions: help generated from the declarations, the
 * same words in docs/cli.md (`UPDATE_DOCS=1` rewrites its option tables; read
 * the diff), no colour codes into a pipe or with `NO_COLOR`, colour with
 * `FORCE_COLOR`, and `--version`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ArgsDef } from 'citty';
import { describe, expect, test } from 'vitest';
import { wantsColor } from '../../src/cli/color.js';
import { buildArgs } from '../../src/cli/commands/build.js';
import { checkArgs } from '../../src/cli/commands/check.js';
import { initArgs } from '../../src/cli/commands/init.js';
import { pdfArgs } from '../../src/cli/commands/pdf.js';
import { serveArgs } from '../../src/cli/commands/serve.js';
import { optionRows } from '../../src/cli/usage.js';
import { copyCourse, removeCourse } from '../helpers/course.js';

const bin = path.resolve('lib/cli/bin.js');
const run = promisify(execFile);
const commands: Record<string, ArgsDef> = { init: initArgs, build: buildArgs, check: checkArgs, pdf: pdfArgs, serve: serveArgs };
const escape = /\u001b\[/;

/** Run the compiled command with `env` (over a copy of ours without the colour variables). */
async function lecture(args: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** The markdown table docs/cli.md shows for a command. */
function table(args: ArgsDef): string {
  // A pipe would end the cell, and `<slug>` outside code would read as an HTML tag.
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return ['| Option | Meaning |', '| --- | --- |', ...optionRows(args).map(([label, text]) => `| \`${cell(label)}\` | ${cell(text).replace(/</g, '\\<')} |`)].join('\n');
}

describe('help', () => {
  test('docs/cli.md shows each command\'s options in the words of --help', () => {
    const file = path.resolve('docs/cli.md');
    const text = readFileSync(file, 'utf8');
    const expected = text.replace(/(<!-- options: (\w+) -->\n)[\s\S]*?(<!-- \/options -->)/g, (_, open: string, name: string, close: string) => {
      const args = commands[name];
      if (!args) throw new Error(`docs/cli.md has options for an unknown command \`${name}\``);
      return `${open}${table(args)}\n${close}`;
    });
    for (const name of Object.keys(commands)) expect(text, name).toContain(`<!-- options: ${name} -->`);
    if (process.env.UPDATE_DOCS) writeFileSync(file, expected);
    else expect(text).toBe(expected);
  });

  test('each command\'s --help lists every option with its description, without colour codes into a pipe', async () => {
    for (const [name, args] of Object.entries(commands)) {
      const { code, stdout } = await lecture([name, '--help']);
      expect(code).toBe(0);
      expect(stdout).not.toMatch(escape);
      expect(stdout).toContain(`Usage: lecture ${name} ${name === 'init' ? '[folder]' : '[paths…]'} [options]`);
      for (const [label, description] of optionRows(args)) expect(stdout).toMatch(new RegExp(`^  ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
      expect(stdout.split('\n').filter((line) => line !== line.trimEnd())).toEqual([]);
    }
  });

  test('FORCE_COLOR colours the help even into a pipe; NO_COLOR and FORCE_COLOR=0 do not', async () => {
    expect((await lecture(['check', '--help'], { FORCE_COLOR: '1' })).stdout).toMatch(escape);
    expect((await lecture(['check', '--help'], { FORCE_COLOR: '0' })).stdout).not.toMatch(escape);
    expect((await lecture(['check', '--help'], { NO_COLOR: '1' })).stdout).not.toMatch(escape);
    expect((await lecture(['help', 'serve'])).stdout).not.toMatch(escape);
  });

  test('--version and -v print the version of the package', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) expect(await lecture([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('a wrong value is refused in the words of the help', async () => {
    const format = await lecture(['check', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toBe('lecture: Option `--format` must be one of `human`, `json`, `sarif`, `github`\n');
    expect(optionRows(checkArgs).map(([label]) => label)).toContain('-f, --format <human|json|sarif|github>');
    const handout = await lecture(['pdf', '--handout', '4']);
    expect(handout.stderr).toBe('lecture: Option `--handout` must be 2, 3 or 6, not `4`\n');
    expect(optionRows(pdfArgs).map(([label]) => label)).toContain('--handout <2|3|6>');
    const unknown = await lecture(['build', '--colour']);
    expect(unknown.stderr).toBe('lecture: Unknown option `--colour`; did you mean `--color`?\n');
  });
});

describe('colour in reports', () => {
  test('the report of a build is plain into a pipe and coloured with FORCE_COLOR or --color', async () => {
    const root = copyCourse('course');
    try {
      writeFileSync(path.join(root, 'lectures', 'typo.md'), '## One\n\n![gone](missing.png)\n');
      const plain = await lecture(['build', '--no-fit'], {}, root);
      expect(plain.stderr).toContain('missing-file');
      expect(plain.stderr).not.toMatch(escape);
      expect((await lecture(['build', '--no-fit'], { NO_COLOR: '1' }, root)).stderr).not.toMatch(escape);
      expect((await lecture(['build', '--no-fit'], { FORCE_COLOR: '1' }, root)).stderr).toMatch(escape);
      expect((await lecture(['build', '--no-fit', '--color'], {}, root)).stderr).toMatch(escape);
      expect((await lecture(['build', '--no-fit', '--no-color'], { FORCE_COLOR: '1' }, root)).stderr).not.toMatch(escape);
    } finally {
      removeCourse(root);
    }
  });

  test('wantsColor: the flag, then FORCE_COLOR, then NO_COLOR, then a terminal that is not dumb', () => {
    const terminal = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(wantsColor(terminal, undefined, {})).toBe(true);
    expect(wantsColor(pipe, undefined, {})).toBe(false);
    expect(wantsColor(terminal, undefined, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(terminal, undefined, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor(terminal, undefined, { TERM: 'dumb' })).toBe(false);
    expect(wantsColor(pipe, undefined, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColor(pipe, undefined, { FORCE_COLOR: '' })).toBe(true);
    expect(wantsColor(terminal, undefined, { FORCE_COLOR: '0' })).toBe(false);
    expect(wantsColor(terminal, undefined, { FORCE_COLOR: 'false', NO_COLOR: '' })).toBe(false);
    expect(wantsColor(pipe, undefined, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(wantsColor(pipe, true, { NO_COLOR: '1' })).toBe(true);
    expect(wantsColor(terminal, false, { FORCE_COLOR: '1' })).toBe(false);
  });
});
