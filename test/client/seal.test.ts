import { describe, expect, test } from 'vitest';
import { answerHash, explanationKey, feedbackKey, seal, unseal } from '../../src/client/seal.js';

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
});
