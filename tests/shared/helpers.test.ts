import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { asIsoDate } from '../../src/shared/brand';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  earlierDate,
  laterDate,
  nextDay,
  utcDate,
  utcMidnight,
} from '../../src/shared/dates';
import { toBar, type BarInput } from '../../src/shared/domain/bar';
import {
  lastValidBefore,
  lastValidBeforeIndex,
  lastValidIndex,
  lastValidOnOrBefore,
  validBarsBefore,
} from '../../src/shared/domain/series';
import {
  formatBytes,
  formatNumber,
  formatPercent,
  formatPercentBand,
  formatPercentBare,
  formatPrice,
  formatRounded,
  formatVolume,
} from '../../src/shared/format';
import { checkVersionedHeader } from '../../src/shared/versioned-file';
import { formatIssues, issueMessages } from '../../src/shared/zod-issues';

const d = asIsoDate;

describe('dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
  });
  it('adds months with the day clamped to the target month', () => {
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-01-15', -12)).toBe('2024-01-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
  });
  it('reads instants as UTC dates, and orders dates', () => {
    expect(utcDate(new Date('2025-01-01T23:59:59Z'))).toBe('2025-01-01');
    expect(utcDate('2025-01-02T00:00:00.000Z')).toBe('2025-01-02');
    expect(utcMidnight('1970-01-02')).toBe(86_400);
    expect(laterDate(d('2025-01-02'), d('2024-12-31'))).toBe('2025-01-02');
    expect(earlierDate(d('2025-01-02'), d('2024-12-31'))).toBe('2024-12-31');
  });
});

describe('series look-ups skip placeholder rows', () => {
  const bar = (date: string, close: number, placeholder = false): BarInput => ({
    date: d(date),
    open: close,
    high: close,
    low: close,
    close,
    adjClose: null,
    volume: placeholder ? 0 : 100,
  });
  const bars = [bar('2025-01-02', 10), bar('2025-01-03', 11), bar('2025-01-06', 11, true), bar('2025-01-07', 12)].map(
    toBar,
  );
  it('by date', () => {
    expect(lastValidBefore(bars, d('2025-01-07'))!.date).toBe('2025-01-03');
    expect(lastValidOnOrBefore(bars, d('2025-01-06'))!.date).toBe('2025-01-03');
    expect(lastValidOnOrBefore(bars, d('2025-01-07'))!.date).toBe('2025-01-07');
    expect(lastValidBefore(bars, d('2025-01-02'))).toBeNull();
    expect(validBarsBefore(bars, d('2025-01-07')).map((b) => b.date)).toEqual(['2025-01-02', '2025-01-03']);
  });
  it('by index', () => {
    expect(lastValidIndex(bars)).toBe(3);
    expect(lastValidIndex(bars, 2)).toBe(1);
    expect(lastValidIndex(bars, -1)).toBeNull();
    expect(lastValidBeforeIndex(bars, 3)!.date).toBe('2025-01-03');
    expect(lastValidBeforeIndex(bars, 0)).toBeNull();
    expect(lastValidIndex([])).toBeNull();
  });
});

describe('number formats', () => {
  it('percentages keep each caller’s sign convention', () => {
    expect(formatPercent(0.0123)).toBe('+1.23%');
    expect(formatPercent(-0.0123)).toBe('-1.23%');
    expect(formatPercent(0)).toBe('0.00%');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(Number.NaN)).toBe('–');
    expect(formatPercent(0, { digits: 1, plusOnZero: true })).toBe('+0.0%');
    expect(formatPercent(-0.5874, { digits: 1, typographicMinus: true })).toBe('−58.7%');
    expect(formatPercent(-0.00001, { digits: 1 })).toBe('-0.0%');
    expect(formatPercentBare(0.275)).toBe('27.5%');
    expect(formatPercentBand({ min: 0.25, max: 0.35 })).toBe('25–35%');
  });
  it('prices, volumes, bytes', () => {
    expect(formatPrice(1234.5)).toBe('1,234.50');
    expect(formatPrice(0.12345)).toBe('0.1235');
    expect(formatRounded(12.345678)).toBe('12.3457');
    expect(formatNumber(12345.678912)).toBe('12,345.6789');
    expect(formatVolume(1_234_567)).toBe('1.23M');
    expect(formatVolume(999)).toBe('999');
    expect(formatBytes(1536)).toBe('1536 bytes (1.5 KiB)');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2097152 bytes (2 MiB)');
  });
});

describe('zod issue messages', () => {
  const schema = z.object({ a: z.object({ b: z.number() }), c: z.string() });
  const error = schema.safeParse({ a: { b: 'x' }, c: 1 }).error!;
  it('dotted paths, messages only, a root label and a cap', () => {
    expect(issueMessages(error.issues)).toEqual([expect.stringMatching(/^a\.b: /), expect.stringMatching(/^c: /)]);
    expect(formatIssues(error, { path: 'none' })).not.toContain('a.b');
    expect(issueMessages(error.issues, { max: 1 })).toHaveLength(1);
    const root = z.number().safeParse('x').error!;
    expect(formatIssues(root)).toBe(root.issues[0]!.message);
    expect(formatIssues(root, { root: '(root)' })).toMatch(/^\(root\): /);
    expect(issueMessages(error.issues, { path: (p) => `<${p.length}>` })[0]).toMatch(/^<2>: /);
  });
});

describe('versioned file headers', () => {
  const spec = { format: 'catalyst-thing', version: 2, noun: 'thing' };
  it('accepts the format up to the reader’s version', () => {
    const r = checkVersionedHeader({ format: 'catalyst-thing', version: 2, x: 1 }, spec);
    expect(r).toEqual({ ok: true, value: { version: 2, fields: { format: 'catalyst-thing', version: 2, x: 1 } } });
  });
  it('refuses another kind, a bad version and a newer one, each with one sentence', () => {
    expect(checkVersionedHeader([], spec)).toEqual({
      ok: false,
      reason: 'the JSON is an array, not a Catalyst thing object',
    });
    expect(checkVersionedHeader({ version: 1 }, spec)).toMatchObject({
      reason: 'not a Catalyst thing file ("format" is missing, expected "catalyst-thing")',
    });
    expect(checkVersionedHeader({ format: 'catalyst-thing', version: 1.5 }, spec)).toMatchObject({
      reason: '"version" must be a whole number ≥ 1 (got 1.5)',
    });
    expect(checkVersionedHeader({ format: 'catalyst-thing', version: 3 }, spec)).toMatchObject({
      reason: 'the file is thing format version 3, written by a newer Catalyst; this version reads up to 2',
    });
    expect(checkVersionedHeader('x', { ...spec, messages: { notObject: (got) => `no: ${got}` } })).toMatchObject({
      reason: 'no: string',
    });
  });
});
