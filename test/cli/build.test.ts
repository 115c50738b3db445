/**
 * The compiled `lecture` command on temporary copies of a course: what it
 * writes, what it prints, and its exit codes. (`npm test` compiles first.)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { copyCourse, removeCourse } from '../helpers/course.js';
import { runLecture } from '../helpers/cli.js';


async function lecture(cwd: string, ...args: string[]) {
  return runLecture(cwd, args);
}

const courses: string[] = [];
function course(): string {
  const folder = copyCourse('course');
  courses.push(folder);
  return folder;
}

afterEach(() => {
  for (const folder of courses.splice(0)) removeCourse(folder);
});

describe('lecture build', () => {
  test('builds decks, the course page and shared assets, with relative URLs', async () => {
    const root = course();
    const result = await lecture(root, 'build');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built 1 deck \(7 slides\)/);
    const deck = readFileSync(path.join(root, 'dist/01-deck/index.html'), 'utf8');
    const index = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    expect(index).toContain('href="01-deck/index.html"');
    expect(index).toContain('Browser test deck');
    expect(index).toMatch(/7 slides/);
    for (const url of deck.matchAll(/(?:src|href)="([^"]+)"/g)) expect(url[1]).not.toMatch(/^(\/|https?:)/);
    for (const file of ['reveal/reveal.js', 'reveal/plugin/notes.js', 'themes/lecture.css', 'katex/katex.min.css', 'highlight.css']) {
      expect(existsSync(path.join(root, 'dist/_assets', file))).toBe(true);
    }
    expect(readdirSync(path.join(root, 'dist/_media'))).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.svg$/)]);
    expect(existsSync(path.join(root, 'dist/.nojekyll'))).toBe(true);
  });

  test('reads a YAML config file (the bundle loads yaml only when needed)', async () => {
    const root = course();
    writeFileSync(path.join(root, 'lecture.config.yaml'), 'title: Networks from YAML\nout: site\n');
    const result = await lecture(root, 'build', '--no-fit');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(root, 'site/index.html'), 'utf8')).toContain('Networks from YAML');
  });

  test('a missing image is a warning with its position; the deck still builds', async () => {
    const root = course();
    const source = path.join(root, 'lectures/01-deck/deck.md');
    writeFileSync(source, readFileSync(source, 'utf8').replace('img/square.svg', 'img/sqare.svg'));
    const result = await lecture(root, 'build');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/lectures\/01-deck\/deck\.md\n\s*17:1-17:27\s+warning\s+Cannot find image `img\/sqare\.svg`; did you mean `img\/square\.svg`\?\s+missing-file/);
    expect(existsSync(path.join(root, 'dist/01-deck/index.html'))).toBe(true);
  });

  test('one broken lecture never stops the others', async () => {
    const root = course();
    mkdirSync(path.join(root, 'lectures/02-broken'));
    writeFileSync(path.join(root, 'lectures/02-broken/broken.md'), '---\ntitle: [oops\n---\n\n## Slide\n\n:::\n');
    const result = await lecture(root, 'build');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('front-matter');
    expect(result.stderr).toContain('stray-fence');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'dist/01-deck/index.html'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/02-broken/index.html'))).toBe(true);
  });

  test('builds only the lectures named, keeping the others on the course page', async () => {
    const root = course();
    mkdirSync(path.join(root, 'lectures/02-more'));
    writeFileSync(path.join(root, 'lectures/02-more/more.md'), '---\ntitle: More\n---\n\n## One\n\nText.\n');
    expect((await lecture(root, 'build')).code).toBe(0);
    writeFileSync(path.join(root, 'lectures/02-more/more.md'), '---\ntitle: More, edited\n---\n\n## One\n\nText.\n');
    const result = await lecture(root, 'build', 'lectures/02-more');
    expect(result.stdout).toMatch(/Built 1 deck/);
    const index = readFileSync(path.join(root, 'dist/index.html'), 'utf8');
    expect(index).toContain('Browser test deck');
    expect(index).toContain('More, edited');
  });

  test('worker threads build the same decks as one thread', async () => {
    const root = course();
    for (const index of [2, 3, 4, 5]) {
      mkdirSync(path.join(root, `lectures/0${index}-extra`));
      writeFileSync(path.join(root, `lectures/0${index}-extra/extra.md`), `---\ntitle: Extra ${index}\n---\n\n## One\n\n![gone](nope.png)\n`);
    }
    const threaded = await lecture(root, 'build', '--jobs', '2', '--no-cache');
    expect(threaded.code).toBe(0);
    const pages = () => [1, 2, 3, 4, 5].map((index) => readFileSync(path.join(root, `dist/0${index}-${index === 1 ? 'deck' : 'extra'}/index.html`), 'utf8'));
    const fromWorkers = pages();
    const single = await lecture(root, 'build', '--jobs', '0', '--no-cache');
    expect(pages()).toEqual(fromWorkers);
    expect(threaded.stderr).toBe(single.stderr);
    expect(threaded.stderr.match(/missing-file/g)).toHaveLength(4);
    expect(threaded.stdout).toMatch(/Built 5 decks/);
  });

  test('never writes outside its output folder, and refuses to write over the course', async () => {
    const root = course();
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ out: 'lectures' }));
    const result = await lecture(root, 'build');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would overwrite the course/);
    expect(existsSync(path.join(root, 'lectures/index.html'))).toBe(false);
  });

  test('exit 2 with one line for usage and configuration mistakes', async () => {
    const root = course();
    const unknownOption = await lecture(root, 'build', '--outt', 'x');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toBe('lecture: Unknown option `--outt`; did you mean `--out`?\n');
    const missing = await lecture(root, 'build', 'lectures/nope.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('lecture: No such file or folder: `lectures/nope.md`\n');
    const unknownCommand = await lecture(root, 'biuld');
    expect(unknownCommand.code).toBe(2);
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ theme: 'lecture', reveal: { width: '960px' }, colour: 'red' }, null, 2));
    const config = await lecture(root, 'build');
    expect(config.code).toBe(2);
    // Each problem at the line of its key.
    expect(config.stderr).toContain('lecture.config.json:6: Unknown key `colour`');
    expect(config.stderr).toContain('lecture.config.json:4: `reveal.width` must be a number, not text (`960px`)');
  });

  test('exit 1 when a lecture cannot be read (a dangling link)', async () => {
    const root = course();
    const source = path.join(root, 'lectures/01-deck/deck.md');
    renameSync(source, `${source}.bak`);
    symlinkSync('missing-target.md', source);
    const result = await lecture(root, 'build', 'lectures/01-deck');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error\s+Cannot read lecture/);
  });

  test('--help lists the options; --version prints the version', async () => {
    const root = course();
    const help = await lecture(root, 'build', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--out');
    const version = await lecture(root, '--version');
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('--explain prints the dialect of one lecture and why, and builds nothing', async () => {
    const root = course();
    writeFileSync(path.join(root, 'lectures/outline.md'), 'Registries\n\n- store images\n - a private one needs a login\n');
    const result = await lecture(root, 'build', '--explain', 'lectures/outline.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('lectures/outline.md: outline\n  - no headings, but short lines standing alone over lists (slide titles): line 1\n');
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
    writeFileSync(path.join(root, 'lectures/page.md'), '---\nlayout: page\ntitle: Registries\nsubtitel: Where images live\naspectratio: 169\ncourse: CS 101\n---\n\n## One\n\ntext\n');
    const keys = await lecture(root, 'build', '--explain', 'lectures/page.md');
    expect(keys.stderr).toMatch(/4:1-4:1\s+warning\s+Unknown front matter key `subtitel`; did you mean `subtitle`\?\s+front-matter/);
    expect(keys.stdout.split('front matter:\n')[1]).toBe(
      [
        '  - read by lecture: `title`',
        "  - ignored, Jekyll's: `layout`",
        "  - ignored, Beamer's: `aspectratio`",
        '  - not read by lecture (your own; `{{< meta key >}}` shows one): `course`',
        '  - misspelt? `subtitel`: did you mean `subtitle`?',
        '',
      ].join('\n'),
    );
    const missing = await lecture(root, 'build', '--explain', 'lectures/nope.md');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read lecture `lectures/nope.md`: it is not a file');
  });
});
