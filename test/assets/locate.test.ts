import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { locate, splitUrl } from '../../src/assets/locate.js';
import { createScope } from '../../src/assets/scope.js';

describe('locate', () => {
  let root: string;
  let lecture: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'lecture-locate-'));
    lecture = path.join(root, 'lectures/02-images');
    mkdirSync(path.join(lecture, 'img'), { recursive: true });
    writeFileSync(path.join(lecture, 'img/layers.png'), 'png');
    writeFileSync(path.join(lecture, 'img/My Diagram.svg'), 'svg');
    writeFileSync(path.join(root, 'shared.png'), 'png');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('finds a file relative to the lecture, keeping query and hash', () => {
    const found = locate('img/layers.png?v=2#x', lecture, root);
    expect(found).toMatchObject({ exists: true, suffix: '?v=2#x' });
    expect(found.outside).toBeUndefined();
    expect(found.absolute).toBe(path.join(lecture, 'img/layers.png'));
  });

  test('decodes percent-encoded names', () => {
    expect(locate('img/My%20Diagram.svg', lecture, root).exists).toBe(true);
  });

  test('root-relative paths start at the course root', () => {
    expect(locate('/shared.png', lecture, root).exists).toBe(true);
  });

  test('reports a case mismatch with the real name', () => {
    expect(locate('img/Layers.PNG', lecture, root)).toMatchObject({ exists: false, caseMismatch: 'img/layers.png' });
    expect(locate('IMG/layers.png', lecture, root)).toMatchObject({ exists: false, caseMismatch: 'img/layers.png' });
  });

  test('suggests the closest name for a missing file', () => {
    expect(locate('img/layer.png', lecture, root)).toMatchObject({ exists: false, suggestion: 'img/layers.png' });
    expect(locate('img/unrelated-name.gif', lecture, root).suggestion).toBeUndefined();
  });

  test('flags paths that leave the course folder, and never looks outside it', () => {
    expect(locate('../../../outside.png', lecture, root)).toMatchObject({ exists: false, outside: 'path' });
    expect(locate('../../shared.png', lecture, root)).not.toHaveProperty('outside');
    expect(locate('../../shared.png', lecture, root).exists).toBe(true);
    expect(locate('file:///etc/passwd', lecture, root)).toMatchObject({ exists: false, outside: 'machine', absolute: '/etc/passwd' });
    // `/etc/passwd` is read from the course; as it is not there but is on this machine, it is flagged.
    expect(locate('/etc/passwd', lecture, root)).toMatchObject({ exists: false, outside: 'machine' });
  });

  test('follows symbolic links: one that leads out of the course is flagged, one to a device is not a file', () => {
    symlinkSync('/etc/hostname', path.join(lecture, 'img/host.png'));
    symlinkSync('/dev/null', path.join(root, 'null.png'));
    symlinkSync(path.join(lecture, 'img/layers.png'), path.join(root, 'alias.png'));
    expect(locate('img/host.png', lecture, root)).toMatchObject({ exists: false, outside: 'link', real: '/etc/hostname' });
    expect(locate('/alias.png', lecture, root)).toEqual({ absolute: path.join(root, 'alias.png'), exists: true, suffix: '' });
    expect(locate('../../null.png', lecture, root)).toMatchObject({ exists: false, outside: 'link' });
    const scope = createScope(root, ['/dev']);
    expect(locate('../../null.png', lecture, scope)).toMatchObject({ exists: false, special: true });
  });

  test('splitUrl separates the path from its suffix', () => {
    expect(splitUrl('a/b.png#frag')).toEqual({ pathname: 'a/b.png', suffix: '#frag' });
    expect(splitUrl('a/b.png')).toEqual({ pathname: 'a/b.png', suffix: '' });
  });
});
