/**
 * Pandoc's automatic identifiers, so links written for Pandoc (`#/layers`,
 * `#building-images`) keep working. The build and the checker both get ids
 * from here and nowhere else.
 */

/** The identifier Pandoc derives from heading text: "Layers & caching!" → `layers-caching`. */
export function slugify(text: string): string {
  const kept = Array.from(text.toLowerCase())
    .filter((character) => /[\p{L}\p{N}\s_.-]/u.test(character))
    .join('');
  const words = kept.split(/\s+/).filter(Boolean).join('-');
  const start = words.search(/\p{L}/u);
  return start === -1 ? '' : words.slice(start);
}

/** Hands out ids unique within one document, as Pandoc does (`intro`, `intro-1`, `intro-2`). */
export class IdRegistry {
  readonly #used = new Set<string>();
  readonly ordered: string[] = [];

  /** Whether `id` is taken already. */
  has(id: string): boolean {
    return this.#used.has(id);
  }

  /** Record an id written by the author; returns `false` when it was taken. */
  claim(id: string): boolean {
    if (this.#used.has(id)) return false;
    this.#used.add(id);
    this.ordered.push(id);
    return true;
  }

  /** A fresh id derived from `text` (or `section` when the text has no letters). */
  derive(text: string): string {
    const base = slugify(text) || 'section';
    let id = base;
    for (let count = 1; this.#used.has(id); count++) id = `${base}-${count}`;
    this.claim(id);
    return id;
  }
}
