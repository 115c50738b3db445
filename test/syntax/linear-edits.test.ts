/**
 * Our `EditMap#consume` (linear in what follows the first edit) against
 * micromark's own (which copies the whole document at every call), on random
 * events and edits: they must leave the same events.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Event } from 'micromark-util-types';
import { EditMap } from 'micromark-util-edit-map';
import { describe, expect, test } from 'vitest';
import { hasLinearEdits } from '../../src/syntax/linear-edits.js';

/** micromark's own class, from whichever of the package's two builds (production, development) we did not patch. */
async function originalEditMap(): Promise<typeof EditMap> {
  const main = createRequire(import.meta.url).resolve('micromark-util-edit-map');
  const folder = main.slice(0, main.lastIndexOf('micromark-util-edit-map') + 'micromark-util-edit-map'.length);
  for (const build of ['index.js', 'dev/index.js']) {
    const module = (await import(pathToFileURL(path.join(folder, build)).href)) as { EditMap: typeof EditMap };
    if (module.EditMap.prototype.consume !== EditMap.prototype.consume) return module.EditMap;
  }
  throw new Error('both builds are patched');
}

/** A stand-in event whose identity is its number. */
const event = (id: number) => [`e${id}`] as unknown as Event;

const edits = (length: number) =>
  fc.uniqueArray(fc.tuple(fc.nat(length), fc.nat(3), fc.array(fc.integer({ min: 1000, max: 1999 }), { maxLength: 3 }), fc.boolean()), {
    selector: ([at]) => at,
    maxLength: 6,
  });

describe('linear EditMap', () => {
  test('is installed on the class micromark uses', () => {
    expect(hasLinearEdits()).toBe(true);
    const consume = EditMap.prototype.consume;
    let calls = 0;
    EditMap.prototype.consume = function (this: EditMap, events: Event[]) {
      calls++;
      return consume.call(this, events);
    };
    try {
      fromMarkdown('> quote\n\n- item\n\npara\n');
    } finally {
      EditMap.prototype.consume = consume;
    }
    expect(calls).toBeGreaterThan(0);
  });

  test('leaves the same events as micromark’s own', async () => {
    const Original = await originalEditMap();
    expect(Original.prototype.consume).not.toBe(EditMap.prototype.consume);
    fc.assert(
      fc.property(
        fc.nat(40).chain((length) => fc.tuple(fc.constant(length), edits(length))),
        ([length, changes]) => {
          const ours = Array.from({ length }, (_, index) => event(index));
          const theirs = [...ours];
          const [mine, original] = [new EditMap(), new Original()];
          for (const [at, remove, add, before] of changes) {
            const removed = Math.min(remove, length - at);
            const added = add.map(event);
            if (before) {
              mine.addBefore(at, removed, added);
              original.addBefore(at, removed, added);
            } else {
              mine.add(at, removed, added);
              original.add(at, removed, added);
            }
          }
          mine.consume(ours);
          original.consume(theirs);
          expect(ours).toEqual(theirs);
        },
      ),
      { seed: 22, numRuns: 2000 },
    );
  });
});
