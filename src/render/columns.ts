/**
 * Beamer's column options as Pandoc writes them on `.columns` and `.column`
 * divs, applied as layout: `align=top|center|bottom` (the columns' vertical
 * alignment, or one column's), `totalwidth=` (the width all columns share)
 * and `.onlytextwidth` (columns flush with the text's edges). Widths may be
 * written as TeX fractions of the text width (`0.4\textwidth` is `40%`).
 */
import type { Attributes } from '../types.js';

const alignments: Record<string, string> = { top: 'flex-start', t: 'flex-start', center: 'center', c: 'center', bottom: 'flex-end', b: 'flex-end' };

/** The attributes of a columns or column div with its Beamer options turned into CSS. */
export function columnLayout(attributes: Attributes): Attributes {
  const { classes, values } = attributes;
  const isColumns = classes.includes('columns');
  if (!isColumns && !classes.includes('column')) return attributes;
  const { align, totalwidth, width, ...rest } = values;
  const styles: string[] = [];
  const alignment = align === undefined ? undefined : alignments[align.trim().toLowerCase()];
  if (alignment) styles.push(`${isColumns ? 'align-items' : 'align-self'}: ${alignment}`);
  if (isColumns && totalwidth !== undefined) styles.push(`width: ${cssLength(totalwidth)}`);
  if (isColumns && classes.includes('onlytextwidth')) styles.push('justify-content: space-between');
  if (rest.style) styles.push(rest.style.replace(/;\s*$/, ''));
  const kept: Record<string, string> = { ...rest };
  if (width !== undefined) kept.width = cssLength(width);
  if (align !== undefined && !alignment) kept.align = align;
  if (styles.length > 0) kept.style = styles.join('; ');
  else delete kept.style;
  return { ...attributes, values: kept };
}

/** A fraction of the text's width: `0.4\textwidth`. */
export const widthFraction = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*\\(?:textwidth|linewidth|columnwidth|paperwidth)\s*$/;

/** A length as CSS: `0.4\textwidth` → `40%`, anything else as written. */
export function cssLength(value: string): string {
  const fraction = widthFraction.exec(value);
  if (!fraction) return value.trim();
  return `${Math.round(Number(fraction[1]) * 10000) / 100}%`;
}
