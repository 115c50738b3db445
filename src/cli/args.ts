/**
 * Arguments are declared once per command (citty's format); parsing rejects
 * options that are not declared, so a typo is an error instead of silence.
 */
import { parseArgs, type ArgsDef, type ParsedArgs } from 'citty';
import { closest } from '../suggest.js';
import { CliError } from './errors.js';

/**
 * Parse `raw` against `declared`, throwing a usage error for unknown options;
 * the string options named in `optionalValues` may also be given bare
 * (they then read as the empty string).
 */
export function parseCommandArgs<T extends ArgsDef>(raw: string[], declared: T, optionalValues: Readonly<Record<string, readonly string[]>> = {}): ParsedArgs<T> {
  // A bare `--notes` must not swallow the next argument unless it is one of its values.
  raw = raw.map((token, index) => {
    const values = token.startsWith('--') ? optionalValues[token.slice(2)] : undefined;
    return values && !values.includes(raw[index + 1] ?? '') ? `${token}=` : token;
  });
  const known = new Set<string>(['_', 'help', 'h']);
  for (const [name, definition] of Object.entries(declared)) {
    known.add(name);
    known.add(name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()));
    const aliases = 'alias' in definition ? definition.alias : undefined;
    for (const alias of [aliases ?? []].flat()) known.add(alias);
  }
  const parsed = parseOrExplain(raw, declared);
  for (const key of Object.keys(parsed)) {
    if (known.has(key)) continue;
    const guess = closest(key, Object.keys(declared));
    throw new CliError(`Unknown option \`--${key}\`${guess ? `; did you mean \`--${guess}\`?` : ''}`);
  }
  for (const [name, definition] of Object.entries(declared)) {
    const value = (parsed as Record<string, unknown>)[name];
    if (definition.type === 'string' && value === true && !(name in optionalValues)) throw new CliError(`Option \`--${name}\` needs a value`);
    if (definition.type === 'enum' && value !== undefined && !definition.options?.includes(String(value))) {
      throw new CliError(`Option \`--${name}\` must be one of ${definition.options?.map((option) => `\`${option}\``).join(', ')}`);
    }
  }
  return parsed;
}

/** citty's own parse errors (a wrong enum value) as usage errors, without its colours. */
function parseOrExplain<T extends ArgsDef>(raw: string[], declared: T): ParsedArgs<T> {
  try {
    return parseArgs<T>(raw, declared);
  } catch (error) {
    const match = /--([\w-]+)/.exec(String((error as Error).message).replace(/\u001b\[\d+m/g, ''));
    const definition = match ? declared[match[1]!] : undefined;
    if (definition?.type === 'enum') throw new CliError(`Option \`--${match![1]}\` must be one of ${definition.options?.map((option) => `\`${option}\``).join(', ')}`);
    throw new CliError((error as Error).message.replace(/\u001b\[\d+m/g, ''));
  }
}
