/**
 * A command's help, generated from its argument declarations: the same
 * labels and descriptions `docs/cli.md` shows (its tables are checked against
 * `optionRows`). Plain text unless colour is asked for, so a pipe or
 * `NO_COLOR` gets no escape codes.
 */
import type { ArgDef, ArgsDef } from 'citty';

/** How an argument is written: `paths…`, `-c, --config <file>`, `--format <human|json>`, `--fit`. */
export function optionLabel(name: string, definition: ArgDef): string {
  if (definition.type === 'positional') return definition.valueHint ?? name;
  const aliases = [('alias' in definition ? definition.alias : undefined) ?? []].flat().map((alias) => `-${alias}, `);
  const value =
    definition.type === 'enum' ? ` <${definition.options?.join('|')}>`
    : definition.type === 'string' ? ` <${definition.valueHint ?? name}>`
    : '';
  return `${aliases.join('')}--${name}${value}`;
}

/** The rows of a command's arguments: its label and description, positionals first. */
export function optionRows(args: ArgsDef): Array<[label: string, description: string]> {
  const entries = Object.entries(args);
  const ordered = [...entries.filter(([, definition]) => definition.type === 'positional'), ...entries.filter(([, definition]) => definition.type !== 'positional')];
  return ordered.map(([name, definition]) => [optionLabel(name, definition), definition.description ?? '']);
}

/** The help text of `lecture <name>`, coloured only when `color` is set. */
export function renderHelp(name: string, description: string, args: ArgsDef, color: boolean): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const rows = optionRows(args);
  const positional = Object.entries(args).filter(([, definition]) => definition.type === 'positional').map(([key, definition]) => `[${optionLabel(key, definition)}]`);
  const width = Math.max(...rows.map(([label]) => label.length), 10) + 2;
  const line = ([label, text]: [string, string]) => `  ${paint(36, label)}${' '.repeat(width - label.length)}${text}`;
  const [arguments_, options] = [rows.slice(0, positional.length), rows.slice(positional.length)];
  const lines = [`${paint(1, 'Usage:')} lecture ${name} ${[...positional, '[options]'].join(' ')}`, '', description, ''];
  if (arguments_.length > 0) lines.push(paint(1, 'Arguments:'), ...arguments_.map(line), '');
  lines.push(paint(1, 'Options:'), ...options.map(line), line(['-h, --help', 'Show this help']), '');
  return lines.join('\n');
}
