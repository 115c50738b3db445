/**
 * `npm run size`: what installing lecture-cli costs a course, beside Marp CLI
 * measured the same way. Packs the tarball (`npm pack`, which compiles), then
 * installs it and, separately, `@marp-team/marp-cli` (the version of our
 * devDependency) into two empty folders with `npm install --omit=dev`, and
 * prints the size of each `node_modules`: the bytes of its files, and the
 * disk space they take (what `du -s` says). Neither downloads a browser.
 * Also prints the install warnings (EBADENGINE and others) of each.
 * Exits 1 when ours is the larger.
 *
 * Options: `--keep` leaves the temporary folders (their paths are printed);
 * `--online` lets npm ask the registry for fresh metadata (default
 * `--prefer-offline`, which uses npm's cache where it can).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const keep = process.argv.includes('--keep');
const offline = process.argv.includes('--online') ? [] : ['--prefer-offline'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Bytes of the files under `folder`, and the disk space they take (512-byte blocks, as `du` counts). */
function sizeOf(folder) {
  let bytes = 0;
  let disk = 0;
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const info = lstatSync(full);
      disk += info.blocks * 512;
      if (entry.isDirectory()) walk(full);
      else bytes += info.size;
    }
  };
  walk(folder);
  return { bytes, disk };
}

/** The largest packages under `modules`, with their sizes. */
function largest(modules, count) {
  const packages = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    const names = name.startsWith('@') ? readdirSync(path.join(modules, name)).map((inner) => `${name}/${inner}`) : [name];
    for (const packageName of names) packages.push({ name: packageName, ...sizeOf(path.join(modules, packageName)) });
  }
  return packages.sort((a, b) => b.bytes - a.bytes).slice(0, count);
}

/** Install `spec` alone into an empty folder; returns the folder and npm's warnings. */
function install(label, spec) {
  const folder = mkdtempSync(path.join(os.tmpdir(), `size-${label}-`));
  writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: `size-${label}`, private: true }));
  const run = spawnSync(npm, ['install', '--omit=dev', ...offline, '--no-audit', '--no-fund', spec], { cwd: folder, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm install ${spec} failed:\n${run.stderr}`);
  const warnings = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => /npm warn/i.test(line));
  return { folder, warnings };
}

function megabytes(bytes) {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** One warning per line: the package and what it asks, for EBADENGINE's multi-line form. */
function summarise(warnings) {
  const engines = [];
  let current;
  for (const line of warnings) {
    const name = /package: '([^']+)'/.exec(line);
    const required = /required: (\{.*\})/.exec(line);
    if (name) current = name[1];
    else if (required && current) engines.push(`EBADENGINE ${current} wants ${required[1]}`);
  }
  const others = warnings.filter((line) => !/EBADENGINE/.test(line));
  return [...engines, ...others.map((line) => line.replace(/^npm warn\s*/i, ''))];
}

const packDir = mkdtempSync(path.join(os.tmpdir(), 'size-pack-'));
const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const tarball = path.join(packDir, packed[0].filename);
const marpVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/@marp-team/marp-cli/package.json'), 'utf8')).version;

const ours = install('lecture', tarball);
const marp = install('marp', `@marp-team/marp-cli@${marpVersion}`);
const oursSize = sizeOf(path.join(ours.folder, 'node_modules'));
const marpSize = sizeOf(path.join(marp.folder, 'node_modules'));

const rows = [
  ['', 'files', 'on disk (du -s)'],
  [`lecture-cli ${packed[0].version}`, megabytes(oursSize.bytes), megabytes(oursSize.disk)],
  [`@marp-team/marp-cli ${marpVersion}`, megabytes(marpSize.bytes), megabytes(marpSize.disk)],
  ['ratio', `${(oursSize.bytes / marpSize.bytes).toFixed(2)}×`, `${(oursSize.disk / marpSize.disk).toFixed(2)}×`],
];
const width = rows.map((row) => row.map((cell) => cell.length)).reduce((a, b) => a.map((size, index) => Math.max(size, b[index])));
console.log(`Installed size, npm install --omit=dev into an empty folder (no browser is downloaded by either):\n`);
for (const row of rows) console.log(row.map((cell, index) => (index === 0 ? cell.padEnd(width[index]) : cell.padStart(width[index]))).join('   '));
console.log(`\nTarball: ${packed[0].filename}, ${megabytes(packed[0].size)} packed, ${megabytes(packed[0].unpackedSize)} unpacked, ${packed[0].entryCount} files`);
console.log(`\nLargest packages in lecture-cli's install:`);
for (const entry of largest(path.join(ours.folder, 'node_modules'), 8)) console.log(`  ${entry.name.padEnd(32)} ${megabytes(entry.bytes).padStart(9)}`);
for (const [label, result] of [['lecture-cli', ours], ['Marp CLI', marp]]) {
  const lines = summarise(result.warnings);
  console.log(`\nInstall warnings, ${label}: ${lines.length === 0 ? 'none' : ''}`);
  for (const line of lines) console.log(`  ${line}`);
}

if (keep) console.log(`\nKept: ${ours.folder} ${marp.folder} ${packDir}`);
else for (const folder of [ours.folder, marp.folder, packDir]) rmSync(folder, { recursive: true, force: true });
process.exitCode = oursSize.bytes <= marpSize.bytes && oursSize.disk <= marpSize.disk ? 0 : 1;
