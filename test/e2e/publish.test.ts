/**
 * From nothing to a published course, with the tool as users get it: the
 * package is packed (`npm pack`), installed from the tarball, and `lecture
 * init` makes a course in an empty folder. Its package's scripts then run in
 * order — build, check (offline), pdf, build — and the course page offers
 * every PDF, a ZIP of them all and the single-file decks. Then the GitHub
 * workflow `init` wrote runs here as far as this machine allows: its jobs'
 * `run` steps in order, each job in a fresh copy of the repository (as on a
 * fresh runner), the PDFs exported by a matrix of two jobs and gathered by
 * the publishing job, GitHub's actions stood in for by what they do to the
 * files. (`npm pack` packs `lib/`: run `npm run compile` first; `npm test`
 * does.)
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const repository = path.resolve('.');
const work = mkdtempSync(path.join(os.tmpdir(), 'lecture-e2e-'));
const course = path.join(work, 'course');
/** npm without network beyond the registry: what its cache has is used first. */
const npmFlags = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** Every PDF, single file and ZIP the course page in `dist` links. */
function links(dist: string): string[] {
  return [...readFileSync(path.join(dist, 'index.html'), 'utf8').matchAll(/href="([^"]+\.(?:pdf|zip|html))"/g)].map((match) => match[1]!).filter((href) => !href.endsWith('index.html'));
}

const decks = ['01-getting-started', '02-code-and-math'];
const expectedLinks = ['pdfs.zip', ...decks.flatMap((slug) => [`${slug}/${slug}.pdf`, `${slug}/${slug}-handout.pdf`, `${slug}/${slug}.html`])];

afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000);

