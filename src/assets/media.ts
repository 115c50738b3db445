/**
 * Files copied into the output under a name derived from their content, so
 * an image used by many decks is stored once and a changed image never
 * hides behind a cached old one.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from './write.js';

/** The folder, inside the output, that holds copied images and files. */
export const mediaFolder = '_media';

/** Copies files into `out/_media/` by content hash; safe to call many times for one file. */
export class MediaStore {
  readonly #out: string;
  readonly #stored = new Map<string, Promise<string>>();

  constructor(out: string) {
    this.#out = out;
  }

  /**
   * Store the file at `absolute` and return its path relative to the output
   * folder: `_media/<hash>.png` for media, `_media/<hash>/<name>` for
   * downloads, whose name students see.
   */
  add(absolute: string, keepName = false): Promise<string> {
    const key = `${keepName}:${absolute}`;
    let stored = this.#stored.get(key);
    if (!stored) {
      stored = this.#store(absolute, keepName);
      this.#stored.set(key, stored);
    }
    return stored;
  }

  async #store(absolute: string, keepName: boolean): Promise<string> {
    const content = await readFile(absolute);
    const hash = createHash('sha256').update(content).digest('hex').slice(0, 16);
    const name = keepName ? `${hash}/${path.basename(absolute)}` : `${hash}${path.extname(absolute).toLowerCase()}`;
    const relative = `${mediaFolder}/${name}`;
    const target = path.join(this.#out, relative);
    if (!existsSync(target)) await writeAtomically(target, content);
    return relative;
  }
}
