/**
 * Parse and render one lecture with the build's own processor, so the checker
 * sees exactly the trees, ids and local-file problems the build does. Nothing
 * is written and no file is copied.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ListingCache } from '../assets/locate.js';
import type { Resolve } from '../assets/references.js';
import { diagnoseReference } from '../build/resolver.js';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createProcessor } from '../pipeline.js';
import { isPlaceholder } from './rules/placeholders.js';
import type { CheckedLecture } from './types.js';

/** A function that checks one lecture file of the course at `root`. */
export function createLectureChecker(config: Config, root: string, cwd: string): (source: string) => Promise<CheckedLecture> {
  const cache: ListingCache = new Map();
  // Placeholders are reported by their own rule, not as missing files too.
  const resolve: Resolve = (reference, file) => {
    if (!isPlaceholder(reference.url)) diagnoseReference(reference, file, root, cache);
    return undefined;
  };
  const trees = new WeakMap<VFile, MdastRoot>();
  const processor = createProcessor({
    config,
    themes: new Set(),
    resolve,
    standalone: false,
    quizSecret: 'check',
    inspect: (tree, file) => trees.set(file, tree),
  });
  return async (source) => {
    const file = new VFile({ path: path.relative(cwd, source), cwd });
    let hast: HastRoot = { type: 'root', children: [] };
    try {
      file.value = await readFile(source, 'utf8');
      hast = (await processor.run(processor.parse(file), file)) as HastRoot;
    } catch (error) {
      report(file, `Cannot check this lecture: ${(error as Error).message}`, rules.buildFailed, undefined, 'error');
    }
    const mdast = trees.get(file) ?? { type: 'root', children: [] };
    return { source, file, mdast, hast, ids: idsOf(hast, file), horizontal: mdast.children.filter((node) => node.type === 'slide' || node.type === 'stack').length };
  };
}

/** The ids the deck carries: those the build recorded and every id in the rendered slides. */
function idsOf(hast: HastRoot, file: VFile): Set<string> {
  const ids = new Set(file.data.ids ?? []);
  visit(hast, 'element', (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
  });
  return ids;
}
