/**
 * Deck pages are read back (for fitting and printing) without source
 * positions, which cost a third of the parse; the tree is otherwise the one
 * `hast-util-from-html` gives, for everything a built page holds.
 */
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import { parsePage } from '../../src/render/parse-page.js';

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Deck &amp; notes</title>
<link rel="stylesheet" href="../_assets/themes/lecture.css"><style>.x > p { color: red }</style></head>
<body><noscript><p>Needs JavaScript</p></noscript>
<div class="reveal"><div class="slides">
<section id="intro" data-background-color="#fff"><h2>Intro</h2><p>A&nbsp;b &lt; c <em>d</em><br>e</p>
<aside class="notes"><p>Say hi</p></aside></section>
<section><table><tr><td>1</td></tr></table><svg viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
<span class="katex"><math><mi>x</mi></math></span><template><p>later</p></template><!-- a comment --></section>
</div></div><script src="../_assets/reveal/reveal.js"></script></body></html>`;

const withoutPositions = (tree: unknown) => JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));

describe('parsePage', () => {
  test('gives the tree hast-util-from-html gives, without positions', () => {
    const tree = parsePage(page);
    expect(JSON.stringify(tree)).not.toContain('"position"');
    expect(withoutPositions(tree)).toBe(withoutPositions(fromHtml(page)));
  });
});
