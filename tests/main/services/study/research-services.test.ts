import { createWriteTransaction } from '../../../../src/main/db/transaction';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import type { DataChangedEvent } from '../../../../src/shared/contract/app';
import { CompareService } from '../../../../src/main/services/study/compare-service';
import { EventStudyService } from '../../../../src/main/services/study/event-study-service';
import { UserEventsService } from '../../../../src/main/services/study/user-events-service';
import { StudySettingsRepository } from '../../../../src/main/db/repositories/study-settings-repository';
import { userEventInputSchema } from '../../../../src/shared/domain/user-event';
import { bareInstrument } from '../../../../src/main/db/repositories/instruments-repository';
import { toRebasedLine } from '../../../../src/renderer/src/features/chart/series-specs';
import { csvClose, shippedBars } from '../../../shared/domain/shipped-data';
import { catalystErrorOf } from '../../../helpers/errors';
import { useTempDir } from '../../../helpers/temp-db';
import { copyResources, openStudyHarness, type StudyHarness } from './study-harness';

const tmp = useTempDir();
const T = asTicker;

function research(h: StudyHarness) {
  const changes: DataChangedEvent[] = [];
  const userEvents = new UserEventsService({
    events: h.repos.events,
    studies: h.repos.studies,
    study: h.study,
    writeTransaction: createWriteTransaction(h.db),
    onChanged: (e) => changes.push(e),
  });
  const eventStudy = new EventStudyService({
    ...h.repos,
    settings: new StudySettingsRepository(h.db),
    notify: (e) => changes.push(e),
  });
  const compare = new CompareService(h.repos);
  return { userEvents, eventStudy, compare, changes };
}

function seeded(resources?: string) {
  const h = openStudyHarness(tmp.dbPath(), resources);
  h.seed.seed();
  return { h, ...research(h) };
}

const input = (v: unknown) => userEventInputSchema.parse(v);

