/**
 * Reading lectures as the text they are: our UTF-8 validator agrees with the
 * platform's on any bytes, and each encoding is recognised.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeLecture, firstInvalidUtf8 } from '../../src/course/read.js';

describe('decodeLecture', () => {
  test('finds the first byte that is not UTF-8 exactly where the platform’s decoder fails', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 16 }), (noise, text) => {
        const bytes = Buffer.concat([Buffer.from(text, 'utf8'), noise]);
        const invalid = firstInvalidUtf8(bytes);
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(invalid === -1).toBe(valid);
        if (invalid !== -1) expect(() => strict.decode(bytes.subarray(0, invalid))).not.toThrow();
      }),
      { seed: 22, numRuns: 3000 },
    );
  });

  test('each encoding', () => {
    const latin = decodeLecture(Buffer.from('# Café\n', 'latin1'));
    expect(latin).toEqual({ text: '# Café\n', problem: { kind: 'encoding', line: 1, reason: 'Not valid UTF-8 (byte 0xE9 on line 1); read as Windows-1252 (Latin-1). Save it as UTF-8' } });
    expect(decodeLecture(Buffer.from('\ufeff# Grüße\n', 'utf8'))).toEqual({ text: '# Grüße\n' });
    expect(decodeLecture(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('# Ω\n', 'utf16le').swap16()]))).toEqual({ text: '# Ω\n' });
    expect(decodeLecture(Buffer.from('# plain ASCII saved as UTF-16\n', 'utf16le'))).toMatchObject({ text: '# plain ASCII saved as UTF-16\n', problem: { kind: 'encoding' } });
    expect(decodeLecture(Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(57)]))).toMatchObject({ problem: { kind: 'binary' } });
    // A few stray zero bytes in text keep it text (markdown reads them as U+FFFD).
    expect(decodeLecture(Buffer.from('# text\0 with a zero byte\n', 'utf8'))).toEqual({ text: '# text\0 with a zero byte\n' });
    expect(decodeLecture(Buffer.from('# ok\n\u0085 “quotes”\n', 'utf8'))).toEqual({ text: '# ok\n\u0085 “quotes”\n' });
  });
});
