/**
 * The seeds the fuzzer starts from: the sample lectures, every markdown file
 * of the test fixtures, and the CommonMark specification's examples (from
 * the `commonmark-spec` package, which ships them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Named inputs of one corpus. */
export interface Corpus {
  name: string;
  inputs: string[];
}

/** Every `.md` file under `folder`, sorted (so a seed reproduces the same run). */
function markdownUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The three corpora, read from the repository at `root`. */
export function loadCorpora(root: string): Corpus[] {
  const read = (files: string[]) => files.map((file) => readFileSync(file, 'utf8'));
  const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Array<{ markdown: string }> };
  return [
    { name: 'sample lectures', inputs: read(markdownUnder(path.join(root, 'lectures'))) },
    { name: 'test fixtures', inputs: read(markdownUnder(path.join(root, 'test/fixtures'))) },
    // The specification writes tabs as → so they can be seen.
    { name: 'CommonMark examples', inputs: spec.tests.map((example) => example.markdown.replaceAll('→', '\t')) },
  ];
}
