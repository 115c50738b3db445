/**
 * Tokenizer for Pandoc attributes: `{#id .class key=value key="quoted value"}`,
 * `{-}` (unnumbered) and `{=format}` (raw attribute).
 *
 * Shared by the fence line of a fenced div, bracketed spans and the
 * attributes that follow images, links, code and headings.
 */
import { factorySpace } from 'micromark-factory-space';
import { factoryWhitespace } from 'micromark-factory-whitespace';
import {
  asciiAlpha,
  asciiAlphanumeric,
  markdownLineEnding,
  markdownLineEndingOrSpace,
  markdownSpace,
} from 'micromark-util-character';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    pandocAttributes: 'pandocAttributes';
    pandocAttributesMarker: 'pandocAttributesMarker';
    pandocAttributeId: 'pandocAttributeId';
    pandocAttributeClass: 'pandocAttributeClass';
    pandocAttributeName: 'pandocAttributeName';
    pandocAttributeInitializer: 'pandocAttributeInitializer';
    pandocAttributeValue: 'pandocAttributeValue';
    pandocAttributeRaw: 'pandocAttributeRaw';
  }
}

/** Characters that end an identifier, a class or an unquoted value. */
function isDelimiter(code: Code): boolean {
  return (
    code === codes.eof ||
    markdownLineEndingOrSpace(code) ||
    code === codes.leftCurlyBrace ||
    code === codes.rightCurlyBrace ||
    code === codes.numberSign ||
    code === codes.equalsTo ||
    code === codes.quotationMark ||
    code === codes.apostrophe ||
    code === codes.lessThan ||
    code === codes.greaterThan ||
    code === codes.graveAccent
  );
}

/** A character of an attribute key: letters, digits, `-`, `_`, `:`, `.`. */
function isNameCharacter(code: Code): boolean {
  return (
    asciiAlphanumeric(code) ||
    code === codes.dash ||
    code === codes.underscore ||
    code === codes.colon ||
    code === codes.dot
  );
}

/**
 * Create the state machine for one `{…}`; starts at `{`.
 *
 * @param disallowEol whether the attributes must stay on one line (fence lines).
 */
export function factoryAttributes(effects: Effects, ok: State, nok: State, disallowEol: boolean): State {
  let quote: Code = codes.eof;

  return start;

  function start(code: Code): State | undefined {
    effects.enter('pandocAttributes');
    effects.enter('pandocAttributesMarker');
    effects.consume(code);
    effects.exit('pandocAttributesMarker');
    return between;
  }

  function between(code: Code): State | undefined {
    if (code === codes.rightCurlyBrace) return end(code);
    if (code === codes.numberSign) return shortcutStart('pandocAttributeId', code);
    if (code === codes.dot) return shortcutStart('pandocAttributeClass', code);
    if (code === codes.equalsTo) return shortcutStart('pandocAttributeRaw', code);
    if (code === codes.dash) {
      effects.enter('pandocAttributeClass');
      effects.consume(code);
      return unnumbered;
    }
    if (markdownSpace(code)) return factorySpace(effects, between, types.whitespace)(code);
    if (markdownLineEnding(code)) return disallowEol ? nok(code) : factoryWhitespace(effects, between)(code);
    if (asciiAlpha(code) || code === codes.underscore) {
      effects.enter('pandocAttributeName');
      effects.consume(code);
      return name;
    }
    return nok(code);
  }

  function unnumbered(code: Code): State | undefined {
    if (code !== codes.rightCurlyBrace && !markdownLineEndingOrSpace(code)) return nok(code);
    effects.exit('pandocAttributeClass');
    return between(code);
  }

  function shortcutStart(type: 'pandocAttributeId' | 'pandocAttributeClass' | 'pandocAttributeRaw', code: Code) {
    effects.enter(type);
    effects.consume(code);
    return function shortcutFirst(code: Code): State | undefined {
      if (isDelimiter(code) || code === codes.dot) return nok(code);
      effects.consume(code);
      return shortcut;
    };

    function shortcut(code: Code): State | undefined {
      // A class ends at the next `.`, so `.a.b` is two classes; ids keep dots.
      if (isDelimiter(code) || (code === codes.dot && type !== 'pandocAttributeId')) {
        effects.exit(type);
        return between(code);
      }
      effects.consume(code);
      return shortcut;
    }
  }

  function name(code: Code): State | undefined {
    if (isNameCharacter(code)) {
      effects.consume(code);
      return name;
    }
    if (code !== codes.equalsTo) return nok(code);
    effects.exit('pandocAttributeName');
    effects.enter('pandocAttributeInitializer');
    effects.consume(code);
    effects.exit('pandocAttributeInitializer');
    return valueStart;
  }

  function valueStart(code: Code): State | undefined {
    if (code === codes.quotationMark || code === codes.apostrophe) {
      quote = code;
      effects.enter('pandocAttributeValue');
      effects.consume(code);
      return quoted;
    }
    if (isDelimiter(code)) return nok(code);
    effects.enter('pandocAttributeValue');
    effects.consume(code);
    return unquoted;
  }

  function quoted(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code);
    effects.consume(code);
    if (code === quote) {
      effects.exit('pandocAttributeValue');
      return afterQuoted;
    }
    return code === codes.backslash ? quotedEscape : quoted;
  }

  function quotedEscape(code: Code): State | undefined {
    if (code === codes.eof || markdownLineEnding(code)) return nok(code);
    effects.consume(code);
    return quoted;
  }

  function afterQuoted(code: Code): State | undefined {
    return code === codes.rightCurlyBrace || markdownLineEndingOrSpace(code) ? between(code) : nok(code);
  }

  function unquoted(code: Code): State | undefined {
    if (code === codes.rightCurlyBrace || markdownLineEndingOrSpace(code) || code === codes.eof) {
      effects.exit('pandocAttributeValue');
      return between(code);
    }
    if (isDelimiter(code)) return nok(code);
    effects.consume(code);
    return unquoted;
  }

  function end(code: Code): State | undefined {
    effects.enter('pandocAttributesMarker');
    effects.consume(code);
    effects.exit('pandocAttributesMarker');
    effects.exit('pandocAttributes');
    return ok;
  }
}

/** `{…}` as a partial construct, for `effects.attempt` from other constructs. */
export function attributesConstruct(disallowEol: boolean): Construct {
  return {
    partial: true,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      return factoryAttributes(effects, ok, nok, disallowEol);
    },
  };
}
