/**
 * Pandoc attributes as HTML properties, the way Pandoc's HTML writer does
 * it: `width` / `height` become inline style (a bare number on an image
 * stays a pixel attribute), known HTML attributes pass, and anything else
 * gets a `data-` prefix (`{background-image=x.png}` → `data-background-image`).
 */
import type { Properties } from 'hast';
import { find, html } from 'property-information';
import type { Attributes } from '../types.js';

const htmlAttributes = new Set([
  'style', 'title', 'lang', 'dir', 'role', 'tabindex', 'hidden', 'target', 'rel', 'download',
  'hreflang', 'type', 'alt', 'loading', 'controls', 'autoplay', 'loop', 'muted', 'poster', 'start',
  'reversed', 'colspan', 'rowspan', 'src', 'href', 'allow', 'allowfullscreen', 'frameborder', 'name',
]);

const sizeKeys = new Set(['width', 'height']);

/** Properties for an element of `tagName` carrying `attributes`. */
export function toProperties(attributes: Attributes | undefined, tagName: string): Properties {
  const properties: Properties = {};
  if (!attributes) return properties;
  if (attributes.id) properties.id = attributes.id;
  if (attributes.classes.length > 0) properties.className = [...attributes.classes];
  const styles: string[] = [];
  for (const [key, value] of Object.entries(attributes.values)) {
    if (sizeKeys.has(key)) {
      if (/^\d+$/.test(value) && tagName !== 'div' && tagName !== 'section') properties[key] = value;
      else styles.push(`${key}: ${/^\d+(\.\d+)?$/.test(value) ? `${value}px` : value}`);
    } else if (key === 'style') {
      styles.push(value.replace(/;\s*$/, ''));
    } else if (htmlAttributes.has(key) || key.startsWith('data-') || key.startsWith('aria-')) {
      properties[propertyName(key)] = value;
    } else {
      properties[propertyName(`data-${key}`)] = value;
    }
  }
  if (styles.length > 0) properties.style = styles.join('; ');
  return properties;
}

/** The hast property for an HTML attribute name (`data-background-image` → `dataBackgroundImage`). */
export function propertyName(attribute: string): string {
  return find(html, attribute).property;
}

/** Merge `extra` into `properties`, joining class lists and styles. */
export function mergeProperties(properties: Properties, extra: Properties): Properties {
  const merged: Properties = { ...properties, ...extra };
  const classes = [...classList(properties.className), ...classList(extra.className)];
  if (classes.length > 0) merged.className = classes;
  else delete merged.className;
  const styles = [properties.style, extra.style].filter((value) => typeof value === 'string' && value !== '');
  if (styles.length > 0) merged.style = styles.join('; ');
  return merged;
}

/** The class names of a `className` property, whichever form it has. */
export function classList(value: Properties[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
