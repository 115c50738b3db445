/**
 * The floor of the stack the project fixes: remark-parse → remark-rehype →
 * rehype-stringify with no extension and no transform of ours, over the
 * markdown files given as arguments (each written to `<file>.floor.html`).
 * `bench/run.ts` bundles it with the bundle's patches to micromark and the
 * tree walkers (`scripts/bundle-plugins.mjs`), so it parses as fast as the
 * build does, and runs it over the benchmark course in two processes, as it
 * runs Pandoc with two jobs: Pandoc's time over this one is the most any
 * build on this stack could reach on this machine in that run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
for (const file of process.argv.slice(2)) {
  writeFileSync(`${file}.floor.html`, String(processor.processSync(readFileSync(file, 'utf8'))));
}
