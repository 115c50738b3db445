import { describe, expect, test } from 'vitest';
import { IdRegistry, slugify } from '../../src/mdast/slug.js';

describe('slugify (Pandoc auto identifiers)', () => {
  test.each([
    ['Heading identifiers in HTML', 'heading-identifiers-in-html'],
    ['Maître d\'hôtel', 'maître-dhôtel'],
    ['*Dogs*?--in *my* house?', 'dogs--in-my-house'],
    ['[HTML], [S5], or [RTF]?', 'html-s5-or-rtf'],
    ['3. Applications', 'applications'],
    ['33', ''],
    ['Layers & caching!', 'layers-caching'],
    ['v1.2_final-draft', 'v1.2_final-draft'],
  ])('%s → %s', (text, id) => {
    expect(slugify(text)).toBe(id);
  });

  test('a registry makes derived ids unique and refuses ids taken twice', () => {
    const registry = new IdRegistry();
    expect(registry.derive('Intro')).toBe('intro');
    expect(registry.derive('Intro')).toBe('intro-1');
    expect(registry.derive('33')).toBe('section');
    expect(registry.claim('intro-2')).toBe(true);
    expect(registry.derive('Intro')).toBe('intro-3');
    expect(registry.claim('intro')).toBe(false);
  });
});
