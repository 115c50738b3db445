/**
 * Quarto's `.absolute` positioning: `![](logo.png){.absolute top=10 right=10
 * width=80}` or `::: {.absolute left="50%" bottom=0}`. The offsets become
 * inline style (a bare number is pixels), and the themes make `.absolute`
 * elements positioned against their slide.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Attributes } from '../types.js';

const sides = ['top', 'left', 'right', 'bottom'];

/** Remark plugin: turn the offsets of `.absolute` elements into style. */
export function absolute() {
  return (tree: Root): undefined => {
    visit(tree, (node) => {
      const attributes = node.type === 'fencedDiv' || node.type === 'bracketedSpan' ? node.attributes : node.data?.attributes;
      if (attributes?.classes.includes('absolute')) position(attributes);
    });
  };
}

function position(attributes: Attributes): void {
  const styles: string[] = [];
  for (const side of sides) {
    const value = attributes.values[side];
    if (value === undefined) continue;
    styles.push(`${side}: ${/^-?\d+(\.\d+)?$/.test(value) ? `${value}px` : value}`);
    delete attributes.values[side];
  }
  if (styles.length === 0) return;
  const style = attributes.values.style;
  attributes.values.style = [style?.replace(/;\s*$/, ''), ...styles].filter(Boolean).join('; ');
}
