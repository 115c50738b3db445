/**
 * remark-rehype handlers for our nodes and for the standard nodes that can
 * carry Pandoc attributes. reveal.js's markup contract: a `section` per
 * slide, nested `section`s for a vertical stack, `aside.notes` for speaker
 * notes, `.fragment` for steps.
 */
import type { Element, ElementContent, Properties } from 'hast';
import type { FootnoteReference, ListItem, Nodes, Parents } from 'mdast';
import { h } from 'hastscript';
import type { InlineMath } from 'mdast-util-math';
import { defaultHandlers, type Handler, type Handlers, type State } from 'mdast-util-to-hast';
import type { BracketedSpan, FencedDiv, Figure, Slide, SlideFootnotes, Stack } from '../types.js';
import { mergeProperties, toProperties } from './properties.js';
import { columnLayout } from './columns.js';
import { image, imageReference, linkReference } from './images.js';
import { quiz, quizBlank, quizSummary } from './quiz.js';
import { table } from './tables.js';

function element(state: State, node: Nodes, tagName: string, properties: Properties, children: ElementContent[]): Element {
  const result: Element = { type: 'element', tagName, properties, children };
  state.patch(node, result);
  return state.applyData(node, result);
}

function fencedDiv(state: State, node: FencedDiv): Element {
  const children = state.wrap(state.all(node), true);
  if (node.attributes.classes.includes('notes')) {
    const rest = { ...node.attributes, classes: node.attributes.classes.filter((name) => name !== 'notes') };
    return element(state, node, 'aside', mergeProperties({ className: ['notes'] }, toProperties(rest, 'aside')), children);
  }
  // A `<section>` inside a slide would be read by reveal.js as a slide of its own: it is a `div`.
  const tagName = node.tag === 'aside' ? 'aside' : 'div';
  return element(state, node, tagName, toProperties(columnLayout(node.attributes), tagName), children);
}

function bracketedSpan(state: State, node: BracketedSpan): Element {
  return element(state, node, 'span', toProperties(node.attributes, 'span'), state.all(node));
}

function slide(state: State, node: Slide): Element {
  const level = node.heading ? [`level${node.heading.depth}`] : [];
  const kind = node.kind === 'section' ? ['title-slide', 'slide', 'center'] : node.kind === 'slide' ? ['slide'] : ['center'];
  const properties = mergeProperties({ className: [...kind, ...level] }, toProperties(node.attributes, 'section'));
  return element(state, node, 'section', properties, state.wrap(state.all(node), true));
}

function stack(state: State, node: Stack): Element {
  return element(state, node, 'section', {}, state.wrap(state.all(node), true));
}

function figure(state: State, node: Figure): Element {
  const caption: Element = {
    type: 'element',
    tagName: 'figcaption',
    properties: { ariaHidden: 'true' },
    children: [{ type: 'text', value: node.caption }],
  };
  return element(state, node, 'figure', {}, [...state.all(node), caption]);
}

function footnoteReference(state: State, node: FootnoteReference): Element {
  const number = node.data?.footnoteNumber ?? 0;
  const link = h('a', { href: `#fn${number}`, id: `fnref${number}`, role: 'doc-noteref' }, String(number));
  return element(state, node, 'sup', { className: ['footnote-ref'] }, [link]);
}

function slideFootnotes(state: State, node: SlideFootnotes): Element {
  const items = node.children.map((definition, index) => {
    const item = h('li', { id: `fn${node.start + index}`, role: 'doc-endnote' }, state.all(definition));
    state.patch(definition, item);
    return item;
  });
  const list = h('ol', node.start === 1 ? {} : { start: node.start }, state.wrap(items, true));
  return element(state, node, 'div', { className: ['footnotes'], role: 'doc-endnotes' }, [list]);
}

