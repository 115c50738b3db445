/**
 * Placeholders left in a lecture: links and sources that point nowhere
 * (`[Name](link)`, `src="TODO"`, `#`, `about:blank`, `example.com`) and
 * `TODO` / `FIXME` in text shown on a slide.
 *
 * ok:     `[Docker docs](https://docs.docker.com)`, `# TODO` inside a code block, TODO in speaker notes
 * not ok: `[Name](link)`, `<img src="TODO">`, `[Answers](https://example.org/answers)`, "TODO: add diagram"
 */
import type { ElementContent, Root } from 'hast';
import { visitParents } from 'unist-util-visit-parents';
import { location } from 'vfile-location';
import { report, rules } from '../../diagnostics.js';
import type { LectureTrees } from '../types.js';

const placeholderWords = new Set(['', '#', 'link', 'url', 'todo', 'tbd', 'fixme', 'xxx', '...', 'about:blank', 'javascript:void(0)', 'javascript:;']);

/** Whether `url` is a placeholder rather than a real target. */
export function isPlaceholder(url: string): boolean {
  const value = url.trim().toLowerCase();
  if (placeholderWords.has(value)) return true;
  return /^(https?:)?\/\/([a-z0-9-]+\.)*example\.(com|org|net)(:\d+)?([/?#]|$)/.test(value);
}

/** Report every placeholder link or source of `lecture`. */
export function checkPlaceholderLinks(lecture: LectureTrees): void {
  for (const { url, node } of lecture.urls) {
    if (!isPlaceholder(url)) continue;
    const shown = url.trim() === '' ? 'an empty target' : `the placeholder \`${url.trim()}\``;
    report(lecture.file, `This ${node.tagName === 'a' ? 'link' : `\`<${node.tagName}>\``} has ${shown}; put in the real address or remove it`, rules.placeholderLink, node);
  }
}

/** Elements whose text is not shown as slide prose: notes, code, scripts. */
function isHidden(node: ElementContent | Root): boolean {
  if (node.type !== 'element') return false;
  const classes = node.properties.className;
  return ['code', 'pre', 'script', 'style', 'template'].includes(node.tagName) || (node.tagName === 'aside' && Array.isArray(classes) && classes.includes('notes'));
}

const todo = /\b(TODO|FIXME)\b/;

/** Report `TODO` / `FIXME` left in text shown on a slide, once per text node. */
export function checkTodoText(lecture: LectureTrees): void {
  const source = String(lecture.file.value);
  const place = location(lecture.file);
  visitParents(lecture.hast, 'text', (node, ancestors) => {
    const match = todo.exec(node.value);
    if (!match || ancestors.some(isHidden)) return;
    // A node made by a transform may carry a position without its points.
    const written = node.position?.start && node.position.end ? node.position : undefined;
    const start = written?.start.offset;
    // Point at the word itself when the text is the source as written (no escapes in between).
    const offset = start !== undefined && source.slice(start + match.index, start + match.index + match[1]!.length) === match[1] ? start + match.index : undefined;
    const point = offset === undefined ? undefined : place.toPoint(offset);
    const position = point ? { start: point, end: { ...point, column: point.column + match[1]!.length, offset: offset! + match[1]!.length } } : written;
    report(lecture.file, `\`${match[1]}\` left in slide text; finish it or move it to the speaker notes (\`::: notes\`)`, rules.todoText, { position });
  });
}
