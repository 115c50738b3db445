/**
 * `text` without the run of any of `characters` at its end, read back from
 * the end. A pattern such as `/[ \t]+$/` is tried at every character of
 * every run, and fails at each but the last: a run of 100,000 spaces inside
 * a paragraph took 4.6 s.
 */
export function trimEndOf(text: string, characters: string): string {
  let end = text.length;
  while (end > 0 && characters.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
