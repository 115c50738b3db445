/**
 * How quiz answers stay out of the page: the build stores salted SHA-256
 * hashes of the correct options and of the right order (enough to check an
 * answer, not to read it), seals a secret token for each blank under each
 * answer it accepts, and seals per-option feedback and the explanation with
 * a SHA-256 keystream. The explanation's key derives from the right answer
 * itself, so it opens only for the right answer. Shared, unchanged, by the
 * build (Node) and the quiz plugin (browser; no WebCrypto needed, which
 * plain-HTTP pages lack).
 *
 * This keeps answers from being read; it cannot keep them from being found:
 * the salt is in the page, so trying every option (or order, or a list of
 * likely words) against the hashes gives the answer away to a determined
 * student. Only a server-side check keeps a key secret.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils';

/** The hash that marks option `index` of a quiz as correct. */
export function answerHash(salt: string, index: number): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}\nanswer\n${index}`)));
}

/** The key that opens the explanation: only the right set of options yields it. */
export function explanationKey(salt: string, correct: number[]): Uint8Array {
  const chosen = [...correct].sort((a, b) => a - b).join(',');
  return sha256(utf8ToBytes(`${salt}\nexplanation\n${chosen}`));
}

/** The key that opens option `index`'s feedback once it is chosen. */
export function feedbackKey(salt: string, index: number): Uint8Array {
  return sha256(utf8ToBytes(`${salt}\nfeedback\n${index}`));
}

function keystream(key: Uint8Array, length: number): Uint8Array {
  const blocks: Uint8Array[] = [];
  for (let counter = 0; blocks.length * 32 < length; counter++) {
    blocks.push(sha256(concatBytes(key, utf8ToBytes(String(counter)))));
  }
  return concatBytes(...blocks).subarray(0, length);
}

function xor(data: Uint8Array, key: Uint8Array): Uint8Array {
  const stream = keystream(key, data.length);
  return data.map((byte, index) => byte ^ stream[index]!);
}

/** Marks a correctly opened seal. */
const marker = '\u0001';

/** Seal `text` (UTF-8) with `key`, as base64. */
export function seal(text: string, key: Uint8Array): string {
  let binary = '';
  for (const byte of xor(utf8ToBytes(marker + text), key)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Open what `seal` sealed, or `undefined` when `key` is not the one it was sealed with. */
export function unseal(sealed: string, key: Uint8Array): string | undefined {
  const bytes = Uint8Array.from(atob(sealed), (character) => character.charCodeAt(0));
  const text = new TextDecoder().decode(xor(bytes, key));
  return text.startsWith(marker) ? text.slice(marker.length) : undefined;
}

/** An answer as it is compared: Unicode-normalised, case folded, whitespace trimmed and collapsed. */
export function normaliseAnswer(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The key that opens blank `blank`'s token when `answer` is one it accepts. */
export function blankKey(salt: string, blank: number, answer: string): Uint8Array {
  return sha256(utf8ToBytes(`${salt}\nblank\n${blank}\n${normaliseAnswer(answer)}`));
}

const tokenPattern = /^blank:[0-9a-f]{32}$/;

/** What is sealed under each accepted answer of a blank: its token, recognisable when opened. */
export function tokenText(token: string): string {
  return `blank:${token}`;
}

/** The token of a blank, if `answer` opens one of its `sealed` tokens. */
export function openToken(sealed: string[], salt: string, blank: number, answer: string): string | undefined {
  const key = blankKey(salt, blank, answer);
  for (const item of sealed) {
    const opened = unseal(item, key);
    if (opened && tokenPattern.test(opened)) return opened;
  }
  return undefined;
}

/** The key that opens a fill-in question's explanation: only the tokens of every blank yield it. */
export function fillExplanationKey(salt: string, tokens: string[]): Uint8Array {
  return sha256(utf8ToBytes(`${salt}\nexplanation\nfill\n${tokens.join(',')}`));
}

/** The hash that marks `sequence` (items' shown positions, in the order given) as the right order. */
export function orderHash(salt: string, sequence: number[]): string {
  return bytesToHex(sha256(utf8ToBytes(`${salt}\norder\n${sequence.join(',')}`)));
}

/** The key that opens an ordering question's explanation: only the right order yields it. */
export function orderExplanationKey(salt: string, sequence: number[]): Uint8Array {
  return sha256(utf8ToBytes(`${salt}\nexplanation\norder\n${sequence.join(',')}`));
}
