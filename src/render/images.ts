/**
 * remark-rehype handlers for images and link references: the `{…}`
 * attributes written on them or on their reference definition
 * (`[logo]: logo.png {height=35mm}`),
 * and media written with image syntax (`![](demo.mp4)`), which becomes a
 * player (`render/media.ts`).
 */
import type { Element, ElementContent } from 'hast';
import type { Image, ImageReference, LinkReference, Nodes } from 'mdast';
import { defaultHandlers, type State } from 'mdast-util-to-hast';
import type { Attributes } from '../types.js';
import { mediaElement, mediaKind } from './media.js';
import { mergeProperties, toProperties } from './properties.js';

/** `![alt](url){…}`: an image, or a player when the URL is a video, audio file or PDF. */
export function image(state: State, node: Image): Element {
  return finish(state, node, defaultHandlers.image(state, node), node.data?.attributes);
}

/** `![alt][ref]`: as an image, with the attributes of the definition and then its own. */
export function imageReference(state: State, node: ImageReference): ElementContent | ElementContent[] {
  const result = defaultHandlers.imageReference(state, node);
  if (Array.isArray(result) || result.type !== 'element') return result;
  const definition = state.definitionById.get(String(node.identifier).toUpperCase());
  return finish(state, node, result, combine(definition?.data?.attributes, node.data?.attributes));
}

/** `[text][ref]`: a link with the attributes of the definition (`[ref]: url {target=_blank}`) and then its own. */
export function linkReference(state: State, node: LinkReference): ElementContent | ElementContent[] {
  const result = defaultHandlers.linkReference(state, node);
  if (Array.isArray(result) || result.type !== 'element') return result;
  const definition = state.definitionById.get(String(node.identifier).toUpperCase());
  const attributes = combine(definition?.data?.attributes, node.data?.attributes);
  if (attributes) result.properties = mergeProperties(result.properties, toProperties(attributes, 'a'));
  return result;
}

/** Attributes of a definition, overridden by those written where it is used. */
export function combine(base: Attributes | undefined, own: Attributes | undefined): Attributes | undefined {
  if (!base) return own;
  if (!own) return base;
  return { id: own.id ?? base.id, classes: [...base.classes, ...own.classes], values: { ...base.values, ...own.values } };
}

function finish(state: State, node: Nodes, img: Element, attributes: Attributes | undefined): Element {
  const src = typeof img.properties.src === 'string' ? img.properties.src : '';
  const kind = mediaKind(src);
  if (kind) {
    const label = typeof img.properties.alt === 'string' && img.properties.alt !== '' ? img.properties.alt : undefined;
    const title = typeof img.properties.title === 'string' ? img.properties.title : undefined;
    const media = mediaElement(src, kind, { attributes, label, title });
    state.patch(node, media);
    return media;
  }
  if (attributes) img.properties = mergeProperties(img.properties, toProperties(attributes, 'img'));
  return img;
}
