/**
 * The published bundle (`lib/`, made by `scripts/bundle.mjs` before the
 * tests): unist-util-visit-parents is bundled without the visitor naming that
 * cost a quarter of every parse, and nothing else of it is lost; packages
 * loaded with `import()` keep their exports; `lecture check` loads nothing
 * of its report formatters before it starts checking.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const chunks = path.resolve('lib/chunks');
const files = new Map(
  readdirSync(chunks)
    .filter((name) => name.endsWith('.js'))
    .map((name) => [name, readFileSync(path.join(chunks, name), 'utf8')]),
);
const sources = [...files.values()];
const marker = '// node_modules/unist-util-visit-parents/lib/index.js';

describe('bundle', () => {
  test('unist-util-visit-parents is bundled once, with a plain function per node (no named closure)', () => {
    const bundled = sources.filter((source) => source.includes(marker));
    expect(bundled).toHaveLength(1);
    const module = bundled[0]!.slice(bundled[0]!.indexOf(marker)).split('\n// node_modules/')[0]!;
    expect(module).toContain('function visitParents(');
    expect(module).not.toContain('function factory(');
    // esbuild may rename the function (`visit2`).
    expect(module).toMatch(/function visit\w*\(node\w*, index\w*, parents\w*\)/);
    expect(module).not.toMatch(/defineProperty\(visit\w*, ["']name["']/);
  });

  test('every import() of a CommonJS package goes through commonJs(), the only way to its named exports', () => {
    // esbuild gives such a chunk one default export (`export default require_x();`).
    const commonJsChunks = [...files].filter(([, source]) => /^export default require_\w+\(\);$/m.test(source)).map(([name]) => name);
    expect(commonJsChunks.length).toBeGreaterThan(0);
    const unwrapped: string[] = [];
    for (const [name, source] of files) {
      for (const line of source.split('\n')) {
        for (const chunk of commonJsChunks) {
          if (line.includes(`import("./${chunk}")`) && !/commonJs\d*\(await import\(/.test(line)) unwrapped.push(`${name}: ${line.trim()}`);
        }
      }
    }
    expect(unwrapped).toEqual([]);
  });

  test('the check command loads its report formatters only after the check, not at start', () => {
    const importsOf = (source: string) => [...source.matchAll(/^import\s(?:[^;]*?from\s+)?"\.\/([^"]+)"/gm)].map((match) => match[1]!);
    const command = [...files].find(([, source]) => source.includes('// src/cli/commands/check.ts'));
    expect(command).toBeDefined();
    // The command's chunk and every chunk it imports statically, and theirs: what loads before `runCheck` runs.
    const eager = new Set<string>();
    const visit = (name: string) => {
      if (eager.has(name)) return;
      eager.add(name);
      importsOf(files.get(name)!).forEach(visit);
    };
    visit(command![0]);
    const code = [...eager].map((name) => files.get(name)!).join('\n');
    expect(eager.size).toBeGreaterThan(2);
    expect(code).toContain('// src/check/report/formats.ts');
    expect(code).not.toContain('// node_modules/vfile-reporter/');
    expect(code).not.toContain('// node_modules/supports-color/');
  });
});
