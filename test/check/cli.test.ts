/**
 * The compiled `lecture check` command: report formats, SARIF valid against
 * the SARIF 2.1.0 schema, severities from the config, and exit codes 0 / 1 / 2.
 * (`npm test` compiles first.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fixturesRoot } from '../helpers/fixtures.js';
import { courseFrom, removeCourseOf } from './helpers.js';
import { useServer } from './server.js';
import { runLecture } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { default: Ajv } = require('ajv-draft-04') as typeof import('ajv-draft-04');

async function lecture(cwd: string, ...args: string[]) {
  const flags = args.includes('--online') ? args.filter((arg) => arg !== '--online') : ['--offline', ...args];
  return runLecture(cwd, ['check', ...flags], { CI: '' });
}

const roots: string[] = [];
function course(rule: string, kind: 'ok' | 'not-ok', config?: object): string {
  const root = courseFrom(path.join(fixturesRoot, 'check', 'rules', rule, kind), config);
  roots.push(root);
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) removeCourseOf(root);
});

const server = useServer();

describe('lecture check', () => {
  test('exit 0 and a short note on a clean course', async () => {
    const result = await lecture(course('missing-file', 'ok'));
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'No problems in 1 lecture\n' });
  });

  test('exit 1 with a human report when there are errors; exit 0 with warnings only', async () => {
    const failing = await lecture(course('missing-file', 'not-ok'));
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/^lectures\/lecture\.md\n\s*3:1-3:30\s+error\s+Cannot find image `img\/layer\.svg`; did you mean `img\/layers\.svg`\?\s+missing-file\s+lecture$/m);
    expect((await lecture(course('todo-text', 'not-ok'))).code).toBe(0);
  });

  test('severities come from the config: off, warn, error', async () => {
    const off = await lecture(course('missing-file', 'not-ok', { rules: { 'missing-file': 'off' } }));
    expect(off).toMatchObject({ code: 0, stderr: 'No problems in 1 lecture\n' });
    const warn = await lecture(course('missing-file', 'not-ok', { rules: { 'missing-file': 'warn' } }));
    expect(warn.code).toBe(0);
    expect(warn.stderr).toContain('warning');
    const error = await lecture(course('todo-text', 'not-ok', { rules: { 'todo-text': 'error' } }));
    expect(error.code).toBe(1);
  });

  test('exit 2 for usage and config errors', async () => {
    const root = course('missing-file', 'ok');
    expect((await lecture(root, '--format', 'xml')).code).toBe(2);
    expect((await lecture(root, '--ofline')).stderr).toContain('did you mean `--offline`?');
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ rules: { 'missing-fil': 'off' } }));
    const config = await lecture(root);
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('Unknown rule `missing-fil`; did you mean `missing-file`?');
  });

  test('--format json lists every message with its position', async () => {
    const result = await lecture(course('case-mismatch', 'not-ok'), '--format', 'json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ path: 'lectures/lecture.md', line: 3, column: 1, severity: 'error', ruleId: 'case-mismatch' }),
      expect.objectContaining({ path: 'lectures/lecture.md', line: 5, column: 1, severity: 'error', ruleId: 'case-mismatch' }),
    ]);
  });

  test('--format github writes workflow annotations', async () => {
    const result = await lecture(course('todo-text', 'not-ok'), '--format', 'github');
    expect(result.stdout.split('\n')[0]).toBe('::warning file=lectures/lecture.md,line=3,col=1,endLine=3,endColumn=5,title=lecture%3A todo-text::`TODO` left in slide text; finish it or move it to the speaker notes (`::: notes`)');
  });

  test('--format sarif is valid SARIF 2.1.0', async () => {
    const root = course('missing-anchor', 'not-ok');
    const output = path.join(root, 'report.sarif');
    const result = await lecture(root, '--format', 'sarif', '--output', output);
    expect(result.code).toBe(1);
    const log = JSON.parse(readFileSync(output, 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(path.dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
        expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results).toHaveLength(4);
    expect(log.runs[0].results[0]).toMatchObject({
      ruleId: 'missing-anchor',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'lectures/lecture.md' }, region: { startLine: 3, startColumn: 5 } } }],
    });
  });

  test('checks remote links (lectures parsed in a worker meanwhile), and reuses the cache on a rerun', async () => {
    const root = course('missing-file', 'ok');
    writeFileSync(path.join(root, 'lectures', 'links.md'), `## Links\n\n[ok](${server.origin}/ok?cli) and [missing](${server.origin}/missing?cli)\n`);
    const first = await lecture(root, '--online', '--format', 'json');
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout)).toEqual([expect.objectContaining({ path: 'lectures/links.md', line: 3, column: 1 + `[ok](${server.origin}/ok?cli) and `.length, ruleId: 'dead-link' })]);
    const asked = server.hits.length;
    const second = await lecture(root, '--online', '--format', 'json');
    expect(second.stdout).toBe(first.stdout);
    expect(server.hits.length).toBe(asked);
    expect((await lecture(root, '--online', '--exclude', `${server.origin}/missing`)).code).toBe(0);
  });
});