describe('user events', () => {
  it('adds, edits, deletes with undo; one change signal per write', () => {
    const { h, userEvents, changes } = seeded();
    const added = userEvents.add(
      input({
        date: '2025-02-03',
        title: 'My note: HK reopens',
        symbols: ['9988.HK', 'BABA'],
        studyId: 'china-tech-rally-2025',
        url: 'https://example.com/x',
      }),
    );
    expect(added).toMatchObject({
      id: 'user-20250203-my-note-hk-reopens',
      origin: 'user',
      category: 'user',
      t0: { '9988.HK': '2025-02-03', BABA: '2025-02-03' },
      hidden: false,
      source: { kind: 'user', url: 'https://example.com/x' },
    });
    expect(changes).toEqual([{ kinds: ['events'] }]);
    // A second event with the same date and title gets its own id.
    const twin = userEvents.add(input({ date: '2025-02-03', title: 'My note: HK reopens', symbols: ['BABA'] }));
    expect(twin.id).toBe('user-20250203-my-note-hk-reopens-2');
    expect(twin.studyId).toBeNull();

    const edited = userEvents.edit({
      id: added.id,
      changes: { title: 'HK reopens after LNY', time: '20:00', timezone: 'Asia/Hong_Kong', category: 'market' },
    });
    // 20:00 is after the Hong Kong close: T0 moves to the next session; New York gets 07:00 the same day.
    expect(edited).toMatchObject({ title: 'HK reopens after LNY', category: 'market', time: '20:00' });
    expect(edited.t0).toEqual({ '9988.HK': '2025-02-04', BABA: '2025-02-03' });
    expect(h.study.listEvents({ studyId: 'china-tech-rally-2025' }).some((e) => e.id === added.id)).toBe(true);

    const deleted = userEvents.delete(added.id);
    expect(h.repos.events.get(added.id)).toBeNull();
    const restored = userEvents.add(deleted.restore);
    expect(restored).toEqual(deleted.event);
    expect(changes).toHaveLength(5);
  });

  it("refuses to edit or delete a study's own event, and bad input", () => {
    const { userEvents } = seeded();
    expect(catalystErrorOf(() => userEvents.edit({ id: 'qwen25-max-release', changes: { title: 'x' } }))).toMatchObject(
      { code: 'conflict' },
    );
    expect(catalystErrorOf(() => userEvents.delete('qwen25-max-release'))).toMatchObject({ code: 'conflict' });
    expect(catalystErrorOf(() => userEvents.delete('nope'))).toMatchObject({ code: 'not-found' });
    expect(catalystErrorOf(() => userEvents.edit({ id: 'nope', changes: { title: 'x' } }))).toMatchObject({
      code: 'not-found',
    });
    expect(userEventInputSchema.safeParse({ date: '2025-02-30', title: 'x', symbols: ['A'] }).success).toBe(false);
    expect(
      userEventInputSchema.safeParse({ date: '2025-02-03', time: '10:00', title: 'x', symbols: ['A'] }).success,
    ).toBe(false);
    expect(userEventInputSchema.safeParse({ date: '2025-02-03', title: 'x', symbols: [] }).success).toBe(false);
  });

  it('hides a seeded event; the flag and user events survive a newer re-seed', () => {
    const resources = copyResources();
    let { h, userEvents } = seeded(resources);
    userEvents.setHidden('qwen25-max-release', true);
    userEvents.add(input({ date: '2025-03-01', title: 'Mine', symbols: ['BABA'], studyId: 'china-tech-rally-2025' }));
    h.db.close();
    const file = join(resources, 'studies', 'china-tech-rally-2025.study.json');
    const study = JSON.parse(readFileSync(file, 'utf8')) as { revision: number };
    study.revision += 1;
    writeFileSync(file, JSON.stringify(study));
    ({ h, userEvents } = seeded(resources));
    const events = h.study.listEvents({ studyId: 'china-tech-rally-2025' });
    expect(events.find((e) => e.id === 'qwen25-max-release')).toMatchObject({ hidden: true, origin: 'seed' });
    expect(events.find((e) => e.id === 'user-20250301-mine')).toMatchObject({ origin: 'user', hidden: false });
    expect(userEvents.setHidden('qwen25-max-release', false).hidden).toBe(false);
    h.db.close();
  });

  it('imports a CSV with a preview, all or nothing, and exports it back', () => {
    const { h, userEvents, changes } = seeded();
    const csv = [
      'date,time,timezone,title,category,symbols,note,url',
      '2025-02-10,09:30,America/New_York,"Earnings, pre-market",corporate,"BABA,9988.HK",A note,https://example.com/e',
      '2025-02-11,,,Plain day,,BIDU,,',
      '2025-02-11,,,Plain day,,BIDU,,',
      '2025-01-28,23:00,Asia/Shanghai,Alibaba releases Qwen2.5-Max,ai,"9988.HK,BABA,HSTECH.HK",,',
    ].join('\r\n');
    const preview = userEvents.previewImport(csv, 'china-tech-rally-2025');
    expect(preview.lines.map((l) => [l.line, l.status, l.reason])).toEqual([
      [2, 'ok', null],
      [3, 'ok', null],
      [4, 'duplicate', 'the same event is earlier in the file'],
      [5, 'duplicate', 'the same event is already stored'],
    ]);
    expect(changes).toHaveLength(0);

    const bad = `${csv}\r\n2025-13-01,,,Bad date,,BABA,,\r\n2025-02-12,,,Bad symbol,,"BA BA!",,`;
    const badPreview = userEvents.previewImport(bad);
    expect(badPreview.errors).toBe(2);
    expect(badPreview.lines.at(-2)!.reason).toMatch(/^date: must be a real date/);
    expect(badPreview.lines.at(-1)!.reason).toBe('"BA!" is not a symbol');
    const before = h.repos.events.list().length;
    const err = catalystErrorOf(() => userEvents.confirmImport(bad));
    expect(err).toMatchObject({ code: 'invalid-input' });
    expect(err.message).toMatch(/nothing imported: 2 line\(s\) have errors\nline 6: date/);
    expect(h.repos.events.list()).toHaveLength(before);

    const done = userEvents.confirmImport(csv, 'china-tech-rally-2025');
    expect(done).toMatchObject({ imported: 2, ok: 2, duplicates: 2, errors: 0 });
    expect(h.study.getEvent(done.ids[0]!)).toMatchObject({
      title: 'Earnings, pre-market',
      category: 'corporate',
      time: '09:30',
      summary: 'A note',
      symbols: ['BABA', '9988.HK'],
      t0: { BABA: '2025-02-10', '9988.HK': '2025-02-11' },
    });
    expect(changes).toHaveLength(1);
    // Importing the same file again adds nothing.
    expect(userEvents.confirmImport(csv, 'china-tech-rally-2025')).toMatchObject({ imported: 0, duplicates: 4 });

    const out = userEvents.exportCsv('china-tech-rally-2025');
    expect(out.count).toBe(33);
    expect(out.content.split('\r\n')[0]).toBe('date,time,timezone,title,category,symbols,note,url');
    expect(out.content).toContain(
      '2025-02-10,09:30,America/New_York,"Earnings, pre-market",corporate,"BABA,9988.HK",A note,https://example.com/e\r\n',
    );
    // The export reads back as 33 duplicates: a lossless round trip of what the format carries.
    expect(userEvents.previewImport(out.content)).toMatchObject({ ok: 0, duplicates: 33, errors: 0 });
  });
});

