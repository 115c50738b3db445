/**
 * Tokenizer for the Pandoc title block: up to three `%` lines at the very top
 * of a file (`% title`, `% author; author`, `% date`). Each line is its own
 * flow construct; the second and third are only recognised right after the
 * line before them.
 */
import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding } from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    titleBlockLine: 'titleBlockLine';
    titleBlockMarker: 'titleBlockMarker';
    titleBlockValue: 'titleBlockValue';
  }
}

const maxLines = 3;

export const titleBlockLine: Construct = {
  name: 'titleBlockLine',
  tokenize: tokenizeTitleBlockLine,
};

/** How many title-block lines directly precede the current position (or -1 if something else does). */
function precedingLines(self: TokenizeContext): number {
  let count = 0;
  let inside = false;
  for (let index = self.events.length - 1; index >= 0; index--) {
    const [kind, token] = self.events[index]!;
    if (inside) {
      if (token.type === 'titleBlockLine' && kind === 'enter') {
        inside = false;
        count++;
      }
    } else if (token.type === 'titleBlockLine' && kind === 'exit') {
      inside = true;
    } else if (token.type !== types.lineEnding && token.type !== types.linePrefix) {
      return -1;
    }
  }
  return count;
}

function tokenizeTitleBlockLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;

  return start;

  function start(code: Code): State | undefined {
    const point = self.now();
    const before = precedingLines(self);
    const allowed = point.line === 1 ? point.column === 1 : before > 0 && before < maxLines && point.line === before + 1;
    if (!allowed || self.interrupt) return nok(code);
    effects.enter('titleBlockLine');
    effects.enter('titleBlockMarker');
    effects.consume(code);
    effects.exit('titleBlockMarker');
    return factorySpace(effects, valueStart, types.whitespace);
  }

  function valueStart(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return end(code);
    effects.enter('titleBlockValue');
    return value(code);
  }

  function value(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit('titleBlockValue');
      return end(code);
    }
    effects.consume(code);
    return value;
  }

  function end(code: Code): State | undefined {
    effects.exit('titleBlockLine');
    return ok(code);
  }
}
