/**
 * `lecture init`: the files it writes, filled from the flags; nothing
 * overwritten without `--force`; a course that builds and checks clean as it
 * is; and CI files that would deploy it: the YAML parses, every action used
 * is one of GitHub's own with a major version, the jobs run in the order
 * publishing needs, and GitLab's job is `pages` publishing `public/`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { check } from '../../src/check/check.js';
import { ConfigError } from '../../src/config/load.js';
import { build } from '../../src/course/build.js';
import { initCourse } from '../../src/course/init.js';

const folders: string[] = [];
function fresh(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'lecture-init-'));
  folders.push(folder);
  return path.join(folder, 'my-course');
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const expectedFiles = [
  '.github/workflows/publish.yml',
  '.gitignore',
  '.gitlab-ci.yml',
  'README.md',
  'lecture.config.yaml',
  'lectures/01-getting-started/getting-started.md',
  'lectures/01-getting-started/img/pipeline.svg',
  'lectures/02-code-and-math/code-and-math.md',
  'package.json',
];

describe('lecture init', () => {
  test('writes a course: config, lectures, ignores, scripts and CI, filled from the flags', async () => {
    const folder = fresh();
    const result = await initCourse({ folder, title: 'Networks: "the basics"', author: 'Ada Lovelace', lang: 'fr', version: '1.2.3' });
    expect(result.files).toEqual(expectedFiles);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'my-course', private: true, devDependencies: { 'lecture-cli': '^1.2.3' } });
    expect(manifest.scripts).toEqual({ build: 'lecture build', serve: 'lecture serve --open', pdf: 'lecture pdf', check: 'lecture check' });
    const config = parse(readFileSync(path.join(folder, 'lecture.config.yaml'), 'utf8'));
    expect(config).toMatchObject({ title: 'Networks: "the basics"', lang: 'fr', output: { singleFile: true }, publish: { notes: true } });
    expect(readFileSync(path.join(folder, 'lecture.config.yaml'), 'utf8')).toMatch(/^# /m);
    const lecture = readFileSync(path.join(folder, 'lectures/02-code-and-math/code-and-math.md'), 'utf8');
    expect(lecture).toContain('author: "Ada Lovelace"');
    expect(lecture).toContain('lang: fr');
    expect(readFileSync(path.join(folder, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['dist/', '.lecture-cache/', 'quiz-keys/', 'node_modules/']));
  });

  test('refuses to overwrite, listing the files and writing nothing; --force overwrites', async () => {
    const folder = fresh();
    await initCourse({ folder, version: '1.0.0' });
    writeFileSync(path.join(folder, 'README.md'), 'mine');
    rmSync(path.join(folder, 'lecture.config.yaml'));
    const error = await initCourse({ folder, version: '1.0.0' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    // The user's README is theirs to keep, not a reason to refuse.
    expect((error as Error).message).toMatch(/would overwrite `\.github\/workflows\/publish\.yml`, /);
    expect((error as Error).message).not.toContain('README.md');
    expect((error as Error).message).toContain('--force');
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(folder, 'lecture.config.yaml'))).toBe(false);
    await initCourse({ folder, version: '1.0.0', force: true });
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).not.toBe('mine');
    await expect(initCourse({ folder: fresh(), lang: 'not a language', version: '1.0.0' })).rejects.toThrow(/--lang/);
  });

  test('in a folder that is already a project, joins its package.json and .gitignore and keeps its README', async () => {
    const folder = fresh();
    mkdirSync(folder);
    // What `npm init -y` and `npm install -D lecture-cli` leave, with a build script of the user's own.
    const theirs = { name: 'course', version: '1.0.0', scripts: { test: 'echo none', build: 'make slides' }, devDependencies: { 'lecture-cli': '^0.9.0' }, license: 'ISC' };
    writeFileSync(path.join(folder, 'package.json'), JSON.stringify(theirs, null, 4));
    writeFileSync(path.join(folder, '.gitignore'), 'node_modules/\n*.log');
    writeFileSync(path.join(folder, 'README.md'), '# My course\n');
    const result = await initCourse({ folder, version: '1.0.0' });
    expect(result.joined).toEqual(['package.json', '.gitignore']);
    expect(result.kept).toEqual(['README.md']);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    expect(manifest).toEqual({ ...theirs, scripts: { test: 'echo none', build: 'make slides', serve: 'lecture serve --open', pdf: 'lecture pdf', check: 'lecture check' } });
    expect(readFileSync(path.join(folder, 'package.json'), 'utf8')).toMatch(/^ {4}"name"/m);
    const ignored = readFileSync(path.join(folder, '.gitignore'), 'utf8').split('\n');
    expect(ignored.slice(0, 2)).toEqual(['node_modules/', '*.log']);
    expect(ignored.filter((line) => line === 'node_modules/')).toHaveLength(1);
    expect(ignored).toEqual(expect.arrayContaining(['dist/', '.lecture-cache/', 'quiz-keys/']));
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toBe('# My course\n');
    // A second run finds its own files: refused, the user's package.json untouched.
    await expect(initCourse({ folder, version: '1.0.0' })).rejects.toThrow(/would overwrite `\.github/);
    expect(JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'))).toEqual(manifest);
  });

  test('a package.json that is not JSON is refused, not rewritten', async () => {
    const folder = fresh();
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'package.json'), '{ broken');
    await expect(initCourse({ folder, version: '1.0.0' })).rejects.toThrow(/would overwrite `package\.json`/);
    expect(readFileSync(path.join(folder, 'package.json'), 'utf8')).toBe('{ broken');
  });

  test('the course builds and checks with no problem at all', async () => {
    const folder = fresh();
    await initCourse({ folder, version: '1.0.0' });
    const built = await build({ root: folder, fit: false });
    expect(built.failed).toBe(false);
    expect(built.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))).toEqual([]);
    expect(built.decks.map((deck) => deck.slug)).toEqual(['01-getting-started', '02-code-and-math']);
    for (const deck of built.decks) expect(existsSync(path.join(folder, 'dist', deck.slug, `${deck.slug}.html`))).toBe(true);
    const checked = await check({ root: folder, overrides: { check: { offline: true } } });
    expect(checked.files.flatMap((file) => file.messages.map((message) => `${file.path}: ${message.reason}`))).toEqual([]);
  }, 120_000);
});

/** GitHub's own actions a publishing workflow may use. */
const official = /^(actions\/(checkout|setup-node|cache|upload-artifact|download-artifact|configure-pages|upload-pages-artifact|deploy-pages)|github\/codeql-action\/upload-sarif)@v\d+$/;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  id?: string;
}
interface Job {
  needs?: string | string[];
  steps: Step[];
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  environment?: { name: string };
  outputs?: Record<string, string>;
}

