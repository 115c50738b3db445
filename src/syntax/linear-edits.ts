/**
 * micromark in linear time. Every time block containers close (a list item,
 * a block quote, a div's content), micromark's document tokenizer moves the
 * closing events with an `EditMap`, whose `consume` copies every event of
 * the document so far (`events.slice()` of the whole prefix) to apply two
 * edits at its very end. A lecture is one document, so its parse grew with
 * the square of its length: a 2 MB lecture took 31 s, a 6 MB one 209 s.
 *
 * `consume` here applies the same edits but leaves the events before the
 * first edit where they are: its cost is what follows the first edit, not
 * the document. It replaces the method on micromark's own class (one shared
 * instance, `micromark-util-edit-map`), once, when the parser is loaded.
 */
import { EditMap } from 'micromark-util-edit-map';
import type { Event } from 'micromark-util-types';

/** `EditMap#consume` that touches only the events from the first edit on. */
function consume(this: EditMap, events: Event[]): undefined {
  if (this.map.length === 0) return;
  this.map.sort((a, b) => a[0] - b[0]);
  const start = this.map[0]![0];
  const tail = events.slice(start);
  events.length = start;
  let next = start;
  for (const [at, remove, add] of this.map) {
    for (let index = next; index < at; index++) events.push(tail[index - start]!);
    for (const event of add) events.push(event);
    next = at + remove;
  }
  for (let index = next - start; index < tail.length; index++) events.push(tail[index]!);
  this.map.length = 0;
  this.index.clear();
}

// Only where the class still has the fields this replacement was written for.
const probe: Partial<EditMap> = new EditMap();
if (Array.isArray(probe.map) && probe.index instanceof Map) EditMap.prototype.consume = consume;

/** Whether micromark's edits are applied in linear time (for the tests). */
export function hasLinearEdits(): boolean {
  return EditMap.prototype.consume === consume;
}
