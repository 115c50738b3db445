import { describe, expect, test } from 'vitest';
import { parseAttributes } from '../../src/mdast/parse-attributes.js';

describe('parseAttributes', () => {
  test('reads ids, classes, quoted and unquoted values', () => {
    expect(parseAttributes('{#id .a .b key=value other="two words" third=\'x "y"\'}')).toEqual({
      id: 'id',
      classes: ['a', 'b'],
      values: { key: 'value', other: 'two words', third: 'x "y"' },
    });
  });

  test('reads the unnumbered shorthand and raw formats', () => {
    expect(parseAttributes('{-}')).toEqual({ classes: ['unnumbered'], values: {} });
    expect(parseAttributes('{=html}')).toEqual({ classes: [], values: {}, format: 'html' });
  });

  test('resolves escapes in quoted values', () => {
    expect(parseAttributes('{title="say \\"hi\\""}')?.values.title).toBe('say "hi"');
  });

  test.each(['{{ liquid }}', '{% raw %}', '{a, b}', 'plain', '{unterminated', '{key}', '{.a} trailing'])('%s is not attributes', (value) => {
    expect(parseAttributes(value)).toBeUndefined();
  });
});
