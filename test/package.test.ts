/**
 * The published package: what `npm pack` ships, what the bundle inlines
 * against what is installed beside it, and the Node versions its
 * dependencies accept. (`npm run size` measures the installed size; it needs
 * the registry, so it is not part of the tests.)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error: a plain script of the build, without declarations.
import { installedPackages } from '../scripts/installed-packages.mjs';

interface Installed {
  name: string;
  version: string;
  folder: string;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
};
const installed = (installedPackages(process.cwd()) as Installed[]);

/** Every compiled module of the command and the library (not the browser scripts, not mermaid's). */
function compiled(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'client' && entry.name !== 'vendor') walk(full);
      else if (entry.name.endsWith('.js')) files.set(full, readFileSync(full, 'utf8'));
    }
  };
  walk('lib');
  return files;
}

/** Whether `version` satisfies an `engines` range such as `>=14`, `^12.20.0 || >=16`, `6.* || >= 10.*`, `18 || 20 || >=22`. */
function satisfies(version: string, range: string): boolean {
  const parse = (text: string) => text.replace(/\.?\*$/, '').split('.').map(Number);
  const compare = (a: number[], b: number[]) => {
    for (let index = 0; index < 3; index++) if ((a[index] ?? 0) !== (b[index] ?? 0)) return (a[index] ?? 0) - (b[index] ?? 0);
    return 0;
  };
  const have = parse(version);
  const holds = (comparator: string): boolean => {
    const match = /^(>=|\^)?\s*v?([\d.x*]+)$/.exec(comparator.trim());
    if (comparator.trim() === '*' || comparator.trim() === '') return true;
    if (!match) throw new Error(`Cannot read the engines range \`${range}\``);
    const wanted = parse(match[2]!.replace(/\.x/g, '.*'));
    if (match[1] === '>=') return compare(have, wanted) >= 0;
    if (match[1] === '^') return have[0] === wanted[0] && compare(have, wanted) >= 0;
    return wanted.every((part, index) => have[index] === part);
  };
  return range.split('||').some((alternative) => alternative.trim().replace(/(>=|\^)\s+/g, '$1').split(/\s+/).every(holds));
}

describe('the published package', () => {
  const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ name: string; files: Array<{ path: string }> }>;
  const files = packed[0]!.files.map((file) => file.path);

  test('is lecture-cli, whose command is `lecture`', () => {
    expect(packed[0]!.name).toBe('lecture-cli');
    expect(manifest.bin).toEqual({ lecture: './lib/cli/bin.js' });
  });

  test('holds no source maps and no tests, but the command, the themes and the vendored mermaid script', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /(^|\/)(test|tests|__tests__|fixtures)\//.test(file) || /\.test\.[jt]s$/.test(file))).toEqual([]);
    for (const file of ['lib/cli/bin.js', 'lib/index.js', 'lib/index.d.ts', 'lib/course/worker.js', 'lib/check/worker.js', 'lib/client/quiz.js', 'lib/vendor/mermaid.min.js', 'lib/vendor/mermaid.LICENSE', 'themes/lecture.css']) {
      expect(files).toContain(file);
    }
  });

  test('runs no script when installed (npm warns about every package that has one)', () => {
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[hook], hook).toBeUndefined();
  });

  test('inlines no package that is installed with it at the same version', () => {
    const inlined = new Set<string>();
    for (const source of compiled().values()) {
      for (const match of source.matchAll(/^\/\/ (node_modules\/(?:.*\/node_modules\/)?(?:@[^/]+\/)?[^/]+)\//gm)) inlined.add(match[1]!);
    }
    expect(inlined.size).toBeGreaterThan(50);
    const both: string[] = [];
    for (const folder of inlined) {
      const { name, version } = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name: string; version: string };
      if (installed.some((entry) => entry.name === name && entry.version === version)) both.push(`${name}@${version}`);
    }
    expect(both).toEqual([]);
  });

  test('imports at run time only Node itself and its own dependencies', () => {
    const builtins = new Set(builtinModules);
    const imported = new Set<string>();
    for (const source of compiled().values()) {
      for (const match of source.matchAll(/(?:^import[^"\n]*?from\s*|\bimport\()"([^"./][^"]*)"/gm)) {
        const specifier = match[1]!.replace(/^node:/, '');
        if (builtins.has(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
      }
    }
    expect([...imported].filter((name) => !(name in manifest.dependencies))).toEqual([]);
    expect(imported).toContain('puppeteer-core');
  });

  test('every package installed with it accepts the Node versions it claims and CI tests', () => {
    expect(manifest.engines.node).toBe('>=20');
    const refused: string[] = [];
    for (const entry of installed) {
      const { engines } = JSON.parse(readFileSync(path.join(entry.folder, 'package.json'), 'utf8')) as { engines?: { node?: string } };
      if (!engines?.node) continue;
      for (const version of ['20.0.0', process.versions.node, '22.12.0', '24.0.0']) {
        if (!satisfies(version, engines.node)) refused.push(`${entry.name}@${entry.version} wants Node ${engines.node}, not ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });

  test('the engines check itself tells a refusal from an acceptance', () => {
    expect(satisfies('20.0.0', '>=22.12.0')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('21.0.0', '18 || 20 || >=22')).toBe(false);
    expect(satisfies('20.3.0', '6.* || 8.* || >= 10.*')).toBe(true);
    expect(satisfies('20.0.0', '>=16 || 14 >=14.17')).toBe(true);
  });
});
