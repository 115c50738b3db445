/**
 * Media in the print document: a video with a poster prints the poster, one
 * without waits for its first frame (named in the deck's language in case it
 * cannot load), audio and embedded documents print a box naming them.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { printDocument } from '../../src/export/print/document.js';

const deck = (lang: string) =>
  fromHtml(
    `<!doctype html><html lang="${lang}"><head><title>Media</title></head><body><div class="reveal"><div class="slides"><section class="slide">` +
      '<video src="../_media/a.webm" controls aria-label="The clip"></video>' +
      '<video src="../_media/b.mp4" poster="../_media/poster.png" controls style="width: 50%"></video>' +
      '<audio src="../_media/talk.mp3" controls></audio>' +
      '<embed src="docs/paper.pdf" type="application/pdf" aria-label="The paper" style="height: 300px">' +
      '</section></div></div></body></html>',
  );

const options = { width: 960, height: 700, fragments: false, notes: 'none', notesHeight: 350, pageNumbers: false } as const;

test('posters, first frames and labelled boxes, in the deck’s language', () => {
  const html = toHtml(printDocument(deck('de'), options).tree);
  expect(html).toContain('<img class="print-poster" src="../_media/poster.png" alt="b.mp4" style="width: 50%">');
  expect(html).toMatch(/<video src="\.\.\/_media\/a\.webm" aria-label="The clip" preload="auto" muted data-print-kind="Video" class="print-video">/);
  expect(html).toContain('<span class="print-media"><span class="print-media-kind">Audio</span> talk.mp3</span>');
  expect(html).toContain('<span class="print-media" style="height: 300px"><span class="print-media-kind">Dokument</span> The paper</span>');
});

test('the course’s own strings win', () => {
  const html = toHtml(printDocument(deck('fr'), { ...options, strings: { 'media.document': 'Article' } }).tree);
  expect(html).toContain('data-print-kind="Vidéo"');
  expect(html).toContain('<span class="print-media-kind">Article</span> The paper');
});
