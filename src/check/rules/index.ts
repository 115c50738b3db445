/**
 * The checker's rules, in the order they run, and the severities they have in
 * `lecture check` unless the config's `rules` says otherwise. Rules the
 * parser itself reports (fences, front matter, duplicate ids, quizzes) and
 * the local-file rules come from the build's own pipeline.
 */
import type { RuleSetting } from '../../config/schema.js';
import { rules } from '../../diagnostics.js';
import type { LectureTrees, MessageSource } from '../types.js';
import { checkAnchors } from './anchors.js';
import { checkRawHtml } from './html.js';
import { checkPlaceholderLinks, checkTodoText } from './placeholders.js';
import { checkAltText, checkEmptySlides } from './structure.js';

/** Rules that look at one lecture alone. */
export const lectureRules: ReadonlyArray<(lecture: LectureTrees) => void> = [checkPlaceholderLinks, checkTodoText, checkAltText, checkEmptySlides, checkRawHtml];

/** Rules that need the whole course (links between decks). */
export const courseRules: readonly MessageSource[] = [checkAnchors];

/**
 * Severities in `lecture check`: a target that is not there breaks the deck
 * for students, so it is an error here even where the build only warns.
 */
export const checkSeverities: Readonly<Record<string, RuleSetting>> = {
  [rules.missingFile]: 'error',
  [rules.caseMismatch]: 'error',
  [rules.outsideCourse]: 'error',
  [rules.missingAnchor]: 'error',
  [rules.deadLink]: 'error',
};
