/**
 * The safety net: an answer mark that no quiz took would show students the
 * answer. After quizzes are recognised and slides cut, every checked
 * task-list item (in a list not all checked: an all-checked list is a
 * checklist), every `.correct` / `.correct-choice` mark, every
 * `data-solution`-like attribute and every naquiz `.button-answer` div left
 * in the deck is reported as `quiz-answer-visible` and hidden: the item is
 * rendered unchecked, the mark and attribute dropped, the div left out.
 * `{.show-answers}` on the slide's heading, on a div around it, or after
 * one of the list's items keeps them, on purpose.
 */
import type { BlockContent, List, Parent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { report, rules } from '../diagnostics.js';
import type { Attributes, Quiz } from '../types.js';

const optOut = 'show-answers';
const markClasses = new Set(['correct', 'correct-choice']);
/** Attributes that hold an answer, a solution or the feedback on one. */
const answerKeys = /^(data-)?(short-)?(solution|answers?|correct|explanation|feedback)$/i;

/** Remark plugin: report and hide answer marks outside quizzes. */
export function hideAnswers() {
  return (tree: Root, file: VFile): undefined => {
    walk(tree, false, file);
  };
}

function attributesOf(node: RootContent): Attributes | undefined {
  if (node.type === 'slide' || node.type === 'fencedDiv' || node.type === 'bracketedSpan') return node.attributes;
  return (node as { data?: { attributes?: Attributes } }).data?.attributes;
}

function walk(parent: Parent, opted: boolean, file: VFile): void {
  parent.children = (parent.children as RootContent[]).filter((node) => {
    if (node.type === 'quiz') {
      // A quiz's options and explanation are sealed; its question and hint are shown as written.
      const question = { type: 'root', children: node.children.filter((child) => child.type !== 'quizOption') } as Parent;
      walk(question, opted, file);
      node.children = [...(question.children as Quiz['children']), ...node.children.filter((child) => child.type === 'quizOption')];
      if (node.hint) {
        const hint = { type: 'root', children: node.hint } as Parent;
        walk(hint, opted, file);
        node.hint = hint.children as BlockContent[];
      }
      return true;
    }
    const attributes = attributesOf(node);
    const here = opted || Boolean(attributes?.classes.includes(optOut)) || (node.type === 'list' && isOptedList(node));
    if (node.type === 'fencedDiv' && node.attributes.classes.includes('button-answer') && !here) {
      report(file, 'This `.button-answer` div is not part of a quiz, so it would show students the answer; it is left out. Put it right after its `.question`, or add `{.show-answers}` to keep it', rules.quizAnswerVisible, node);
      return false;
    }
    if (attributes && !here) hideMarks(node, attributes, file);
    if (node.type === 'list' && !here) uncheck(node, file);
    if ('children' in node) walk(node as Parent, here, file);
    return true;
  });
}

/** `{.show-answers}` after one of the list's items. */
function isOptedList(list: List): boolean {
  return list.children.some((item) => item.data?.attributes?.classes.includes(optOut));
}

function hideMarks(node: RootContent, attributes: Attributes, file: VFile): void {
  const classes = attributes.classes.filter((name) => markClasses.has(name));
  const keys = Object.keys(attributes.values).filter((key) => answerKeys.test(key));
  if (classes.length === 0 && keys.length === 0) return;
  attributes.classes = attributes.classes.filter((name) => !markClasses.has(name));
  for (const key of keys) delete attributes.values[key];
  const marks = [...classes.map((name) => `\`.${name}\``), ...keys.map((key) => `\`${key}\``)].join(', ');
  report(file, `${marks} marks an answer that no quiz option took, so it would show students the answer; it is left out of the page. Put it on a quiz option, or add \`{.show-answers}\` to keep it`, rules.quizAnswerVisible, node);
}

function uncheck(list: List, file: VFile): void {
  const checked = list.children.filter((item) => item.checked === true);
  if (checked.length === 0 || checked.length === list.children.length) return;
  for (const item of checked) {
    item.checked = false;
    report(file, 'A checked item outside any quiz could show students an answer, so it is shown unchecked. For a quiz, put its question right before the list; to keep the checks of a to-do list, add `{.show-answers}` after one of its items', rules.quizAnswerVisible, item);
  }
}
