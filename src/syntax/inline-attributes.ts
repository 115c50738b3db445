/**
 * Tokenizer for `{…}` in text. Whether the attributes belong to the image,
 * link, code or heading before them is decided on the tree, in
 * `transforms/inline-attributes.ts`; attributes that attach to nothing are
 * turned back into the text they were written as.
 */
import type { Construct, TokenizeContext } from 'micromark-util-types';
import { factoryAttributes } from './attributes.js';

export const inlineAttributes: Construct = {
  name: 'pandocInlineAttributes',
  tokenize(this: TokenizeContext, effects, ok, nok) {
    return factoryAttributes(effects, ok, nok, false);
  },
};
