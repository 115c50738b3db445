/**
 * A budget of GFM literal-autolink tries per paragraph. At the start of every
 * word, micromark-extension-gfm-autolink-literal walks back over the
 * paragraph's events looking for an unbalanced `[`, and when it finds one it
 * remembers nothing: a paragraph that opens with `[` and runs on cost the
 * square of its words (100 kB: 4.5 s, 200 kB: 18 s). Past `autolinkBudget`
 * tries in one paragraph, `www.…`, `https://…` and e-mail addresses in it are
 * left as text. The tries are counted by wrapping the extension's own
 * constructs (shared objects, so remark-gfm's copy is the one wrapped), once,
 * when the parser is loaded.
 */
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import type { Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { ownerOf } from './delimiter-budget.js';

/** Literal-autolink tries one paragraph (one text tokenizer) may make. */
export const autolinkBudget = 2000;

const tries = new WeakMap<object, number>();
const budgeted = new WeakSet<Construct>();

/** `construct`, counting its tries and declining past the budget. */
function withBudget(construct: Construct): void {
  if (budgeted.has(construct)) return;
  budgeted.add(construct);
  const tokenize = construct.tokenize;
  construct.tokenize = function (this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    const owner = ownerOf(this);
    const used = tries.get(owner) ?? 0;
    if (used >= autolinkBudget) return nok;
    tries.set(owner, used + 1);
    return tokenize.call(this, effects, ok, nok);
  };
}

for (const constructs of Object.values(gfmAutolinkLiteral().text ?? {})) {
  for (const construct of [constructs].flat()) if (construct) withBudget(construct as Construct);
}

/** Whether the literal autolinks micromark uses are budgeted (for the tests). */
export function hasAutolinkBudget(): boolean {
  return Object.values(gfmAutolinkLiteral().text ?? {}).every((constructs) => [constructs].flat().every((construct) => budgeted.has(construct as Construct)));
}
