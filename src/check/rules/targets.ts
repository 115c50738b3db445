/**
 * Every URL written in a lecture's rendered slides, in document order, with
 * the element holding it: markdown links and images, raw HTML attributes,
 * slide backgrounds and CSS `url()`. The rules read this one list.
 */
import { visit } from 'unist-util-visit';
import { urlsOf } from '../../assets/references.js';
import type { CheckedLecture, Target } from '../types.js';

const targets = new WeakMap<CheckedLecture, Target[]>();

/** The URLs of `lecture` (computed once). */
export function targetsOf(lecture: CheckedLecture): Target[] {
  let found = targets.get(lecture);
  if (!found) {
    found = [];
    const list = found;
    visit(lecture.hast, 'element', (node) => {
      for (const { url } of urlsOf(node)) list.push({ url, node, lecture });
    });
    targets.set(lecture, found);
  }
  return found;
}

/** Whether `url` is an http(s) URL. */
export function isRemote(url: string): boolean {
  return /^https?:\/\//i.test(url.trim());
}
