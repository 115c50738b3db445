/**
 * `url(…)` in CSS: what the assets steps read from stylesheets and `style`
 * attributes, quoted or not, spaces around the URL left out; and an
 * unclosed `url(` before a long run of spaces is read in one pass.
 */
import { describe, expect, test } from 'vitest';
import { cssUrls, replaceCssUrls } from '../../src/assets/css-url.js';

describe('url() in CSS', () => {
  test('reads quoted and bare URLs, without the spaces around them', () => {
    const css = `a { background: url(a.png) } b { background: url( "b c.png" ) } c { src: url('d.woff2') format("woff2"), url(  e.ttf  ) }`;
    expect(cssUrls(css)).toEqual(['a.png', 'b c.png', 'd.woff2', 'e.ttf']);
  });

  test('leaves out what is not one URL', () => {
    expect(cssUrls(`url() url("") url("a'b") url("a) url(a"b) url(a(b).png)`)).toEqual([]);
  });

  test('replaces each URL, keeping its quote, and leaves the rest as written', () => {
    const css = `x { background: url( 'a.png' ), url(b.png) } y { content: "url(" }`;
    expect(replaceCssUrls(css, (_whole, quote, url) => `url(${quote}media/${url}${quote})`)).toBe(`x { background: url('media/a.png'), url(media/b.png) } y { content: "url(" }`);
  });

  test('an unclosed url( before a run of spaces has no URL (the old pattern took the fourth power of the run)', () => {
    const style = `background: ${'url('.repeat(2000)}${'\t'.repeat(50_000)}x`;
    expect(cssUrls(style)).toEqual([]);
    expect(replaceCssUrls(style, () => 'changed')).toBe(style);
  });
});
