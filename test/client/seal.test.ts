import { describe, expect, test } from 'vitest';
import { answerHash, blankKey, explanationKey, feedbackKey, normaliseAnswer, openToken, orderHash, seal, tokenText, unseal } from '../../src/client/seal.js';

describe('quiz sealing', () => {
  test('sealed text opens with its key only', () => {
    const key = explanationKey('salt', [2, 0]);
    const sealed = seal('<p>Layers are cached</p>', key);
    expect(sealed).not.toContain('Layers');
    expect(unseal(sealed, explanationKey('salt', [0, 2]))).toBe('<p>Layers are cached</p>');
    expect(unseal(sealed, explanationKey('salt', [0]))).toBeUndefined();
    expect(unseal(sealed, explanationKey('other', [0, 2]))).toBeUndefined();
  });

  test('unicode survives', () => {
    const key = feedbackKey('s', 1);
    expect(unseal(seal('Größe ✓ 日本', key), key)).toBe('Größe ✓ 日本');
  });

  test('answer hashes depend on salt and option', () => {
    expect(answerHash('a', 1)).toMatch(/^[0-9a-f]{64}$/);
    expect(answerHash('a', 1)).not.toBe(answerHash('a', 2));
    expect(answerHash('a', 1)).not.toBe(answerHash('b', 1));
  });

  test('a blank opens its token for each accepted answer, whatever the case and extra whitespace, and for nothing else', () => {
    const token = tokenText('0123456789abcdef0123456789abcdef');
    const sealed = ['Standard output', 'stdout'].map((answer) => seal(token, blankKey('salt', 1, answer)));
    expect(sealed.join(' ')).not.toMatch(/std|output|0123/i);
    expect(openToken(sealed, 'salt', 1, '  STANDARD   output ')).toBe(token);
    expect(openToken(sealed, 'salt', 1, 'Stdout')).toBe(token);
    expect(openToken(sealed, 'salt', 0, 'stdout')).toBeUndefined();
    expect(openToken(sealed, 'other', 1, 'stdout')).toBeUndefined();
    // A wrong answer that happens to open a seal's one-byte marker still fails the token's own check.
    let accepted = 0;
    for (let guess = 0; guess < 2000; guess++) if (openToken(sealed, 'salt', 1, `guess ${guess}`)) accepted++;
    expect(accepted).toBe(0);
  });

  test('answers are compared without case, extra whitespace or Unicode form differences', () => {
    expect(normaliseAnswer('  Caf\u0065\u0301  au   LAIT ')).toBe(normaliseAnswer('café au lait'));
  });

  test('an order hash depends on the whole order', () => {
    expect(orderHash('s', [2, 0, 1])).not.toBe(orderHash('s', [0, 2, 1]));
    expect(orderHash('s', [2, 0, 1])).toBe(orderHash('s', [2, 0, 1]));
  });
});
