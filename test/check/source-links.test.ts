/**
 * Every link the source has is checked, wherever the build puts its text: a
 * course page's `Instructor: [Name](link)` line becomes the title slide's
 * author and leaves the slides, a link definition may be referenced nowhere,
 * and a link in speaker notes is only in the notes; each is still checked
 * at its line, and a link shown in the slides is reported once.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fixturesRoot } from '../helpers/fixtures.js';
import { checkCourse, messageLines, removeCourseOf } from './helpers.js';

function course(files: Record<string, string>): string {
  const root = path.join(mkdtempSync(path.join(os.tmpdir(), 'lecture-source-links-')), 'course');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

test('the instructor link of a course page, now the title slide’s author, is checked at its line', async () => {
  const root = course({});
  cpSync(path.join(fixturesRoot, 'dialects/page/input.md'), path.join(root, 'lectures/page.md'));
  try {
    const lines = messageLines(await checkCourse(root)).filter((line) => line.startsWith('page.md:10:'));
    expect(lines).toEqual(['page.md:10:13 warning placeholder-link This link has the placeholder `link`; put in the real address or remove it']);
  } finally {
    removeCourseOf(root);
  }
});

test('a definition referenced nowhere and a link in the notes are checked; a link on a slide once', async () => {
  const root = course({ 'lectures/deck.md': '## Slide\n\n[Shown](TODO)\n\n::: notes\n[In the notes](TODO)\n:::\n\n[unused]: about:blank\n' });
  try {
    const lines = messageLines(await checkCourse(root)).filter((line) => line.includes('placeholder-link'));
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['deck.md:3:1', 'deck.md:6:1', 'deck.md:9:1']);
  } finally {
    removeCourseOf(root);
  }
});
