/**
 * The report formats of `lecture check`, each a pure function from files to
 * text; the command line picks the stream.
 */
import type { VFile } from 'vfile';
import { formatMessages } from '../../cli/report.js';
import type { Format } from './formats.js';
import { toGithub } from './github.js';
import { toJson } from './json.js';
import { toSarif } from './sarif.js';

export { formats, type Format } from './formats.js';

/** The report of `files` in `format`. */
export function formatReport(files: VFile[], format: Format, options: { color: boolean; quiet?: boolean | undefined; version: string }): string {
  if (format === 'json') return toJson(files);
  if (format === 'sarif') return toSarif(files, options.version);
  if (format === 'github') return toGithub(files);
  const text = formatMessages(files, options);
  return text ? `${text}\n` : '';
}