describe('event study on the shipped data', () => {
  it('Qwen2.5-Max on 9988.HK against ^HSI: T0 2025-02-03, [0, +1] by hand from the closes', async () => {
    const { eventStudy } = seeded();
    const r = await eventStudy.run({ eventId: 'qwen25-max-release', symbols: [T('9988.HK'), T('BABA')] });
    expect(r.symbols).toEqual(['9988.HK', 'BABA']);
    expect(r.rows).toHaveLength(8);
    const row = r.rows.find((x) => x.symbol === '9988.HK' && x.window[0] === 0 && x.window[1] === 1)!;
    expect(row).toMatchObject({ benchmark: '^HSI', t0: '2025-02-03', from: '2025-02-03', to: '2025-02-04' });
    const c = (s: string, d: string) => csvClose(s, d);
    // 01-28 is a placeholder row for 9988.HK: the T0 return runs from the 01-27 close.
    const r1 = c('9988.HK', '2025-02-03') / c('9988.HK', '2025-01-27') - 1; // 94 / 87.25 − 1
    const r2 = c('9988.HK', '2025-02-04') / c('9988.HK', '2025-02-03') - 1; // 97.65 / 94 − 1
    // ^HSI over the same calendar spans (its 01-28 is a real session, inside the first span).
    const m1 = c('^HSI', '2025-02-03') / c('^HSI', '2025-01-27') - 1;
    const m2 = c('^HSI', '2025-02-04') / c('^HSI', '2025-02-03') - 1;
    expect(row.ret).toBeCloseTo((1 + r1) * (1 + r2) - 1, 12);
    expect(row.ret).toBeCloseTo(97.65 / 87.25 - 1, 12);
    expect(row.arMarketAdjusted).toBeCloseTo(r1 - m1 + (r2 - m2), 12);
    expect(row.carMarketModel).toBeCloseTo(r1 - row.alpha! - row.beta! * m1 + (r2 - row.alpha! - row.beta! * m2), 12);
    expect(row.estimation).toMatchObject({ n: 120 });
    expect(row.missing).toEqual([]);
    expect(row.tStat).not.toBeNull();
    // BABA is a New York listing: ^GSPC, and 23:00 Beijing is 10:00 in New York, inside the 01-28 session.
    expect(r.rows.find((x) => x.symbol === 'BABA')).toMatchObject({ benchmark: '^GSPC', t0: '2025-01-28' });
    // Across symbols for the event: the mean of the two CARs.
    const s01 = r.byEvent.find((x) => x.window[0] === 0 && x.window[1] === 1)!;
    const cars = r.rows.filter((x) => x.window[1] === 1 && x.window[0] === 0).map((x) => x.carMarketModel!);
    expect(s01).toMatchObject({ key: 'qwen25-max-release', n: 2 });
    expect(s01.mean).toBeCloseTo((cars[0]! + cars[1]!) / 2, 12);
  });

  it('a run benchmark overrides; a study benchmark is remembered; missing data is said', async () => {
    const { h, eventStudy } = seeded();
    const r = await eventStudy.run({
      eventId: 'qwen25-max-release',
      symbols: [T('9988.HK')],
      benchmark: T('^GSPC'),
      windows: [[0, 300 - 100]],
    });
    expect(r.rows[0]).toMatchObject({ benchmark: '^GSPC', ret: null });
    // 9988.HK's cache ends 2025-05-21, 72 sessions after T0 2025-02-03.
    expect(r.rows[0]!.missing).toEqual([
      'window [0, +200] needs sessions to +200; the cache reaches +72 (last 2025-05-21)',
    ]);
    const before = await eventStudy.run({ eventId: 'deepseek-r1-release', symbols: [T('BABA')] });
    expect([before.studyBenchmark, before.rows[0]!.benchmark]).toEqual([null, '^GSPC']);
    const other = research(h);
    other.eventStudy.setBenchmark('china-tech-rally-2025', T('^HSI'));
    // The views rerun on the change signal.
    expect(other.changes).toEqual([{ kinds: ['studies'] }]);
    const r2 = await eventStudy.run({ eventId: 'deepseek-r1-release', symbols: [T('BABA'), T('NOPE')] });
    expect(r2.studyBenchmark).toBe('^HSI');
    expect(r2.rows[0]!.benchmark).toBe('^HSI');
    expect(r2.rows.find((x) => x.symbol === 'NOPE')!.missing).toEqual(['NOPE is not in the cache']);
    // An event in the first weeks of the cache has no estimation window: raw returns only, and why.
    const { userEvents } = research(h);
    const early = userEvents.add(input({ date: '2024-02-01', title: 'Early', symbols: ['9988.HK'] }));
    const e = await eventStudy.run({ eventId: early.id, windows: [[0, 1]] });
    expect(e.rows[0]).toMatchObject({ t0: '2024-02-01', carMarketModel: null, tStat: null, alpha: null });
    expect(e.rows[0]!.ret).not.toBeNull();
    // 9988.HK has 22 January 2024 rows, 01-15 a placeholder: 20 returns (01-03 … 01-31 less 01-15) before
    // T0 2024-02-01 at position 20, so −130 … −11 has only positions 0 … 9: 10 sessions.
    expect(e.rows[0]!.missing).toEqual([
      'estimation window (sessions −130 … −11) needs 120 sessions of returns; the cache has 10 (returns start 2024-01-03)',
    ]);
  });

  it("a study's own windows: validated, saved, ordered, used by every run without windows, and reset", async () => {
    const { h, eventStudy, changes } = seeded();
    const id = 'china-tech-rally-2025';
    const before = await eventStudy.run({ eventId: 'qwen25-max-release', symbols: [T('9988.HK')] });
    expect(before.windows).toEqual([
      [-5, -1],
      [0, 1],
      [0, 5],
      [0, 20],
    ]);
    expect(before.studyWindows).toBeNull();
    // Refused, nothing saved: a repeated window, a reversed one, none at all, an unknown study.
    for (const bad of [
      [
        [0, 5],
        [0, 5],
      ],
      [[5, 1]],
      [],
      Array.from({ length: 13 }, (_, i) => [0, i]),
    ] as const)
      expect(catalystErrorOf(() => eventStudy.setWindows(id, bad as never))?.code).toBe('invalid-input');
    expect(catalystErrorOf(() => eventStudy.setWindows('no-such-study', [[0, 1]]))?.code).toBe('not-found');
    expect(eventStudy.windowsOf(id)).toBeNull();
    expect(changes).toEqual([]);

    expect(
      eventStudy.setWindows(id, [
        [0, 5],
        [-10, 10],
      ]),
    ).toEqual({
      windows: [
        [-10, 10],
        [0, 5],
      ],
    });
    expect(changes).toEqual([{ kinds: ['studies'] }]);
    // Kept in the database: another service over the same file reads it.
    expect(research(h).eventStudy.windowsOf(id)).toEqual([
      [-10, 10],
      [0, 5],
    ]);
    const r = await eventStudy.run({ eventId: 'qwen25-max-release', symbols: [T('9988.HK')] });
    expect(r.studyWindows).toEqual([
      [-10, 10],
      [0, 5],
    ]);
    expect(r.rows.map((x) => x.window)).toEqual(r.studyWindows);
    // [-10, +10] around T0 2025-02-03 on 9988.HK, compounded from the closes.
    const wide = r.rows[0]!;
    const base = shippedBars('9988.HK')
      .filter((b) => !b.placeholder && b.date < wide.from!)
      .at(-1)!;
    expect(wide.ret).toBeCloseTo(csvClose('9988.HK', wide.to!) / base.close - 1, 12);
    // A run's own windows still win; an event outside any study uses the defaults.
    expect((await eventStudy.run({ studyId: id, windows: [[0, 1]] })).windows).toEqual([[0, 1]]);
    expect(eventStudy.setWindows(id, null)).toEqual({ windows: null });
    expect((await eventStudy.run({ eventId: 'qwen25-max-release' })).windows).toHaveLength(4);
  });

  it('the whole study: every visible event × subject × window, with per-symbol summaries', async () => {
    const { eventStudy, userEvents } = seeded();
    userEvents.setHidden('hk-tariff-crash', true);
    const r = await eventStudy.run({ studyId: 'china-tech-rally-2025' });
    expect(r.symbols).toHaveLength(12);
    expect(r.events).toHaveLength(30);
    expect(r.events).not.toContain('hk-tariff-crash');
    expect(r.rows).toHaveLength(30 * 12 * 4);
    expect(r.bySymbol).toHaveLength(12 * 4);
    for (const row of r.rows) {
      const measured = row.carMarketModel !== null;
      expect(measured || row.missing.length > 0).toBe(true);
    }
  });
});