/** A formula as `code.language-math`, typeset later by `render/math.ts`; its attributes (`{#eq-id}`) go along. */
function inlineMath(state: State, node: InlineMath): Element {
  const className = node.data?.hProperties?.className ?? ['language-math', 'math-inline'];
  return element(state, node, 'code', { className }, [{ type: 'text', value: node.value }]);
}

/** Wrap a default handler so the node's Pandoc attributes land on the element it makes. */
function withAttributes(handler: Handler, tagName: string): Handler {
  return (state, node, parent) => {
    const result = handler(state, node, parent);
    const attributes = (node as Nodes).data?.attributes;
    if (!attributes || !result || Array.isArray(result) || result.type !== 'element') return result;
    result.properties = mergeProperties(result.properties, toProperties(attributes, tagName));
    return result;
  };
}

/** Whether each list is loose (any item spread), computed once per list. */
const looseness = new WeakMap<Parents, boolean>();

/**
 * mdast-util-to-hast's list item asks whether its whole list is loose, item
 * after item: a list of n items cost n² (a 100,000-item list, minutes). The
 * answer is computed once per list and handed over as a stand-in parent.
 */
function listItem(state: State, node: ListItem, parent: Parents | undefined): ReturnType<Handler> {
  if (!parent || parent.type !== 'list') return defaultHandlers.listItem(state, node, parent);
  let loose = looseness.get(parent);
  if (loose === undefined) {
    loose = Boolean(parent.spread) || parent.children.some((item) => (item.spread === null || item.spread === undefined ? item.children.length > 1 : item.spread));
    looseness.set(parent, loose);
  }
  return defaultHandlers.listItem(state, node, { type: 'list', spread: loose, children: [] });
}

/**
 * mdast-util-to-hast percent-encodes the brackets of an IPv6 host
 * (`http://[::1]:8080/` became `http://%5B::1%5D:8080/`), an address no
 * browser opens and no checker can parse; they are put back.
 */
function withIpv6Hosts(handler: Handler): Handler {
  return (state, node, parent) => {
    const result = handler(state, node, parent);
    if (!result || Array.isArray(result) || result.type !== 'element') return result;
    for (const key of ['href', 'src']) {
      const value = result.properties[key];
      if (typeof value === 'string') result.properties[key] = value.replace(/^([a-z][a-z\d+.-]*:\/\/(?:[^@/?#]*@)?)%5B([\da-f:.]+)%5D/i, '$1[$2]');
    }
    return result;
  };
}

/** Nodes that must not reach the output: they are consumed by transforms. */
function drop(): undefined {
  return undefined;
}

/** All handlers, for `remark-rehype`. */
export const handlers: Handlers = {
  fencedDiv: fencedDiv as Handler,
  bracketedSpan: bracketedSpan as Handler,
  slide: slide as Handler,
  stack: stack as Handler,
  figure: figure as Handler,
  footnoteReference: footnoteReference as Handler,
  slideFootnotes: slideFootnotes as Handler,
  quiz: quiz as Handler,
  inlineMath: withAttributes(inlineMath as Handler, 'span'),
  table: table as Handler,
  tableCaption: drop,
  pandocTable: drop,
  rawTex: drop,
  texArgument: drop,
  quizBlank: quizBlank as Handler,
  quizSummary: quizSummary as Handler,
  quizTag: drop,
  listItem: withAttributes(listItem as Handler, 'li'),
  fencedDivFence: drop,
  inlineAttributes: drop,
  titleBlockLine: drop,
  pause: drop,
  revealAttributes: drop,
  shortcode: drop,
  image: withIpv6Hosts(image as Handler),
  imageReference: withIpv6Hosts(imageReference as Handler),
  link: withAttributes(withIpv6Hosts(defaultHandlers.link), 'a'),
  linkReference: withIpv6Hosts(linkReference as Handler),
  inlineCode: withAttributes(defaultHandlers.inlineCode, 'code'),
  code: withAttributes(defaultHandlers.code, 'pre'),
  heading: withAttributes(defaultHandlers.heading, 'h'),
};
