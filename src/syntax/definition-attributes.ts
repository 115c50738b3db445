/**
 * Tokenizer for a reference definition followed by Pandoc attributes:
 * `[logo]: img/logo.png {height=35mm}` (a title may come between). Without
 * attributes this construct fails and CommonMark's own definition reads the
 * line; with them, the definition is the same `definition` node, carrying
 * the attributes, and images and links that use it take them.
 */
import { factoryDestination } from 'micromark-factory-destination';
import { factoryLabel } from 'micromark-factory-label';
import { factorySpace } from 'micromark-factory-space';
import { factoryTitle } from 'micromark-factory-title';
import { factoryWhitespace } from 'micromark-factory-whitespace';
import { markdownLineEnding, markdownLineEndingOrSpace, markdownSpace } from 'micromark-util-character';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { codes, types } from 'micromark-util-symbol';
import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { attributesConstruct } from './attributes.js';

const attributes = attributesConstruct(true);

export const definitionWithAttributes: Construct = {
  name: 'definitionWithAttributes',
  tokenize: tokenizeDefinition,
};

/** Lookahead-free partial: whitespace, a title, whitespace, ending before `{`. */
const titleBefore: Construct = {
  partial: true,
  tokenize(this: TokenizeContext, effects, ok, nok) {
    const titleAfter = (code: Code): State | undefined => (markdownSpace(code) ? factorySpace(effects, titleEnd, types.whitespace)(code) : titleEnd(code));
    const titleEnd = (code: Code): State | undefined => (code === codes.leftCurlyBrace ? ok(code) : nok(code));
    const marker = (code: Code): State | undefined =>
      factoryTitle(effects, titleAfter, nok, types.definitionTitle, types.definitionTitleMarker, types.definitionTitleString)(code);
    return (code: Code) => (markdownLineEndingOrSpace(code) ? factoryWhitespace(effects, marker)(code) : nok(code));
  },
};

function tokenizeDefinition(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  let identifier = '';

  return start;

  function start(code: Code): State | undefined {
    effects.enter(types.definition);
    return factoryLabel.call(self, effects, labelAfter, nok, types.definitionLabel, types.definitionLabelMarker, types.definitionLabelString)(code);
  }

  function labelAfter(code: Code): State | undefined {
    const label = self.events.at(-1)![1];
    identifier = normalizeIdentifier(self.sliceSerialize(label).slice(1, -1));
    if (code !== codes.colon) return nok(code);
    effects.enter(types.definitionMarker);
    effects.consume(code);
    effects.exit(types.definitionMarker);
    return (next: Code) => (markdownLineEndingOrSpace(next) ? factoryWhitespace(effects, destination)(next) : destination(next));
  }

  function destination(code: Code): State | undefined {
    return factoryDestination(
      effects,
      (next: Code) => effects.attempt(titleBefore, attributesStart, spaceBefore)(next),
      nok,
      types.definitionDestination,
      types.definitionDestinationLiteral,
      types.definitionDestinationLiteralMarker,
      types.definitionDestinationRaw,
      types.definitionDestinationString,
    )(code);
  }

  function spaceBefore(code: Code): State | undefined {
    return markdownSpace(code) ? factorySpace(effects, attributesStart, types.whitespace)(code) : nok(code);
  }

  function attributesStart(code: Code): State | undefined {
    if (code !== codes.leftCurlyBrace) return nok(code);
    return effects.attempt(attributes, afterAttributes, nok)(code);
  }

  function afterAttributes(code: Code): State | undefined {
    return markdownSpace(code) ? factorySpace(effects, end, types.whitespace)(code) : end(code);
  }

  function end(code: Code): State | undefined {
    if (code !== codes.eof && !markdownLineEnding(code)) return nok(code);
    effects.exit(types.definition);
    self.parser.defined.push(identifier);
    return ok(code);
  }
}
