import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import { isSettled, lastSessionClose, SETTLE_MARGIN_MS } from '../../../src/main/sync/settled';

const at = (iso: string) => new Date(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('lastSessionClose', () => {
  it('is today’s close once it has passed, else the previous weekday’s (New York)', () => {
    // Wed 2025-03-05: 16:00 EST = 21:00Z.
    expect(iso(lastSessionClose(at('2025-03-05T21:30:00Z'), 'America/New_York'))).toBe('2025-03-05T21:00:00.000Z');
    expect(iso(lastSessionClose(at('2025-03-05T20:59:00Z'), 'America/New_York'))).toBe('2025-03-04T21:00:00.000Z');
    // After the DST change (9 March 2025): 16:00 EDT = 20:00Z.
    expect(iso(lastSessionClose(at('2025-03-10T20:30:00Z'), 'America/New_York'))).toBe('2025-03-10T20:00:00.000Z');
  });

  it('skips the weekend: Saturday, Sunday and Monday before the close go back to Friday', () => {
    for (const now of ['2025-03-08T12:00:00Z', '2025-03-09T23:00:00Z', '2025-03-10T13:00:00Z'])
      expect(iso(lastSessionClose(at(now), 'America/New_York'))).toBe('2025-03-07T21:00:00.000Z');
  });

  it('uses the exchange’s own date: Monday morning in Hong Kong is still Sunday in UTC', () => {
    // 2025-03-09T23:00Z is Monday 07:00 in Hong Kong, before its 16:00 close: Friday's close (08:00Z).
    expect(iso(lastSessionClose(at('2025-03-09T23:00:00Z'), 'Asia/Hong_Kong'))).toBe('2025-03-07T08:00:00.000Z');
    // Monday 16:30 HKT.
    expect(iso(lastSessionClose(at('2025-03-10T08:30:00Z'), 'Asia/Hong_Kong'))).toBe('2025-03-10T08:00:00.000Z');
  });

  it('knows the half days (Christmas Eve: 12:00 in Hong Kong, 13:00 in New York)', () => {
    expect(iso(lastSessionClose(at('2024-12-24T05:00:00Z'), 'Asia/Hong_Kong'))).toBe('2024-12-24T04:00:00.000Z');
    expect(iso(lastSessionClose(at('2024-12-24T18:30:00Z'), 'America/New_York'))).toBe('2024-12-24T18:00:00.000Z');
  });
});

describe('isSettled', () => {
  const cov = (fetchedAt: string, from = '2024-01-02', to = fetchedAt.slice(0, 10)) => ({
    from: asIsoDate(from),
    to: asIsoDate(to),
    fetchedAt,
  });
  const NY = 'America/New_York';

  it('is settled when fetched after the last close (plus the margin), on a weekday and over a weekend', () => {
    // Fetched Friday 17:00 EST (22:00Z); asked again Friday night, Saturday, Sunday and Monday morning.
    const c = cov('2025-03-07T22:00:00.000Z', '2024-01-02', '2025-03-07');
    for (const now of ['2025-03-07T23:00:00Z', '2025-03-08T15:00:00Z', '2025-03-09T20:00:00Z', '2025-03-10T13:00:00Z'])
      expect(isSettled(c, '2024-01-02', now.slice(0, 10), NY, at(now)), now).toBe(true);
    // Monday after its close: a new session exists.
    expect(isSettled(c, '2024-01-02', '2025-03-10', NY, at('2025-03-10T20:45:00Z'))).toBe(false);
  });

  it('is not settled when the fetch came before the close or within the margin after it', () => {
    const now = at('2025-03-05T23:00:00Z');
    expect(isSettled(cov('2025-03-05T20:00:00.000Z'), '2024-01-02', '2025-03-05', NY, now)).toBe(false);
    const justAfter = iso(Date.parse('2025-03-05T21:00:00Z') + SETTLE_MARGIN_MS - 60_000);
    expect(isSettled(cov(justAfter), '2024-01-02', '2025-03-05', NY, now)).toBe(false);
    const later = iso(Date.parse('2025-03-05T21:00:00Z') + SETTLE_MARGIN_MS);
    expect(isSettled(cov(later), '2024-01-02', '2025-03-05', NY, now)).toBe(true);
  });

  it('differs by zone for the same fetch: Hong Kong has closed, New York has not', () => {
    // Fetched 09:00Z on Wed 2025-03-05 = 17:00 in Hong Kong (closed at 16:00), 04:00 in New York.
    const c = cov('2025-03-05T09:00:00.000Z');
    const now = at('2025-03-05T12:00:00Z');
    expect(isSettled(c, '2024-01-02', '2025-03-05', 'Asia/Hong_Kong', now)).toBe(true);
    // New York's last close is Tue 21:00Z, before the fetch: settled too…
    expect(isSettled(c, '2024-01-02', '2025-03-05', NY, now)).toBe(true);
    // …but not once Wednesday's New York session has closed.
    expect(isSettled(c, '2024-01-02', '2025-03-05', NY, at('2025-03-05T21:40:00Z'))).toBe(false);
    expect(isSettled(c, '2024-01-02', '2025-03-06', 'Asia/Hong_Kong', at('2025-03-06T08:40:00Z'))).toBe(false);
  });

  it('is not settled for history before what is held, a range that stopped early, or an unknown zone', () => {
    const c = cov('2025-03-05T23:00:00.000Z', '2024-01-02', '2025-03-05');
    const now = at('2025-03-06T01:00:00Z');
    expect(isSettled(c, '2024-01-02', '2025-03-06', NY, now)).toBe(true);
    expect(isSettled(c, '2023-06-01', '2025-03-06', NY, now)).toBe(false);
    expect(isSettled(c, '2024-01-02', '2025-03-06', 'UTC', now)).toBe(false);
    expect(isSettled(null, '2024-01-02', '2025-03-06', NY, now)).toBe(false);
    // Held only up to January (asked with an explicit end then): February is still wanted.
    const early = cov('2025-03-05T23:00:00.000Z', '2024-01-02', '2025-01-31');
    expect(isSettled(early, '2024-01-02', '2025-02-28', NY, now)).toBe(false);
    expect(isSettled(early, '2024-01-02', '2025-01-15', NY, now)).toBe(true);
  });
});
