import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../src/shared/brand';
import {
  addDays,
  localMoment,
  seekSessions,
  sessionCloseTime,
  t0ForEvent,
  t0FromLocal,
  type EventTiming,
  type SessionSeek,
} from '../../../src/shared/domain/calendar';
import { shippedSessions, shippedZone } from './shipped-data';

const d = asIsoDate;
const at = (date: string, time: string | null = null, timezone: string | null = null): EventTiming => ({
  date: d(date),
  time,
  timezone,
});
const t0 = (event: EventTiming, symbol: string) => t0ForEvent(event, shippedZone(symbol), shippedSessions(symbol));

describe('T0 across time zones (Qwen2.5-Max, 2025-01-28 23:00 Beijing)', () => {
  const qwen = at('2025-01-28', '23:00', 'Asia/Shanghai');

  it('is 10:00 in New York, inside the BABA session of the same day', () => {
    expect(localMoment(qwen, 'America/New_York')).toEqual({ date: '2025-01-28', time: '10:00' });
    expect(t0(qwen, 'BABA')).toEqual({
      t0: '2025-01-28',
      localDate: '2025-01-28',
      localTime: '10:00',
      afterClose: false,
      gap: null,
    });
  });

  it('is after the Hong Kong half-day close, and Hong Kong was shut 29–31 Jan: 9988.HK reacts on 2025-02-03', () => {
    expect(t0(qwen, '9988.HK')).toEqual({
      t0: '2025-02-03',
      localDate: '2025-01-28',
      localTime: '23:00',
      afterClose: true,
      gap: null,
    });
    expect(t0(qwen, 'HSTECH.HK').t0).toBe('2025-02-03');
  });

  it('lands after the Spring Festival closure in Shanghai (SSE shut 28 Jan – 4 Feb)', () => {
    expect(t0(qwen, '000001.SS')).toMatchObject({ t0: '2025-02-05', afterClose: false });
  });
});

describe('T0 on holidays, weekends and half days', () => {
  it('moves a US holiday (MLK Day, 2025-01-20) to the next New York session, while Hong Kong traded', () => {
    const r1 = at('2025-01-20');
    expect(t0(r1, 'BABA').t0).toBe('2025-01-21');
    expect(t0(r1, '^GSPC').t0).toBe('2025-01-21');
    expect(t0(r1, '9988.HK').t0).toBe('2025-01-20');
  });

  it('moves a Saturday (2025-02-01) to Monday on both sides of the Pacific', () => {
    expect(t0(at('2025-02-01'), '9988.HK').t0).toBe('2025-02-03');
    expect(t0(at('2025-02-01'), 'BABA').t0).toBe('2025-02-03');
  });

  it('moves a Hong Kong holiday (Ching Ming, Fri 2025-04-04) over the weekend to Monday 2025-04-07', () => {
    expect(t0(at('2025-04-04'), '^HSI').t0).toBe('2025-04-07');
    expect(t0(at('2025-04-04'), 'BABA').t0).toBe('2025-04-04');
  });

  it('moves an evening event (BYD, 19:30 Beijing on 2025-02-10) to the next Hong Kong session', () => {
    expect(t0(at('2025-02-10', '19:30', 'Asia/Shanghai'), '1211.HK')).toMatchObject({
      t0: '2025-02-11',
      afterClose: true,
    });
  });

  it('keeps a morning event on a Hong Kong half day (a placeholder row is still a session) and moves an afternoon one', () => {
    expect(t0(at('2025-01-28', '11:00', 'Asia/Hong_Kong'), '9988.HK')).toMatchObject({
      t0: '2025-01-28',
      afterClose: false,
    });
    expect(t0(at('2025-01-28', '13:00', 'Asia/Hong_Kong'), '9988.HK')).toMatchObject({
      t0: '2025-02-03',
      afterClose: true,
    });
    // The same 13:00 on a normal day is before the 16:00 close.
    expect(t0(at('2025-01-27', '13:00', 'Asia/Hong_Kong'), '9988.HK')).toMatchObject({
      t0: '2025-01-27',
      afterClose: false,
    });
  });

  it('closes New York at 13:00 on Christmas Eve and the day after Thanksgiving', () => {
    expect(t0(at('2024-12-24', '13:30', 'America/New_York'), 'BABA')).toMatchObject({
      t0: '2024-12-26',
      afterClose: true,
    });
    expect(t0(at('2024-12-24', '12:30', 'America/New_York'), 'BABA')).toMatchObject({
      t0: '2024-12-24',
      afterClose: false,
    });
    expect(t0(at('2024-11-29', '14:00', 'America/New_York'), 'BABA')).toMatchObject({
      t0: '2024-12-02',
      afterClose: true,
    });
  });

  it('treats an event exactly at the close as after it (the close auction has printed)', () => {
    expect(t0(at('2025-02-20', '16:00', 'America/New_York'), 'BABA').t0).toBe('2025-02-21');
    expect(t0(at('2025-02-20', '15:59', 'America/New_York'), 'BABA').t0).toBe('2025-02-20');
  });

  it('converts with daylight saving: 21:00 Hong Kong is 08:00 New York in winter, 09:00 after 9 March 2025', () => {
    expect(t0(at('2025-03-07', '21:00', 'Asia/Hong_Kong'), 'BABA')).toMatchObject({
      localDate: '2025-03-07',
      localTime: '08:00',
      t0: '2025-03-07',
    });
    expect(t0(at('2025-03-10', '21:00', 'Asia/Hong_Kong'), 'BABA')).toMatchObject({
      localDate: '2025-03-10',
      localTime: '09:00',
      t0: '2025-03-10',
    });
    // 08:00 Hong Kong on Monday 10 March is still Sunday evening in New York.
    expect(t0(at('2025-03-10', '08:00', 'Asia/Hong_Kong'), 'BABA')).toMatchObject({
      localDate: '2025-03-09',
      localTime: '20:00',
      t0: '2025-03-10',
    });
  });

  it('has no T0 outside the cached history', () => {
    expect(t0(at('2023-12-29'), '9988.HK')).toMatchObject({ t0: null, gap: 'before-cached-history' });
    expect(t0(at('2025-05-22'), '9988.HK')).toMatchObject({ t0: null, gap: 'after-cached-history' });
    expect(t0(at('2025-05-21', '17:00', 'Asia/Hong_Kong'), '9988.HK')).toMatchObject({
      t0: null,
      afterClose: true,
      gap: 'after-cached-history',
    });
    expect(t0ForEvent(at('2025-01-01'), 'Asia/Hong_Kong', [])).toMatchObject({ t0: null, gap: 'no-sessions' });
  });
});

