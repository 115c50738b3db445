/**
 * Raw HTML blocks read the way Pandoc reads them (`markdown_in_html_blocks`),
 * tried before CommonMark's own HTML block:
 *
 * - a line holding only `<div …>`, `<section …>`, `<aside …>` tags or their
 *   closing tags is a fence, one `htmlFence` token per tag: the markdown
 *   between an opening and a closing tag is parsed as markdown, and the
 *   pair becomes a div (`transforms/fenced-divs.ts`);
 * - any other HTML block that CommonMark ends at a blank line (its kinds 6
 *   and 7: block tags, and complete tags alone on a line) also ends before
 *   a `:::` fence line or such a tag line, so a raw HTML line directly above
 *   `::: notes` never swallows the fence.
 *
 * Raw-text blocks (`<script>`, `<pre>`, `<style>`, `<textarea>`), comments
 * and declarations are left to CommonMark's construct.
 */
import { markdownLineEnding } from 'micromark-util-character';
import { htmlBlockNames, htmlRawNames } from 'micromark-util-html-tag-name';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    htmlFence: 'htmlFence';
  }
}

/** Tags whose content is markdown when their tags stand on lines of their own. */
export const containerTags = ['div', 'section', 'aside'];

const attribute = String.raw`\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\s*=\s*(?:[^"'=<>\x60\s]+|'[^']*'|"[^"]*"))?`;
const containerTag = new RegExp(String.raw`<(?:${containerTags.join('|')})(?:${attribute})*\s*>|</(?:${containerTags.join('|')})\s*>`, 'gi');
const containerLine = new RegExp(String.raw`^(?:\s*(?:${containerTag.source}))+\s*$`, 'i');
const blockStart = new RegExp(String.raw`^</?(?:${htmlBlockNames.join('|')})(?:[\s/>]|$)`, 'i');
const rawStart = new RegExp(String.raw`^<(?:${htmlRawNames.join('|')})(?:[\s>]|$)`, 'i');
const completeTag = new RegExp(String.raw`^(?:<[a-zA-Z][a-zA-Z0-9-]*(?:${attribute})*\s*/?>|</[a-zA-Z][a-zA-Z0-9-]*\s*>)\s*$`);
const fenceLine = /^\s{0,3}:{3,}/;

type LineKind = 'fences' | 'html' | undefined;

/** What a line starting with `<` is for us: a line of container tags, an HTML block we end ourselves, or neither. */
function classify(line: string, interrupt: boolean): LineKind {
  if (containerLine.test(line)) return 'fences';
  if (rawStart.test(line)) return undefined;
  if (blockStart.test(line)) return 'html';
  const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(line)?.[1]?.toLowerCase();
  return !interrupt && name !== undefined && !htmlRawNames.includes(name) && completeTag.test(line) ? 'html' : undefined;
}

/** Whether an HTML block ends before `line`: a blank line, a `:::` fence, a line of container tags. */
function endsBlock(line: string): boolean {
  return line.trim() === '' || fenceLine.test(line) || (/^\s*</.test(line) && containerLine.test(line));
}

/** The text of a code, for reading a line ahead. */
function character(code: Code): string {
  if (code === codes.horizontalTab) return '\t';
  if (code === codes.virtualSpace) return ' ';
  return code === null || code < 0 ? '' : String.fromCharCode(code);
}

/** A lookahead that reads the rest of the line and hands it to `decide`. */
function readLine(decide: (line: string, self: TokenizeContext) => boolean): Construct {
  return {
    partial: true,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const self = this;
      let line = '';
      return function read(code: Code): State | undefined {
        if (code === codes.eof || markdownLineEnding(code)) return decide(line, self) ? ok(code) : nok(code);
        line += character(code);
        effects.enter(types.htmlFlowData);
        effects.consume(code);
        effects.exit(types.htmlFlowData);
        return read;
      };
    },
  };
}

/** Lookahead at a line ending: the next line continues the HTML block. */
const continuation: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const self = this;
    const rest = readLine((line) => !endsBlock(line));
    return (code: Code) => {
      effects.enter(types.lineEnding);
      effects.consume(code);
      effects.exit(types.lineEnding);
      return (next: Code) => (self.parser.lazy[self.now().line] ? nok(next) : effects.attempt(rest, ok, nok)(next));
    };
  },
};

export const htmlBlock: Construct = {
  name: 'pandocHtmlBlock',
  tokenize: tokenizeHtmlBlock,
  concrete: true,
};

function tokenizeHtmlBlock(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let kind: LineKind;
  let spans: Array<[number, number]> = [];
  let index = 0;
  const classifier = readLine((line, self) => {
    kind = classify(line, self.interrupt === true);
    spans = kind === 'fences' ? [...line.matchAll(containerTag)].map((match) => [match.index, match.index + match[0].length]) : [];
    return kind !== undefined;
  });

  return (code: Code) => effects.check(classifier, decided, nok)(code);

  function decided(code: Code): State | undefined {
    if (kind === 'fences') return fences(code);
    effects.enter(types.htmlFlow);
    return htmlLineStart(code);
  }

  /** A line of container tags: one `htmlFence` per tag, whitespace between. */
  function fences(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return ok(code);
    const span = spans.find(([start, end]) => index >= start && index < end);
    if (span && index === span[0]) effects.enter('htmlFence');
    if (!span) effects.enter(types.whitespace);
    effects.consume(code);
    index++;
    if (!span) effects.exit(types.whitespace);
    else if (index === span[1]) effects.exit('htmlFence');
    return fences;
  }

  function htmlLineStart(code: Code): State | undefined {
    effects.enter(types.htmlFlowData);
    return htmlLine(code);
  }

  function htmlLine(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) {
      effects.exit(types.htmlFlowData);
      return code === codes.eof ? done(code) : effects.check(continuation, htmlBreak, done)(code);
    }
    effects.consume(code);
    return htmlLine;
  }

  function htmlBreak(code: Code): State | undefined {
    effects.enter(types.lineEnding);
    effects.consume(code);
    effects.exit(types.lineEnding);
    return htmlLineStart;
  }

  function done(code: Code): State | undefined {
    effects.exit(types.htmlFlow);
    return ok(code);
  }
}
