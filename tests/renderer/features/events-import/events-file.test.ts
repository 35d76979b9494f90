import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../../../src/shared/base64';
import { parseEventsCsv, type EventsCsvLine } from '../../../../src/shared/domain/user-event';
import {
  eventsFileInput,
  eventsLineStatus,
  eventsPreviewSummary,
} from '../../../../src/renderer/src/features/events-import/events-file';

const EVENTS = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'events');
const opened = (fileName: string, bytes: Uint8Array) =>
  eventsFileInput({ fileName, kind: 'events-csv', bytesBase64: bytesToBase64(bytes) });

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

describe('reading an opened events CSV', () => {
  const text = readFileSync(join(EVENTS, 'analyst-events.csv'), 'utf8');

  it('decodes UTF-8 with a BOM and UTF-16 (Excel "Unicode text") to the same text', () => {
    const plain = opened('a.csv', new TextEncoder().encode(text));
    expect(plain).toEqual({ fileName: 'a.csv', text });
    const bom = opened('a.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect('text' in bom && bom.text.replace(/^\uFEFF/, '')).toBe(text);
    expect(opened('a.csv', utf16le(text))).toEqual({ fileName: 'a.csv', text });
  });

  it('refuses an empty file, and passes on why a file could not be read', () => {
    expect(opened('empty.csv', new Uint8Array())).toEqual({
      fileName: 'empty.csv',
      error: 'Cannot import empty.csv: the file is empty. Nothing was imported.',
    });
    expect(eventsFileInput({ fileName: 'big.csv', kind: 'events-csv', error: 'too large' })).toEqual({
      fileName: 'big.csv',
      error: 'too large',
    });
  });
});

describe('the words of the events preview', () => {
  const preview = (lines: EventsCsvLine[]) => ({
    lines,
    ok: lines.filter((l) => l.status === 'ok').length,
    duplicates: lines.filter((l) => l.status === 'duplicate').length,
    errors: lines.filter((l) => l.status === 'error').length,
  });

  it('says per line what happens and why, and sums the file up', () => {
    const text = readFileSync(join(EVENTS, 'analyst-events.csv'), 'utf8');
    const lines = parseEventsCsv(text, null, (key) => key.startsWith('2025-01-28\u0000alibaba releases qwen2.5-max'));
    expect(lines.map(eventsLineStatus)).toEqual([
      'will be added',
      'will be added',
      'duplicate, skipped: the same event is already stored',
      'will be added',
    ]);
    expect(eventsPreviewSummary(preview(lines))).toBe('4 lines: 3 events to add, 1 duplicate (skipped).');
    const bad = parseEventsCsv(readFileSync(join(EVENTS, 'events-with-errors.csv'), 'utf8'), null, () => false);
    expect(eventsLineStatus(bad[1]!)).toBe('error: date: must be a real date in YYYY-MM-DD form');
    expect(eventsPreviewSummary(preview(bad))).toBe('6 lines: 1 event to add, 5 errors.');
    expect(eventsPreviewSummary(preview(bad.slice(0, 1)))).toBe('1 line: 1 event to add.');
  });
});
