/**
 * The published bundle (`lib/`, made by `scripts/bundle.mjs` before the
 * tests): unist-util-visit-parents is bundled without the visitor naming that
 * cost a quarter of every parse, and nothing else of it is lost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const chunks = path.resolve('lib/chunks');
const sources = readdirSync(chunks)
  .filter((name) => name.endsWith('.js'))
  .map((name) => readFileSync(path.join(chunks, name), 'utf8'));
const marker = '// node_modules/unist-util-visit-parents/lib/index.js';

describe('bundle', () => {
  test('unist-util-visit-parents is bundled once, its visitors unnamed', () => {
    const bundled = sources.filter((source) => source.includes(marker));
    expect(bundled).toHaveLength(1);
    const module = bundled[0]!.slice(bundled[0]!.indexOf(marker)).split('\n// node_modules/')[0]!;
    expect(module).toContain('function visitParents(');
    expect(module).toContain('function factory(');
    // esbuild may rename the closure (`visit2`).
    expect(module).not.toMatch(/defineProperty\(visit\w*, ["']name["']/);
  });
});
