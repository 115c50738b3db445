/**
 * The line of a config key, so a config problem reads
 * `lecture.config.yaml:4: Unknown key \`outt\`; did you mean \`out\`?`. JSON
 * is YAML, so one parser finds keys in both; it is loaded only when there is
 * a problem to place.
 */
import { commonJs } from '../interop.js';

/** The dotted key a problem names (its first `` `key` ``; `Unknown rule \`x\`` names `rules.x`). */
export function problemKey(problem: string): string | undefined {
  const named = /`([^`]+)`/.exec(problem)?.[1];
  if (named === undefined) return undefined;
  return problem.startsWith('Unknown rule ') ? `rules.${named}` : named;
}

/** The 1-based line of the key at `dotted` (`reveal.width`) in the config text, if it is there. */
export async function keyLine(text: string, dotted: string): Promise<number | undefined> {
  const { parseDocument, isMap, isScalar } = commonJs(await import('yaml'));
  const document = parseDocument(text);
  let node: unknown = document.contents;
  let offset: number | undefined;
  for (const step of dotted.split('.')) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === step);
    if (!pair || !isScalar(pair.key)) return undefined;
    offset = pair.key.range?.[0];
    node = pair.value;
  }
  return offset === undefined ? undefined : text.slice(0, offset).split('\n').length;
}

/** Each problem with the line of the key it names (`label:line: problem`, or `label: problem` when the key is not found), in the order of the file. */
export async function placeProblems(problems: string[], text: string, label: string): Promise<string[]> {
  const placed = await Promise.all(
    problems.flatMap((problem) => problem.split('\n')).map(async (problem) => {
      const key = problemKey(problem);
      const line = key === undefined ? undefined : await keyLine(text, key).catch(() => undefined);
      return { line, text: line === undefined ? `${label}: ${problem}` : `${label}:${line}: ${problem}` };
    }),
  );
  return placed.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity)).map((problem) => problem.text);
}
