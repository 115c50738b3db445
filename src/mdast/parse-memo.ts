/**
 * Parses remembered across the builds of one `lecture serve` session. An
 * edit changes one slide of a lecture, yet each build read the whole
 * lecture again, and its tables cell by cell: about two thirds of the
 * build of a 21 kB lecture. With a memo, the lecture is read in pieces (one
 * per heading, `chunked-parse.ts`) and each piece, or each text another
 * step parses (a table's cells), is parsed once; later builds get a copy of
 * its tree. A parse that reported a message is not remembered: its message
 * must be reported again.
 *
 * Trees are copied in, and out on every use: transforms change the tree
 * they are given. Only trees of plain objects and arrays are kept (what
 * mdast-util-from-markdown makes); anything else is parsed every time.
 *
 * A lecture's pieces are kept for its last two reads (`document`), so an
 * edit and its undo both find their pieces; a piece that neither read used
 * is forgotten then, not when the memo is full: a session of edits to one
 * slide holds that slide twice, not once per edit (a piece two lectures
 * share may then be read again: a miss, never a wrong tree). What is parsed
 * outside a lecture's read (a table's cells) stays until the limit, oldest
 * first.
 */
import type { Root } from 'mdast';

/** Remembered parses, by the text parsed and what else the parse depended on. */
export class ParseMemo {
  readonly #trees = new Map<string, Root>();
  readonly #limit: number;
  #size = 0;
  /** For each document, the keys its read before last and its last read used. */
  readonly #reads = new Map<string, [older: Set<string>, newer: Set<string>]>();
  /** The keys the read going on has used. */
  #using: Set<string> | undefined;

  /** @param limit characters of text to remember before the oldest are forgotten: about 30 bytes of tree each, so 30 MB for the default, some twenty to fifty lectures edited */
  constructor(limit = 1_000_000) {
    this.#limit = limit;
  }

  /**
   * Read the document `name` with `read`: the pieces it uses are kept for
   * this read and the next; those only the read before last used are
   * forgotten.
   */
  document<T>(name: string, read: () => T): T {
    const outer = this.#using;
    const used = new Set<string>();
    this.#using = used;
    try {
      return read();
    } finally {
      this.#using = outer;
      const [older, newer] = this.#reads.get(name) ?? [new Set<string>(), new Set<string>()];
      for (const key of older) if (!newer.has(key) && !used.has(key)) this.#forget(key);
      this.#reads.set(name, [newer, used]);
    }
  }

  /** A copy of the tree remembered for `key`, if any. */
  get(key: string): Root | undefined {
    const tree = this.#trees.get(key);
    if (!tree) return undefined;
    this.#using?.add(key);
    // Used again: the newest, forgotten last.
    this.#trees.delete(key);
    this.#trees.set(key, tree);
    return copyPlain(tree) as Root;
  }

  /** Remember a copy of `tree` as the parse of `key`, if it is plain data. */
  set(key: string, tree: Root): void {
    if (this.#trees.has(key) || key.length > this.#limit) return;
    const copy = copyPlain(tree);
    if (copy === undefined) return;
    this.#trees.set(key, copy as Root);
    this.#size += key.length;
    this.#using?.add(key);
    for (const [oldest] of this.#trees) {
      if (this.#size <= this.#limit) break;
      this.#forget(oldest);
    }
  }

  /** Characters of text remembered. */
  get size(): number {
    return this.#size;
  }

  #forget(key: string): void {
    if (this.#trees.delete(key)) this.#size -= key.length;
  }
}

/**
 * A deep copy of `value`, made of plain objects, arrays and primitives;
 * `undefined` when it holds anything else (a class instance, a function).
 * Without recursion: a tree's depth is the input's. Objects met twice are
 * copied once, so what the original shares the copy shares too.
 */
export function copyPlain(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'function' ? undefined : value;
  const copies = new Map<object, object>();
  const pending: Array<[source: object, target: Record<string, unknown> | unknown[]]> = [];
  const copyOf = (item: object): object | undefined => {
    const known = copies.get(item);
    if (known) return known;
    const prototype = Object.getPrototypeOf(item);
    let target: Record<string, unknown> | unknown[];
    if (Array.isArray(item)) target = new Array<unknown>(item.length);
    else if (prototype === Object.prototype || prototype === null) target = {};
    else return undefined;
    copies.set(item, target);
    pending.push([item, target]);
    return target;
  };
  const root = copyOf(value);
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const [source, target] = entry;
    for (const key of Object.keys(source)) {
      const field = (source as Record<string, unknown>)[key];
      let copied: unknown = field;
      if (typeof field === 'function') return undefined;
      if (typeof field === 'object' && field !== null) {
        copied = copyOf(field);
        if (copied === undefined) return undefined;
      }
      (target as Record<string, unknown>)[key] = copied;
    }
  }
  return root;
}
