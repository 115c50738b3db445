/**
 * A fingerprint of the finished page, so a PDF can say which version of its
 * deck it was printed from (`course/downloads.ts` links only PDFs of the
 * deck as it is now). It hashes what the page shows, and nothing the quiz
 * secret decides: the seals (salts, hashed answers, sealed feedback) and the
 * shuffled order of ordering questions are left out, so two builds of the
 * same lecture on two machines — a CI job exporting PDFs and the job
 * publishing them — agree. Everything hashed is in the public page, so the
 * fingerprint tells nobody more than the page does.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { classList } from './properties.js';

/** Properties whose values the quiz secret decides. */
const sealed = new Set(['dataSalt', 'dataAnswers', 'dataTokens', 'dataFeedback', 'dataExplanation', 'dataIndex']);

/** Rehype plugin: set `file.data.fingerprint`. */
export function fingerprint() {
  return (tree: Root, file: VFile): undefined => {
    const hash = createHash('sha256');
    for (const child of tree.children) feed(hash, child);
    file.data.fingerprint = hash.digest('hex').slice(0, 32);
  };
}

function feed(hash: Hash, node: RootContent): void {
  if (node.type === 'element') feedElement(hash, node);
  else if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') hash.update(`${node.type}\u0000${node.value}\u0000`);
  else if (node.type === 'doctype') hash.update('doctype\u0000');
}

function feedElement(hash: Hash, node: Element): void {
  hash.update(`<${node.tagName}`);
  for (const key of Object.keys(node.properties).sort()) {
    if (!sealed.has(key)) hash.update(` ${key}=${JSON.stringify(node.properties[key])}`);
  }
  hash.update('>');
  // An ordering question's items are shuffled by the secret and lettered in that order: hash them as a set.
  if (node.tagName === 'ol' && classList(node.properties.className).includes('quiz-order-items')) {
    const items = node.children.map((child) => {
      const itemHash = createHash('sha256');
      feed(itemHash, withoutLetters(child));
      return itemHash.digest('hex');
    });
    hash.update(items.sort().join(','));
  } else for (const child of node.children) feed(hash, child);
  hash.update(`</${node.tagName}>`);
}

function withoutLetters(node: RootContent): RootContent {
  if (node.type !== 'element') return node;
  if (classList(node.properties.className).includes('quiz-letter')) return { ...node, children: [] };
  return { ...node, children: node.children.map((child) => withoutLetters(child) as Element) };
}
