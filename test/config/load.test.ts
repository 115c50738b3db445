import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { defaultConfig } from '../../src/config/schema.js';

describe('loadConfig', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'lecture-config-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('defaults when there is no config file', async () => {
    const loaded = await loadConfig(root);
    expect(loaded.config).toEqual(defaultConfig);
    expect(loaded.file).toBeUndefined();
  });

  test('reads JSON and merges over the defaults', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ title: 'Docker 101', reveal: { width: 1280, height: 720 } }));
    const { config } = await loadConfig(root);
    expect(config.title).toBe('Docker 101');
    expect(config.reveal).toMatchObject({ width: 1280, height: 720, transition: 'slide' });
  });

  test('reads YAML', async () => {
    writeFileSync(path.join(root, 'lecture.config.yaml'), 'theme: white\nrules:\n  unknown-language: off\n');
    const { config } = await loadConfig(root);
    expect(config.theme).toBe('white');
    expect(config.rules).toEqual({ 'unknown-language': 'off' });
  });

  test('flags win over the file', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify({ out: 'public' }));
    expect((await loadConfig(root, undefined, { out: 'site' })).config.out).toBe('site');
  });

  test.each([
    [{ themes: 'x' }, 'Unknown key `themes`; did you mean `theme`?'],
    [{ reveal: { widht: 1 } }, 'Unknown key `reveal.widht`; did you mean `reveal.width`?'],
    [{ reveal: { width: '960px' } }, '`reveal.width` must be a number, not text (`960px`)'],
    [{ reveal: { transition: 'wipe' } }, '`reveal.transition` must be one of `none`, `fade`, `slide`, `convex`, `concave`, `zoom`'],
    [{ incremental: 'yes' }, '`incremental` must be a boolean, not text (`yes`)'],
    [{ rules: { 'missing-file': 'loud' } }, '`rules.missing-file` must be one of `off`, `warn`, `error`, `info`'],
  ])('%j is an error naming the key', async (value, message) => {
    writeFileSync(path.join(root, 'lecture.config.json'), JSON.stringify(value));
    await expect(loadConfig(root)).rejects.toThrow(new ConfigError(`lecture.config.json:1: ${message}`));
  });

  test('invalid JSON is a configuration error', async () => {
    writeFileSync(path.join(root, 'lecture.config.json'), '{ "title": ');
    await expect(loadConfig(root)).rejects.toThrow(/lecture\.config\.json: not valid JSON/);
  });

  test('in YAML, each problem is placed at the line of its key, a typo with its fix', async () => {
    rmSync(path.join(root, 'lecture.config.json'), { force: true });
    writeFileSync(path.join(root, 'lecture.config.yaml'), 'title: Networks\noutt: site\nreveal:\n  width: 960\n  heigth: 700\nrules:\n  missng-file: off\n');
    await expect(loadConfig(root)).rejects.toThrow(
      new ConfigError(
        [
          'lecture.config.yaml:2: Unknown key `outt`; did you mean `out`?',
          'lecture.config.yaml:5: Unknown key `reveal.heigth`; did you mean `reveal.height`?',
        ].join('\n'),
      ),
    );
    writeFileSync(path.join(root, 'lecture.config.yaml'), 'title: Networks\nrules:\n  missng-file: off\n');
    await expect(loadConfig(root)).rejects.toThrow(new ConfigError('lecture.config.yaml:3: Unknown rule `missng-file`; did you mean `missing-file`?'));
    rmSync(path.join(root, 'lecture.config.yaml'));
  });
});
