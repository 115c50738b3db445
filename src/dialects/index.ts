/**
 * Lecture dialects: which one a file is written in (detected, or set with
 * `format:`), and the helper that runs a dialect's rules only on the files
 * of that dialect, so Pandoc lectures take exactly the path they always did.
 */
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import { detectDialect, dialects, isDialect, quartoFormatsOf, type Dialect } from './detect.js';
import { formatBase } from './format.js';

export { detectDialect, dialects, isDialect, type Dialect, type Detection } from './detect.js';

/** Options of the dialect plugin. */
export interface DialectOptions {
  /** `format` from the course config; front matter `format` wins over it. @default undefined */
  format?: Dialect | undefined;
}

/** Remark plugin: decide the file's dialect; sets `file.data.dialect` and `file.data.dialectReasons`. */
export function dialect(options: DialectOptions = {}) {
  return (tree: Root, file: VFile): undefined => {
    const meta = file.data.meta ?? { author: [], incremental: false, raw: {}, positions: {} };
    const format = meta.raw.format;
    if (format !== undefined && format !== null && !isDialect(formatBase(format)) && quartoFormatsOf(format).length === 0) {
      const names = dialects.map((name) => `\`${name}\``).join(', ');
      report(file, `Front matter \`format\` must be one of ${names} or Quarto's \`revealjs\`, not ${describeValue(format)}; the dialect is detected instead`, rules.unknownFormat, { position: meta.positions.format });
    }
    const detection = detectDialect({ tree, text: String(file.value), meta, configFormat: options.format, path: file.path });
    file.data.dialect = detection.dialect;
    file.data.dialectReasons = detection.reasons;
  };
}

/** A front matter value as a message shows it: `html`, or what a mapping or list holds. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty mapping' : `a mapping of ${keys.map((key) => `\`${key}\``).join(', ')}`;
  }
  return `\`${String(value)}\``;
}

/** A transform that changes the tree of one dialect's files. */
export type DialectTransform = (this: Processor, tree: Root, file: VFile) => void;

/** Make a remark plugin that runs `transform` only on files of the given dialects. */
export function dialectRule(only: readonly Dialect[], transform: DialectTransform) {
  return function (this: Processor) {
    return (tree: Root, file: VFile): undefined => {
      if (file.data.dialect && only.includes(file.data.dialect)) transform.call(this, tree, file);
    };
  };
}
