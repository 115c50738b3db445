/**
 * What a built deck's own `Reveal.initialize` options say about its print
 * layout: front matter (`width`, `height`, `pdf-separate-fragments`) wins
 * over the course config for that deck, in its PDF and when it is fitted.
 */
import type { Config } from '../config/schema.js';

/** A deck's canvas size and whether it prints one page per fragment step by its own choice. */
export interface DeckSettings {
  width: number;
  height: number;
  /** `true` when the deck asks for one page per fragment step (`pdf-separate-fragments`). */
  fragments?: boolean | undefined;
}

const init = /Reveal\.initialize\(Object\.assign\((\{.*?\}), \{ plugins/;

/** The settings of the deck page `html`, the course config's where the deck says nothing (or gives a percentage). */
export function deckSettings(html: string, config: Config): DeckSettings {
  let options: Record<string, unknown> = {};
  try {
    options = JSON.parse(init.exec(html)?.[1] ?? '{}') as Record<string, unknown>;
  } catch {
    // A page we did not write: the course config decides.
  }
  const number = (value: unknown, fallback: number) => (typeof value === 'number' && value > 0 ? value : fallback);
  return {
    width: number(options.width, config.reveal.width),
    height: number(options.height, config.reveal.height),
    fragments: options.pdfSeparateFragments === true ? true : undefined,
  };
}
