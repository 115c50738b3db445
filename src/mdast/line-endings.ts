/**
 * Line endings as Pandoc reads them: a lecture saved on Windows (CRLF, or
 * checked out so by git) or an old Mac (CR) is read as if it had LF. Each
 * step after the parse reads lines (chunk options `#|`, Liquid tags at a
 * line's start, highlighted shell sessions) and was written for `\n`: with
 * CRLF, chunk options were left in the code and slides went missing.
 *
 * The file's own text is replaced before the parse, so every offset the
 * tree holds is an offset into the text the other steps read; lines and
 * columns do not change.
 */
import type { Processor } from 'unified';
import type { VFile } from 'vfile';

/** Remark plugin: read CRLF and CR as LF. Use it after every plugin that wraps the parser, so it runs first. */
export function lineEndings(this: Processor): undefined {
  const parse = this.parser;
  if (!parse) return;
  this.parser = (document: string, file: VFile) => {
    if (!document.includes('\r')) return parse(document, file);
    const text = document.replace(/\r\n?/g, '\n');
    file.value = text;
    return parse(text, file);
  };
}