describe('the CI files lecture init writes', async () => {
  const folder = fresh();
  await initCourse({ folder, version: '1.0.0' });
  const workflow = parse(readFileSync(path.join(folder, '.github/workflows/publish.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, Job>; permissions: Record<string, string> };
  const gitlab = parse(readFileSync(path.join(folder, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script?: string[]; artifacts?: { paths: string[] }; stage?: string; rules?: unknown[] }>;

  test('every action is one of GitHub\'s own, at a major version', () => {
    const used = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect(used.length).toBeGreaterThan(10);
    for (const action of used) expect(action).toMatch(official);
    for (const job of Object.values(workflow.jobs)) for (const step of job.steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
  });

  test('check with annotations (SARIF on request), PDFs in a planned matrix, then the PDFs gathered and deployed to Pages', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch']));
    const { check, plan, pdf, publish } = workflow.jobs;
    const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : [`uses ${step.uses!.split('@')[0]}`]));
    expect(runs(check!)).toEqual(expect.arrayContaining(['npm ci', 'npx lecture check --format github', 'npx lecture check --format sarif --output lecture.sarif', 'uses github/codeql-action/upload-sarif']));
    expect(check!.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))!.if).toContain("vars.LECTURE_SARIF == 'true'");
    expect(check!.steps.find((step) => step.uses?.startsWith('actions/cache'))!.with!.path).toBe('.lecture-cache');
    expect(plan!.outputs!.shards).toContain('steps.plan.outputs.shards');
    expect(runs(plan!)).toContain('echo "shards=$(npx lecture pdf --shards)" >> "$GITHUB_OUTPUT"');
    expect(pdf!.needs).toBe('plan');
    expect(pdf!.strategy!.matrix.shard).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    expect(runs(pdf!)).toContain('npx lecture pdf --shard ${{ matrix.shard }}');
    expect(pdf!.steps.at(-1)).toMatchObject({ uses: 'actions/upload-artifact@v4', with: { path: 'dist/**/*.pdf' } });
    expect(publish!.needs).toEqual(['check', 'pdf']);
    expect(publish!.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(publish!.environment!.name).toBe('github-pages');
    expect(runs(publish!)).toEqual([
      'uses actions/checkout',
      'uses actions/setup-node',
      'npm ci',
      'uses actions/cache',
      'npx lecture build',
      'uses actions/download-artifact',
      'npx lecture build',
      'uses actions/configure-pages',
      'uses actions/upload-pages-artifact',
      'uses actions/deploy-pages',
    ]);
    expect(publish!.steps.find((step) => step.uses?.startsWith('actions/download-artifact'))!.with).toMatchObject({ pattern: 'pdfs-*', 'merge-multiple': true, path: 'dist' });
    expect(publish!.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))!.with).toMatchObject({ path: 'dist' });
  });

  test('GitLab: the job that publishes is `pages`, publishing `public/` from the default branch', () => {
    expect(gitlab.pages).toBeDefined();
    expect(gitlab.pages!.artifacts!.paths).toEqual(['public']);
    expect(gitlab.pages!.script).toContain('npx lecture pdf --out public');
    expect(JSON.stringify(gitlab.pages!.rules)).toContain('$CI_DEFAULT_BRANCH');
    expect(gitlab.check!.script).toContain('npx lecture check');
  });
});
