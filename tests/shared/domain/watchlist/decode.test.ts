import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWatchlistBytes } from '../../../../src/shared/domain/watchlist/decode';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001F]/;
/** Text a user file may hold: well-formed, no binary controls, no leading BOM or trailing Ctrl-Z. */
const textArb = fc
  .string({ unit: 'binary', maxLength: 200 })
  .filter((s) => !LONE_SURROGATE.test(s) && !BINARY_CONTROL.test(s) && !s.startsWith('\uFEFF') && s.length > 0);

const bytes = (...parts: Array<number[] | Buffer>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p)))));

describe('decodeWatchlistBytes', () => {
  it('decodes UTF-8 exactly as Node does, with and without BOM', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(decodeWatchlistBytes(bytes(Buffer.from(s, 'utf8')))).toEqual({ ok: true, text: s, encoding: 'utf-8' });
        expect(decodeWatchlistBytes(bytes([0xef, 0xbb, 0xbf], Buffer.from(s, 'utf8')))).toEqual({
          ok: true,
          text: s,
          encoding: 'utf-8-bom',
        });
      }),
    );
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const le = Buffer.from(s, 'utf16le');
        expect(decodeWatchlistBytes(bytes([0xff, 0xfe], le))).toEqual({ ok: true, text: s, encoding: 'utf-16le' });
        const be = Buffer.from(le).swap16();
        expect(decodeWatchlistBytes(bytes([0xfe, 0xff], be))).toEqual({ ok: true, text: s, encoding: 'utf-16be' });
      }),
    );
  });

  it('decodes a large file quickly and completely', () => {
    const s = 'HKEX:9988,阿里巴巴,🚗\n'.repeat(30_000);
    const r = decodeWatchlistBytes(bytes(Buffer.from(s, 'utf8')));
    expect(r.ok && r.text === s).toBe(true);
  });

  it.each([
    ['an overlong encoding', [0x41, 0xc0, 0xaf], /byte 0xc0 at offset 1 \(line 1\)/],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], /byte 0xed at offset 0/],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], /byte 0xf4 at offset 0/],
    ['a truncated sequence at the end', [0x41, 0x0a, 0xe4, 0xb8], /byte 0xe4 at offset 2 \(line 2\)/],
    ['a stray continuation byte', [0x80], /byte 0x80 at offset 0/],
  ])('refuses invalid UTF-8: %s', (_, raw, message) => {
    const r = decodeWatchlistBytes(new Uint8Array(raw));
    expect(r.ok ? 'decoded' : r.reason).toMatch(message);
  });

  it('refuses an unpaired UTF-16 surrogate', () => {
    const r = decodeWatchlistBytes(bytes([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]));
    expect(r.ok ? 'decoded' : r.reason).toMatch(/not valid UTF-16LE text: .* offset 4/);
    const lowFirst = decodeWatchlistBytes(bytes([0xfe, 0xff, 0xdc, 0x00]));
    expect(lowFirst.ok).toBe(false);
  });

  it('drops a trailing DOS end-of-file marker and a doubled BOM', () => {
    expect(decodeWatchlistBytes(bytes(Buffer.from('HKEX:700\x1a')))).toEqual({
      ok: true,
      text: 'HKEX:700',
      encoding: 'utf-8',
    });
    expect(decodeWatchlistBytes(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], Buffer.from('x')))).toEqual({
      ok: true,
      text: 'x',
      encoding: 'utf-8-bom',
    });
  });

  it('accepts tabs, CR, LF, vertical tab and form feed', () => {
    expect(decodeWatchlistBytes(bytes(Buffer.from('a\tb\r\nc\x0b\x0cd'))).ok).toBe(true);
  });

  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], /JPEG/],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
    [[0xd0, 0xcf, 0x11, 0xe0], /\.xls/],
    [[0x1f, 0x8b, 0x08], /gzip/],
    [[...Buffer.from('SQLite format 3\0')], /SQLite/],
  ])('names a known binary format %#', (raw, message) => {
    const r = decodeWatchlistBytes(new Uint8Array(raw));
    expect(r.ok ? 'decoded' : r.reason).toMatch(message);
  });
});