describe('compare at an event', () => {
  it('rebases each symbol at its own T0 and says when there is no data at the anchor', () => {
    const { compare } = seeded();
    const out = compare.compare({
      symbols: [T('9988.HK'), T('BABA'), T('HSTECH.HK'), T('NOPE')],
      anchor: { eventId: 'qwen25-max-release' },
      from: asIsoDate('2025-01-20'),
      to: asIsoDate('2025-02-28'),
    });
    expect(out.map((s) => [s.symbol, s.anchorDate, s.missing])).toEqual([
      ['9988.HK', '2025-02-03', null],
      ['BABA', '2025-01-28', null],
      ['HSTECH.HK', '2025-02-03', null],
      ['NOPE', null, 'NOPE is not in the cache'],
    ]);
    const hk = out[0]!;
    expect(hk.points.find((p) => p.date === '2025-02-03')!.value).toBe(100);
    expect(hk.points.find((p) => p.date === '2025-02-04')!.value).toBeCloseTo((100 * 97.65) / 94, 12);
    expect(hk.points.some((p) => p.date === '2025-01-28')).toBe(false);
    const onPlaceholder = compare.compare({ symbols: [T('9988.HK')], anchor: { date: asIsoDate('2025-01-28') } });
    expect(onPlaceholder[0]!.missing).toBe('no data at the anchor 2025-01-28: the bar is a vendor placeholder row');
  });
  it('the chart draws what `catalyst compare` prints: one shared rebasing, one anchor per symbol', () => {
    const { h, compare } = seeded();
    const out = compare.compare({ symbols: [T('9988.HK'), T('BABA')], anchor: { eventId: 'qwen25-max-release' } });
    for (const s of out) {
      const bars = h.repos.bars.range(s.symbol);
      const line = toRebasedLine(bars, s.anchorDate!);
      const drawn = line.flatMap((p) => ('value' in p ? [{ date: p.time, value: p.value }] : []));
      expect(drawn).toEqual(s.points);
    }
  });

  it('shows every series in one currency when the rates are cached, each in its own by default', () => {
    const { h, compare } = seeded();
    const anchor = { eventId: 'qwen25-max-release' } as const;
    const symbols = [T('9988.HK'), T('BABA')];
    expect(compare.compare({ symbols, anchor, currency: 'USD' })[0]!.missing).toBe(
      'cannot show 9988.HK in USD: HKD=X is not in the cache',
    );
    // HKD per US dollar: 7.8 until 2025-01-31, then 7.75.
    const hkdX = h.repos.bars.range(T('BABA')).map((b) => ({
      ...b,
      open: null,
      high: null,
      low: null,
      adjClose: null,
      volume: null,
      close: b.date < '2025-02-01' ? 7.8 : 7.75,
    }));
    h.repos.instruments.insertIfMissing(bareInstrument(T('HKD=X'), { currency: 'HKD' }));
    h.repos.bars.upsertBatch(T('HKD=X'), hkdX);
    const own = compare.compare({ symbols, anchor });
    const usd = compare.compare({ symbols, anchor, currency: 'USD' });
    expect(own.map((s) => [s.currency, s.convertedFrom])).toEqual([
      ['HKD', null],
      ['USD', null],
    ]);
    expect(usd.map((s) => [s.currency, s.convertedFrom, s.anchorDate])).toEqual([
      ['USD', 'HKD', '2025-02-03'],
      ['USD', null, '2025-01-28'],
    ]);
    // BABA is already in dollars: the same points.
    expect(usd[1]!.points).toEqual(own[1]!.points);
    // 9988.HK on 2025-01-27 (close 87.25 HKD at 7.8) against T0 2025-02-03 (close 94 HKD at 7.75).
    const jan27 = (s: (typeof usd)[number]) => s.points.find((p) => p.date === '2025-01-27')!.value;
    expect(jan27(own[0]!)).toBeCloseTo((100 * 87.25) / 94, 12);
    expect(jan27(usd[0]!)).toBeCloseTo((100 * (87.25 / 7.8)) / (94 / 7.75), 12);
  });
});

