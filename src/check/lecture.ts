/**
 * Parse and render one lecture with the build's own processor, so the checker
 * sees exactly the trees, ids and local-file problems the build does, then
 * run the per-lecture rules. Nothing is written and no file is copied. This
 * module loads the whole pipeline, so it is imported only when a lecture is
 * not in the cache.
 */
import path from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ListingCache } from '../assets/locate.js';
import { urlsOf, type Resolve } from '../assets/references.js';
import { createScope } from '../assets/scope.js';
import { readAnswerFile } from '../course/answer-file.js';
import { messagesToData } from '../course/messages.js';
import { diagnoseReference } from '../course/resolver.js';
import type { Config } from '../config/schema.js';
import { report, rules } from '../diagnostics.js';
import { createProcessor } from '../pipeline.js';
import { isHidden } from '../transforms/slides.js';
import { deckIds, withoutHiddenSections } from './deck-trees.js';
import { lectureRules } from './rules/index.js';
import { isPlaceholder } from './rules/placeholders.js';
import type { LectureFacts, LectureTrees } from './types.js';

/** A function that finds the facts of one lecture of the course at `root`, given its text. */
export function createLectureChecker(config: Config, root: string, cwd: string): (source: string, text: string) => Promise<LectureFacts> {
  const cache: ListingCache = new Map();
  const scope = createScope(root, config.assets.allow);
  const files = new WeakMap<VFile, Set<string>>();
  // Placeholders are reported by their own rule, not as missing files too.
  const resolve: Resolve = (reference, file) => {
    if (isPlaceholder(reference.url)) return undefined;
    files.get(file)?.add(diagnoseReference(reference, file, scope, cache).located.absolute);
    return undefined;
  };
  const trees = new WeakMap<VFile, MdastRoot>();
  // Diagrams are not drawn: the check looks at the text, and launches no browser for it.
  const processor = createProcessor({ config, themes: new Set(), resolve, standalone: false, quizSecret: 'check', inspect: (tree, file) => trees.set(file, tree), courseRoot: root, diagrams: false });
  return async (source, text) => {
    const file = new VFile({ path: path.relative(cwd, source), cwd, value: text });
    const answers = await readAnswerFile(source, cwd);
    if (answers.file) file.data.answerFile = answers.file;
    // The answers file is an input of the lecture's facts: the check cache watches it.
    files.set(file, new Set(answers.candidates));
    let hast: HastRoot = { type: 'root', children: [] };
    try {
      hast = (await processor.run(processor.parse(file), file)) as HastRoot;
      // The HTML is not kept, but a lecture whose HTML cannot be written fails here as in the build.
      processor.stringify(hast, file);
    } catch (error) {
      report(file, `Cannot check this lecture: ${(error as Error).message}`, rules.buildFailed, undefined, 'error');
    }
    const mdast = trees.get(file) ?? { type: 'root', children: [] };
    const ids = deckIds(hast, file);
    // Hidden slides are not shown (reveal.js removes them, PDFs leave them out): no content rule looks at them.
    const lecture: LectureTrees = { file, mdast: withoutHiddenSlides(mdast), hast: withoutHiddenSections(hast), urls: [] };
    lecture.urls = withSourceLinks(urlsIn(lecture.hast), file, hiddenRanges(mdast));
    for (const rule of lectureRules) rule(lecture);
    return {
      messages: messagesToData(file),
      targets: lecture.urls.map(({ url, node }) => ({ url, tagName: node.tagName, position: node.position })),
      ids: [...ids],
      horizontal: mdast.children.filter((node) => node.type === 'slide' || node.type === 'stack').length,
      files: [...(files.get(file) ?? [])],
    };
  };
}

function withoutHiddenSlides(tree: MdastRoot): MdastRoot {
  const children = tree.children.flatMap((child): MdastRoot['children'] => {
    if (child.type === 'slide') return isHidden(child.attributes) ? [] : [child];
    if (child.type === 'stack') return [{ ...child, children: child.children.filter((slide) => !isHidden(slide.attributes)) }];
    return [child];
  });
  return { ...tree, children };
}

/** The source ranges (offsets) of the hidden slides, whose links no one sees. */
function hiddenRanges(tree: MdastRoot): Array<[number, number]> {
  const slides = tree.children.flatMap((child) => (child.type === 'slide' ? [child] : child.type === 'stack' ? child.children : []));
  return slides.flatMap((slide) => {
    const { start, end } = slide.position ?? {};
    return isHidden(slide.attributes) && start?.offset !== undefined && end?.offset !== undefined ? [[start.offset, end.offset] as [number, number]] : [];
  });
}

function urlsIn(hast: HastRoot): LectureTrees['urls'] {
  const found: LectureTrees['urls'] = [];
  visit(hast, 'element', (node) => {
    for (const { url } of urlsOf(node)) found.push({ url, node });
  });
  return found;
}

/**
 * Add the links of the source the output does not show where they were
 * written (a course page's instructor link, now the title slide's author; a
 * definition referenced nowhere), as elements at their source position.
 */
function withSourceLinks(urls: LectureTrees['urls'], file: VFile, hidden: Array<[number, number]>): LectureTrees['urls'] {
  const shownAt = new Set(urls.map(({ node }) => node.position?.start?.offset));
  const shownUrls = new Set(urls.map(({ url }) => url));
  const onHiddenSlide = (offset: number | undefined) => offset !== undefined && hidden.some(([start, end]) => offset >= start && offset < end);
  const added = (file.data.sourceLinks ?? [])
    .filter((link) => !onHiddenSlide(link.position?.start.offset))
    .filter((link) => (link.definition ? !shownUrls.has(link.url) : !shownAt.has(link.position?.start.offset)))
    .map((link) => ({ url: link.url, node: { type: 'element' as const, tagName: link.tagName, properties: { [link.tagName === 'a' ? 'href' : 'src']: link.url }, children: [], position: link.position } }));
  return [...urls, ...added];
}

