/**
 * How quiz answers stay out of the page: the build stores salted SHA-256
 * hashes of the correct options (enough to check an answer, not to read it),
 * and seals per-option feedback and the explanation with a SHA-256
 * keystream. The explanation's key derives from the correct answer itself,
 * so it opens only for the right answer. Shared, unchanged, by the build
 * (Node) and the quiz plugin (browser; no WebCrypto needed, which plain-HTTP
 * pages lack).
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
