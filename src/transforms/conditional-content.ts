/**
 * Quarto's conditional content: `::: {.content-visible when-format="html"}`
 * and `.content-hidden`, with `when-format` / `unless-format`, on divs and
 * spans. A deck counts as the formats `revealjs` and `html` (Quarto's `html`
 * matches every HTML output). Content for another output is removed; the
 * wrapper of content that stays is unwrapped.
 */
import type { Parent, Root } from 'mdast';
import type { Attributes } from '../types.js';

/** The formats a deck is, as Quarto names them. */
const formats = new Set(['revealjs', 'html', 'html4', 'html5']);

/** Remark plugin: keep or drop conditional content. */
export function conditionalContent() {
  return (tree: Root): undefined => {
    walk(tree);
  };
}

function walk(parent: Parent): void {
  let dropped = false;
  parent.children = parent.children.flatMap((child) => {
    if ('children' in child) walk(child);
    if (child.type !== 'fencedDiv' && child.type !== 'bracketedSpan') return [child];
    const shown = isShown(child.attributes);
    if (shown === undefined) return [child];
    dropped ||= !shown;
    return shown ? child.children : [];
  }) as Parent['children'];
  if (dropped && parent.type === 'paragraph') trimEnds(parent);
}

/** No space left at the ends of a paragraph that lost its first or last span. */
function trimEnds(paragraph: Parent): void {
  const first = paragraph.children[0];
  if (first?.type === 'text') first.value = first.value.trimStart();
  const last = paragraph.children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
}

/** Whether conditional content is shown in a deck; `undefined` when the attributes make nothing conditional. */
export function isShown(attributes: Attributes): boolean | undefined {
  const visible = attributes.classes.includes('content-visible');
  const hidden = attributes.classes.includes('content-hidden');
  if (!visible && !hidden) return undefined;
  const when = attributes.values['when-format'];
  const unless = attributes.values['unless-format'];
  let matches = true;
  if (when !== undefined) matches = isThisFormat(when);
  if (unless !== undefined) matches = matches && !isThisFormat(unless);
  return visible ? matches : !matches;
}

function isThisFormat(value: string): boolean {
  return value.split(/[\s,]+/).some((name) => formats.has(name.trim().split(/[+-]/)[0]!));
}
