/**
 * Quarto's callouts: `::: {.callout-note}` (also `tip`, `warning`,
 * `important`, `caution`) becomes a box with a title and a body. The title
 * is `title="…"`, else a heading at the top of the callout (which is then no
 * heading of the slide), else the kind's name. `appearance="simple"` or
 * `"minimal"` and `icon=false` become classes the themes style.
 */
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { FencedDiv } from '../types.js';

const kinds: Record<string, string> = { note: 'Note', tip: 'Tip', warning: 'Warning', important: 'Important', caution: 'Caution' };

/** Remark plugin: give callouts their title and body. */
export function callouts() {
  return (tree: Root): undefined => {
    visit(tree, 'fencedDiv', (node) => {
      const kind = kindOf(node);
      if (kind) shape(node, kind);
    });
  };
}

function kindOf(div: FencedDiv): string | undefined {
  if (div.attributes.classes.includes('callout')) return 'note';
  const name = div.attributes.classes.find((entry) => entry.startsWith('callout-'))?.slice('callout-'.length);
  return name && name in kinds ? name : undefined;
}

function shape(div: FencedDiv, kind: string): void {
  if (div.data?.callout) return;
  const { values, classes } = div.attributes;
  const [first] = div.children;
  let title: PhrasingContent[] = [{ type: 'text', value: kinds[kind]! }];
  if (values.title !== undefined) title = [{ type: 'text', value: values.title }];
  else if (first?.type === 'heading') {
    title = first.children;
    div.children.shift();
  }
  const extra = [values.appearance ? `callout-${values.appearance}` : '', values.icon === 'false' ? 'no-icon' : ''].filter(Boolean);
  const rest = Object.fromEntries(Object.entries(values).filter(([key]) => !['title', 'appearance', 'icon', 'collapse'].includes(key)));
  div.attributes = { ...div.attributes, classes: [...new Set(['callout', `callout-${kind}`, ...classes.filter((entry) => entry !== 'callout'), ...extra])], values: rest };
  const heading: Paragraph = { type: 'paragraph', children: title, data: { hProperties: { className: ['callout-title'] } } };
  const body: FencedDiv = { type: 'fencedDiv', attributes: { classes: ['callout-body'], values: {} }, children: div.children as Array<BlockContent | RootContent> };
  div.children = [heading, body];
  div.data = { ...div.data, callout: true };
}
