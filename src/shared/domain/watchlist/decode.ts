import { formatBytes } from '../../format';
import { MAX_WATCHLIST_FILE_BYTES } from './model';

/**
 * Bytes of an imported file → text. Pure (no TextDecoder, which is neither in the ES library
 * typings nor needed): UTF-8 with or without BOM, and UTF-16 LE/BE with a BOM (Excel's
 * "Unicode text"). Everything else is refused with a reason the user can act on.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly reason: string };

/** Signatures of binary files people drop by mistake, for a precise message. */
const MAGIC: ReadonlyArray<{ readonly bytes: readonly number[]; readonly what: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx workbook is one: save it as CSV first)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls: save it as CSV first)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

const formatSize = formatBytes;

/** The reason a file of `size` bytes is refused (also used where the size is known before reading). */
export function fileTooLargeReason(size: number, maxBytes = MAX_WATCHLIST_FILE_BYTES): string {
  return `the file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}`;
}

/** Appends UTF-16 code units to a string in chunks (String.fromCharCode has an argument limit). */
class StringBuilder {
  private readonly parts: string[] = [];
  private units: number[] = [];
  push(unit: number): void {
    this.units.push(unit);
    if (this.units.length >= 8192) this.flush();
  }
  private flush(): void {
    this.parts.push(String.fromCharCode(...this.units));
    this.units = [];
  }
  toString(): string {
    this.flush();
    return this.parts.join('');
  }
}

function lineAt(bytes: Uint8Array, offset: number, unit: 1 | 2, le: boolean): number {
  let line = 1;
  for (let i = 0; i < offset; i += unit) {
    const v = unit === 1 ? bytes[i]! : le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
    if (v === 0x0a) line++;
  }
  return line;
}

/** Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). */
function decodeUtf8(bytes: Uint8Array, start: number): { text: string } | { badOffset: number } {
  const out = new StringBuilder();
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      out.push(b0);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp, min] = [1, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, cp, min] = [2, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, cp, min] = [3, b0 & 0x07, 0x10000];
    else return { badOffset: i };
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return { badOffset: i };
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { badOffset: i };
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      out.push(0xd800 + (v >> 10));
      out.push(0xdc00 + (v & 0x3ff));
    } else {
      out.push(cp);
    }
    i += need + 1;
  }
  return { text: out.toString() };
}

/** UTF-16 with paired surrogates only. */
function decodeUtf16(bytes: Uint8Array, start: number, le: boolean): { text: string } | { badOffset: number } {
  const out = new StringBuilder();
  const unitAt = (i: number) => (le ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = start; i < bytes.length; i += 2) {
    const u = unitAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= bytes.length) return { badOffset: i };
      const lo = unitAt(i + 2);
      if (lo < 0xdc00 || lo > 0xdfff) return { badOffset: i };
      out.push(u);
      out.push(lo);
      i += 2;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return { badOffset: i };
    } else {
      out.push(u);
    }
  }
  return { text: out.toString() };
}

/** C0 controls other than tab, LF, VT, FF, CR: their presence means the bytes are not text. */
const BINARY_CONTROL = /[\u0000-\u0008\u000E-\u001F]/;

/**
 * Decodes an imported file. Refuses: an empty file, one over {@link MAX_WATCHLIST_FILE_BYTES},
 * known binary formats (by signature), UTF-32, text with NUL bytes and no BOM (binary, or
 * UTF-16 without a BOM), invalid UTF-8 or UTF-16 (with the offending line), and control
 * characters. A trailing Ctrl-Z (old DOS end-of-file marker) is dropped. `what` names the
 * expected content in messages (bars CSVs reuse this decoder with their own size limit).
 */
export function decodeWatchlistBytes(
  bytes: Uint8Array,
  maxBytes = MAX_WATCHLIST_FILE_BYTES,
  what = 'a text watchlist',
): DecodedText {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes.length > maxBytes) return { ok: false, reason: fileTooLargeReason(bytes.length, maxBytes) };
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return { ok: false, reason: `the file is ${magic.what}, not ${what}` };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { ok: false, reason: 'the file is UTF-32 text, which is not supported: save it as UTF-8 or UTF-16' };
  }
  let encoding: TextEncodingName;
  let decoded: { text: string } | { badOffset: number };
  let unit: 1 | 2 = 1;
  let le = false;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    decoded = decodeUtf8(bytes, 3);
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    le = bytes[0] === 0xff;
    unit = 2;
    encoding = le ? 'utf-16le' : 'utf-16be';
    if (bytes.length % 2 !== 0)
      return {
        ok: false,
        reason: `the file starts like ${encoding.toUpperCase()} but has an odd number of bytes (truncated?)`,
      };
    decoded = decodeUtf16(bytes, 2, le);
  } else {
    if (bytes.includes(0)) {
      return {
        ok: false,
        reason:
          'the file contains NUL bytes: it is binary, or UTF-16 text without a byte-order mark (save it as UTF-8 or as Unicode text with a BOM)',
      };
    }
    encoding = 'utf-8';
    decoded = decodeUtf8(bytes, 0);
  }
  if ('badOffset' in decoded) {
    const at = decoded.badOffset;
    const label = encoding.startsWith('utf-8') ? 'UTF-8' : encoding.toUpperCase();
    const hint = label === 'UTF-8' ? ' (a file saved as ANSI / Windows-1252? Save it as UTF-8)' : '';
    return {
      ok: false,
      reason: `the file is not valid ${label} text: byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at offset ${at} (line ${lineAt(bytes, at, unit, le)})${hint}`,
    };
  }
  let text = decoded.text.replace(/\u001A$/, '');
  const bad = BINARY_CONTROL.exec(text);
  if (bad) {
    const line = text.slice(0, bad.index).split('\n').length;
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, reason: `the file is not text: control character U+${code} on line ${line}` };
  }
  // A BOM written twice (some tools add one to text that already had one) is not content.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text, encoding };
}