describe('npm pack, install, lecture init, then the package scripts', () => {
  beforeAll(async () => {
    const { name } = JSON.parse(readFileSync(path.join(repository, 'package.json'), 'utf8')) as { name: string };
    const packed = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], repository);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = path.join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
    // The tool installed on its own, as `npx lecture-cli init` would run it.
    const tool = path.join(work, 'tool');
    const installed = await run('npm', ['install', ...npmFlags, '--prefix', tool, tarball], work);
    expect(installed.code, installed.stderr).toBe(0);
    const init = await run(path.join(tool, 'node_modules', '.bin', 'lecture'), ['init', course, '--title', 'Networks 101', '--author', 'Ada Lovelace'], work);
    expect(init.code, init.stderr).toBe(0);
    // The course depends on the published name; here, on the tarball just packed.
    const manifest = JSON.parse(readFileSync(path.join(course, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    expect(Object.keys(manifest.devDependencies)).toEqual(['lecture-cli']);
    manifest.devDependencies = { [name]: `file:${tarball}` };
    writeFileSync(path.join(course, 'package.json'), JSON.stringify(manifest, null, 2));
    const dependencies = await run('npm', ['install', ...npmFlags], course);
    expect(dependencies.code, dependencies.stderr).toBe(0);
  }, 600_000);

  test('build, check --offline, pdf and build again pass, and the course page offers every PDF, a ZIP and the single files', async () => {
    for (const [script, ...args] of [['build'], ['check', '--', '--offline'], ['pdf'], ['build']] as string[][]) {
      const result = await run('npm', ['run', '--silent', script!, ...args], course);
      expect(result.code, `npm run ${script}: ${result.stderr}`).toBe(0);
      expect(result.stderr, `npm run ${script}`).not.toMatch(/warning|error/i);
    }
    const dist = path.join(course, 'dist');
    expect(links(dist).sort()).toEqual([...expectedLinks].sort());
    for (const href of expectedLinks) expect(existsSync(path.join(dist, href)), href).toBe(true);
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(path.join(dist, 'pdfs.zip'))))).sort()).toEqual(decks.flatMap((slug) => [`${slug}-handout.pdf`, `${slug}.pdf`]).sort());
    expect(existsSync(path.join(course, 'quiz-keys', '02-code-and-math.json'))).toBe(true);
  }, 300_000);

  test('the GitHub workflow runs here, job by job: check, plan, PDFs in two jobs, gather and publish', async () => {
    // Two lectures, one a job: the matrix has two jobs whose PDFs the publishing job gathers.
    const config = path.join(course, 'lecture.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/shardSize: \d+/, 'shardSize: 1'));
    const workflow = parse(readFileSync(path.join(course, '.github/workflows/publish.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const runner = new Runner(work);
    await runner.job('check', workflow.jobs.check!);
    const { shards } = await runner.job('plan', workflow.jobs.plan!);
    expect(JSON.parse(shards!)).toEqual(['1/2', '2/2']);
    for (const [index, shard] of (JSON.parse(shards!) as string[]).entries()) await runner.job(`pdf-${index}`, workflow.jobs.pdf!, { matrix: { shard }, index });
    expect(runner.artifacts.map((artifact) => readdirSync(artifact, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.pdf')).length)).toEqual([2, 2]);
    await runner.job('publish', workflow.jobs.publish!);
    const site = runner.deployed!;
    expect(links(site).sort()).toEqual([...expectedLinks].sort());
    expect(Object.keys(unzipSync(new Uint8Array(readFileSync(path.join(site, 'pdfs.zip')))))).toHaveLength(4);
    expect(existsSync(path.join(site, '.lecture-decks.json'))).toBe(false);
    expect(readdirSync(site)).not.toContain('quiz-keys');
  }, 600_000);
});

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
  id?: string;
}
interface Job {
  steps: Step[];
}

/**
 * Runs a workflow's jobs on this machine: each job in a fresh copy of the
 * course (its sources only, as `actions/checkout` gives them, with the
 * installed `node_modules` linked in place of `npm ci`), each `run` step in
 * bash, and GitHub's actions replaced by what they do to the files.
 */
class Runner {
  readonly artifacts: string[] = [];
  deployed: string | undefined;
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  async job(name: string, job: Job, context: { matrix?: Record<string, string>; index?: number } = {}): Promise<Record<string, string>> {
    const folder = path.join(this.#root, `job-${name}`);
    const outputs = path.join(this.#root, `job-${name}.output`);
    writeFileSync(outputs, '');
    const values: Record<string, string> = {};
    for (const step of job.steps) {
      if (step.if && /vars\.LECTURE_SARIF/.test(step.if)) continue;
      const expand = (text: string) => text.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, key: string) => context.matrix?.[key] ?? '').replace(/\$\{\{\s*strategy\.job-index\s*\}\}/g, String(context.index ?? 0));
      if (step.run) {
        const result = await run('bash', ['-e', '-c', expand(step.run)], folder, { GITHUB_OUTPUT: outputs, CI: 'true' });
        expect(result.code, `${name}: ${step.run}\n${result.stdout}\n${result.stderr}`).toBe(0);
        continue;
      }
      const [action] = step.uses!.split('@');
      if (action === 'actions/checkout') this.#checkout(folder);
      else if (action === 'actions/upload-artifact') this.artifacts.push(this.#upload(folder, expand(String(step.with!.path)), expand(String(step.with!.name))));
      else if (action === 'actions/download-artifact') for (const artifact of this.artifacts) cpSync(artifact, path.join(folder, String(step.with!.path)), { recursive: true });
      else if (action === 'actions/upload-pages-artifact') this.deployed = path.join(folder, String(step.with!.path));
      else expect(['actions/setup-node', 'actions/cache', 'actions/configure-pages', 'actions/deploy-pages']).toContain(action);
    }
    for (const line of readFileSync(outputs, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) values[line.slice(0, at)] = line.slice(at + 1);
    }
    return values;
  }

  /** The course's sources (what git holds: no output, cache, keys or dependencies), and the dependencies `npm ci` would install. */
  #checkout(folder: string): void {
    rmSync(folder, { recursive: true, force: true });
    const ignored = new Set(['dist', 'public', '.lecture-cache', 'quiz-keys', 'node_modules']);
    cpSync(course, folder, { recursive: true, filter: (source) => !ignored.has(path.relative(course, source).split(path.sep)[0]!) });
    symlinkSync(path.join(course, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  }

  /** The files `pattern` (`dist/**\/*.pdf`) matches, kept below its first wildcard, as upload-artifact keeps them. */
  #upload(folder: string, pattern: string, name: string): string {
    const base = pattern.slice(0, pattern.indexOf('*')).replace(/\/$/, '');
    const target = path.join(this.#root, 'artifacts', name);
    mkdirSync(target, { recursive: true });
    const ending = pattern.slice(pattern.lastIndexOf('*') + 1);
    for (const file of readdirSync(path.join(folder, base), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith(ending)) continue;
      mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
      cpSync(path.join(folder, base, file), path.join(target, file));
    }
    return target;
  }
}
