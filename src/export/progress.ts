/**
 * Progress of an export: a bar redrawn in place on a terminal, plain lines
 * (one per PDF written) in CI logs. Written to stderr, so stdout stays for
 * results.
 */
import path from 'node:path';
import type { WrittenPdf } from './export-deck.js';

export interface Progress {
  written: (deck: string, pdf: WrittenPdf) => void;
  deckDone: () => void;
  finish: () => void;
}

/** Progress on `stream` for `total` decks. */
export function createProgress(stream: NodeJS.WriteStream, total: number, options: { quiet?: boolean | undefined } = {}): Progress {
  let done = 0;
  let pages = 0;
  const tty = Boolean(stream.isTTY);
  const draw = (label: string) => {
    const width = 24;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    stream.write(`\r\x1b[2KPDF [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] deck ${done}/${total}, ${pages} pages  ${label}`);
  };
  return {
    written: (deck, pdf) => {
      pages += pdf.pages;
      if (options.quiet) return;
      if (tty) draw(deck);
      else stream.write(`PDF ${path.relative(process.cwd(), pdf.file)}: ${pdf.pages} page${pdf.pages === 1 ? '' : 's'}, ${Math.round(pdf.bytes / 1024)} kB\n`);
    },
    deckDone: () => {
      done++;
      if (tty && !options.quiet) draw('');
    },
    finish: () => {
      if (tty && !options.quiet) stream.write('\r\x1b[2K');
    },
  };
}
