/**
 * The slides of a tree already cut into slides, stacks included, for the
 * rules that work slide by slide.
 */
import type { Root } from 'mdast';
import type { Slide } from '../types.js';

/** Every slide of `tree`, in presentation order. */
export function slidesOf(tree: Root): Slide[] {
  return tree.children.flatMap((child) => (child.type === 'stack' ? child.children : child.type === 'slide' ? [child] : []));
}