describe('claims a user can question', () => {
  it('a what-if changes the verdict; the sensitivity strip counts the days a claim holds', () => {
    const h = openStudyHarness(tmp.dbPath());
    h.seed.seed();
    const hstech = h.claims.whatIf('china-tech-rally-2025', 'hstech-nearly-30-ytd');
    // The study's own parameters: within 27–33 % on 12 of the 41 Feb–Mar sessions (docs/study-format.md).
    expect(hstech.evaluation.results[0]!.verdict).toBe('holds');
    const strip = hstech.sensitivity[0]!;
    expect(strip.points).toHaveLength(41);
    expect(strip.holds).toBe(12);
    expect(strip.points.find((p) => p.date === '2025-02-24')!.value).toBeCloseTo(
      csvClose('HSTECH.HK', '2025-02-24') / 4468.11 - 1,
      12,
    );
    // Alibaba within 5 days of T0 instead of 30: 100 (2025-02-07) / 87.25 − 1 = +14.6 %, under 45 %: fails.
    const qwen = h.claims.whatIf('china-tech-rally-2025', 'alibaba-50pct-after-qwen', {
      kind: 'max-gain-within-days',
      event: 'qwen25-max-release',
      days: 5,
      holds: { above: 0.5 },
      borderline: { above: 0.45 },
    });
    const hk = qwen.evaluation.results.find((r) => r.symbol === '9988.HK')!;
    expect(hk).toMatchObject({ verdict: 'fails', to: '2025-02-07' });
    expect(hk.value).toBeCloseTo(100 / 87.25 - 1, 12);
    expect(qwen.defaults).toMatchObject({ kind: 'max-gain-within-days', days: 30 });
    // A what-if never changes the stored claim.
    expect(h.claims.evaluate().find((c) => c.id === 'alibaba-50pct-after-qwen')!.metric).toMatchObject({ days: 30 });
    expect(
      catalystErrorOf(() =>
        h.claims.whatIf('china-tech-rally-2025', 'alibaba-50pct-after-qwen', {
          kind: 'gain-over-period',
          from: asIsoDate('2025-01-01'),
          to: asIsoDate('2025-02-01'),
          holds: { above: 0 },
        }),
      ),
    ).toMatchObject({ code: 'invalid-input' });
    // Thresholds that contradict each other are refused: a borderline band that no longer contains
    // the holds band (27–33 % moved up to 30–40 % inside the 25–35 % borderline band).
    const nearly30 = h.claims.whatIf('china-tech-rally-2025', 'hstech-nearly-30-ytd').defaults;
    expect(nearly30).toMatchObject({ holds: { min: 0.27, max: 0.33 }, borderline: { min: 0.25, max: 0.35 } });
    const moved = { ...nearly30, holds: { min: 0.3, max: 0.4 } } as typeof nearly30;
    expect(
      catalystErrorOf(() => h.claims.whatIf('china-tech-rally-2025', 'hstech-nearly-30-ytd', moved)),
    ).toMatchObject({ code: 'invalid-input', message: 'the borderline band must contain the holds band' });
    // Widening the borderline band with it makes the what-if valid again.
    const widened = { ...moved, borderline: { min: 0.25, max: 0.45 } } as typeof nearly30;
    expect(h.claims.whatIf('china-tech-rally-2025', 'hstech-nearly-30-ytd', widened).evaluation.metric).toEqual(
      widened,
    );
    expect(
      catalystErrorOf(() =>
        h.claims.whatIf('china-tech-rally-2025', 'alibaba-50pct-after-qwen', {
          kind: 'max-gain-within-days',
          event: 'qwen25-max-release',
          days: 30,
          holds: { above: 0.4 },
          borderline: { above: 0.45 },
        }),
      ),
    ).toMatchObject({ code: 'invalid-input', message: 'the borderline bound must not be above the holds bound' });
    const pe = h.claims.whatIf('china-tech-rally-2025', 'index-pe-ratios');
    expect(pe.evaluation.results.map((r) => r.verdict)).toEqual(['not-checkable', 'not-checkable', 'not-checkable']);
    expect(pe.sensitivity[0]).toMatchObject({ points: [], note: 'Not checkable from prices.' });
    h.db.close();
  });
});
