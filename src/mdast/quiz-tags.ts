/**
 * The remark plugin that registers mkdocs-quiz's tag lines (`<quiz>`,
 * `</quiz>`): the micromark construct, tried before HTML blocks, and the
 * from-markdown handler that makes each a `quizTag` node.
 */
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown';
import { codes } from 'micromark-util-symbol';
import type { Extension } from 'micromark-util-types';
import type { Processor } from 'unified';
import { quizTag } from '../syntax/quiz-tag.js';
import type { QuizTag } from '../types.js';

const syntax: Extension = { flow: { [codes.lessThan]: { ...quizTag, add: 'before' } } };

const fromMarkdown: FromMarkdownExtension = {
  enter: { quizTag: enterQuizTag },
  exit: { quizTag: exitQuizTag },
};

function enterQuizTag(this: CompileContext, token: Token): undefined {
  const node: QuizTag = { type: 'quizTag', kind: this.sliceSerialize(token).includes('/') ? 'close' : 'open' };
  this.enter(node as never, token);
}

function exitQuizTag(this: CompileContext, token: Token): undefined {
  this.exit(token);
}

/** Parse `<quiz>` and `</quiz>` lines as tags of their own. */
export function remarkQuizTags(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(syntax);
  (data.fromMarkdownExtensions ??= []).push(fromMarkdown);
}