describe('sessionCloseTime', () => {
  it.each([
    ['Asia/Hong_Kong', '2025-01-27', '16:00'],
    ['Asia/Hong_Kong', '2025-01-28', '12:00'], // Lunar New Year's Eve
    ['Asia/Hong_Kong', '2024-02-09', '12:00'], // Lunar New Year's Eve
    ['Asia/Hong_Kong', '2024-12-24', '12:00'],
    ['Asia/Hong_Kong', '2024-12-31', '12:00'],
    ['America/New_York', '2025-01-28', '16:00'],
    ['America/New_York', '2024-11-29', '13:00'], // day after Thanksgiving
    ['America/New_York', '2025-11-28', '13:00'],
    ['America/New_York', '2024-11-22', '16:00'], // a Friday, not after Thanksgiving
    ['America/New_York', '2025-07-03', '13:00'],
    ['America/New_York', '2024-12-24', '13:00'],
    ['Asia/Shanghai', '2025-01-27', '15:00'],
    ['Europe/London', '2025-01-27', '16:00'],
  ])('%s on %s closes at %s', (zone, date, close) => {
    expect(sessionCloseTime(zone, d(date))).toBe(close);
  });
});

it('addDays counts calendar days across month ends', () => {
  expect(addDays(d('2025-02-03'), 30)).toBe('2025-03-05');
  expect(addDays(d('2025-01-28'), 30)).toBe('2025-02-27');
  expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
});

describe('T0 by seeks (what the main process answers with index look-ups)', () => {
  it('agrees with a linear reading of the session list for any calendar, date and time', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays(d('2025-01-01'), n));
    fc.assert(
      fc.property(
        fc.uniqueArray(day, { maxLength: 30 }),
        day,
        fc.option(fc.constantFrom('09:30', '12:59', '13:00', '15:59', '16:00', '23:00')),
        (dates, date, time) => {
          const sessions = [...dates].sort();
          const seek = seekSessions(sessions);
          const firstFrom = (from: string, strictly: boolean) =>
            sessions.find((s) => (strictly ? s > from : s >= from)) ?? null;
          expect(seek.first).toBe(sessions[0] ?? null);
          expect(seek.onOrAfter(date)).toBe(firstFrom(date, false));
          expect(seek.after(date)).toBe(firstFrom(date, true));
          // The rule read plainly: the first session on or after the date, the next one when the
          // event is at or after that day's close; nothing outside the cached history.
          const zone = 'America/New_York';
          const afterClose = sessions.includes(date) && time !== null && time >= sessionCloseTime(zone, date);
          const expected = sessions.length === 0 || date < sessions[0]! ? null : firstFrom(date, afterClose);
          const got = t0FromLocal({ date, time }, zone, { ...seek } satisfies SessionSeek);
          expect(got.t0).toBe(expected);
          expect(got.afterClose).toBe(sessions.length > 0 && date >= sessions[0]! && afterClose);
          expect(got).toEqual(t0FromLocal({ date, time }, zone, sessions));
        },
      ),
    );
  });
});
