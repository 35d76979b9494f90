import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../../src/shared/brand';
import { CatalystError } from '../../../../src/shared/contract/errors';
import { toBar } from '../../../../src/shared/domain/bar';
import type { StudyEvent } from '../../../../src/shared/domain/study-event';
import { useTempDir } from '../../../helpers/temp-db';
import {
  copyResources,
  count,
  dump,
  openStudyHarness,
  RESOURCES,
  totalChanges,
  type StudyHarness,
} from './study-harness';
import { catalystErrorOf } from '../../../helpers/errors';

const STUDY_FILE = join('studies', 'china-tech-rally-2025.study.json');
const manifest = JSON.parse(readFileSync(join(RESOURCES, 'prices', 'manifest.json'), 'utf8')) as {
  files: Array<{ symbol: string; rows: number }>;
};
/** The parts of the raw study JSON these tests edit. */
interface RawStudy {
  revision: number;
  events: Array<{ id: string; date: string; title: string }>;
}
const TOTAL_ROWS = manifest.files.reduce((n, f) => n + f.rows, 0);

const userEvent = (over: Partial<StudyEvent> = {}): StudyEvent => ({
  id: 'user-note-1',
  studyId: 'china-tech-rally-2025',
  origin: 'user',
  date: asIsoDate('2025-02-14'),
  time: null,
  timezone: null,
  timeNote: null,
  title: 'My note: HSTECH breaks out',
  summary: 'Added by clicking the bar.',
  category: 'user',
  symbols: [asTicker('HSTECH.HK')],
  approximate: false,
  approxNote: null,
  window: null,
  source: { kind: 'user', quote: null, url: null, publication: null, evidence: null },
  ...over,
});

describe('SeedService', () => {
  const tmp = useTempDir();
  const opened: StudyHarness[] = [];
  const dirs: string[] = [];
  afterEach(() => {
    for (const h of opened.splice(0)) if (h.db.open) h.db.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const open = (resources?: string): StudyHarness => {
    const h = openStudyHarness(tmp.dbPath(), resources);
    opened.push(h);
    return h;
  };
  const resourcesCopy = (): string => {
    const d = copyResources();
    dirs.push(d);
    return d;
  };
  const editStudy = (dir: string, edit: (s: RawStudy) => void): void => {
    const p = join(dir, STUDY_FILE);
    const s = JSON.parse(readFileSync(p, 'utf8')) as RawStudy;
    edit(s);
    writeFileSync(p, JSON.stringify(s, null, 2));
  };

  it('seeds an empty database: the study, its 15 instruments with provenance, every shipped bar, events and claims', () => {
    const h = open();
    expect(h.seed.isSeeded()).toBe(false);
    const report = h.seed.seed();
    expect(report).toMatchObject({ studyId: 'china-tech-rally-2025', revision: 2, study: 'inserted', changed: true });
    expect(report.instruments.inserted).toHaveLength(15);
    expect(report.bars.inserted).toBe(TOTAL_ROWS);
    expect(report.events).toEqual({ inserted: 31, removed: 0, skipped: [] });
    expect(report.claims).toEqual({ inserted: 6, removed: 0 });
    expect(count(h.db, 'bars')).toBe(TOTAL_ROWS);
    for (const f of manifest.files) expect(h.repos.bars.count(asTicker(f.symbol)), f.symbol).toBe(f.rows);

    expect(h.repos.instruments.get(asTicker('HSTECH.HK'))).toMatchObject({
      kind: 'index',
      closeOnly: true,
      timezone: 'Asia/Hong_Kong',
      currency: 'HKD',
      provenance: expect.stringContaining('zedmon3tr/index-valuation'),
      adjustmentNote: expect.stringContaining('Close only'),
    });
    expect(h.repos.instruments.get(asTicker('BABA'))).toMatchObject({ timezone: 'America/New_York', exchange: 'NYSE' });
    expect(h.repos.instruments.get(asTicker('000001.SS'))).toMatchObject({ timezone: 'Asia/Shanghai', kind: 'index' });
    expect(h.repos.instruments.get(asTicker('9988.HK'))!.adjustmentNote).toMatch(
      /× 0\.98734.*2025-01-28: drawn as gaps, never used as a return base/,
    );
    // Half-day placeholder rows are kept and flagged; the close-only index has no OHLC.
    const hk = h.repos.bars.range(asTicker('9988.HK'), asIsoDate('2025-01-27'), asIsoDate('2025-02-03'));
    expect(hk.map((b) => [b.date, b.placeholder])).toEqual([
      ['2025-01-27', false],
      ['2025-01-28', true],
      ['2025-02-03', false],
    ]);
    expect(h.repos.bars.range(asTicker('HSTECH.HK'), asIsoDate('2024-12-31'), asIsoDate('2024-12-31'))).toEqual([
      {
        date: '2024-12-31',
        open: null,
        high: null,
        low: null,
        close: 4468.11,
        adjClose: null,
        volume: null,
        placeholder: false,
      },
    ]);
    expect(h.seed.isSeeded()).toBe(true);
  });

  it('is idempotent: a second run writes no row and every table is identical', () => {
    const h = open();
    h.seed.seed();
    const before = dump(h.db);
    const changes = totalChanges(h.db);
    const again = h.seed.seed();
    expect(again).toMatchObject({
      study: 'unchanged',
      changed: false,
      instruments: { inserted: [], updated: [] },
      bars: { inserted: 0 },
    });
    expect(again.events).toEqual({ inserted: 0, removed: 0, skipped: [] });
    expect(totalChanges(h.db)).toBe(changes);
    expect(dump(h.db)).toEqual(before);
  });

  it('seedIfEmpty seeds once, then returns null without writing', () => {
    const h = open();
    expect(h.seed.seedIfEmpty()).toMatchObject({ study: 'inserted' });
    const changes = totalChanges(h.db);
    expect(h.seed.seedIfEmpty()).toBeNull();
    expect(totalChanges(h.db)).toBe(changes);
    expect(h.seed.takeFirstLaunchReport()).toMatchObject({ study: 'inserted' });
    expect(h.seed.takeFirstLaunchReport()).toBeNull();
  });

  it('seedIfEmptySliced writes what seed writes, with the same report, a turn of the event loop between its slices', async () => {
    const whole = open();
    const report = whole.seed.seed();
    const sliced = openStudyHarness(join(tmp.dir(), 'sliced.db'));
    opened.push(sliced);
    let turns = 0;
    let studyStoredAt: number | null = null;
    const got = await sliced.seed.seedIfEmptySliced(async () => {
      // The study (what isSeeded looks for) must not be stored before every series is.
      if (studyStoredAt === null && sliced.seed.isSeeded()) studyStoredAt = turns;
      turns++;
      await new Promise<void>((r) => setImmediate(r));
    });
    expect(got).toEqual(report);
    // Every row alike but the moments they were written (`created_at`, `updated_at`).
    const undated = (d: Record<string, unknown[]>) =>
      Object.fromEntries(
        Object.entries(d).map(([t, rows]) => [
          t,
          rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !k.endsWith('_at')))),
        ]),
      );
    expect(undated(dump(sliced.db))).toEqual(undated(dump(whole.db)));
    // One turn before the manifest, one before the study file, before each price file read,
    // each series write and the study write.
    expect(turns).toBe(2 + manifest.files.length * 2 + 1);
    expect(studyStoredAt).toBeNull();
    expect(sliced.seed.isSeeded()).toBe(true);
    expect(await sliced.seed.seedIfEmptySliced()).toBeNull();
    expect(sliced.seed.takeFirstLaunchReport()).toEqual(report);
  });

  it('seedIfEmptySliced checks every shipped file before it writes anything', async () => {
    const resources = resourcesCopy();
    const p = join(resources, 'prices', 'BABA.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace('2025-01-28,90.94,', '2025-01-28,91.94,'));
    const h = open(resources);
    await expect(h.seed.seedIfEmptySliced()).rejects.toThrow(/BABA\.csv does not match its manifest hash/);
    expect(count(h.db, 'instruments') + count(h.db, 'bars') + count(h.db, 'studies')).toBe(0);
  });

  it('keeps user data through a re-seed, also of a newer revision: user events, newer bars, edited metadata', () => {
    const resources = resourcesCopy();
    let h = open(resources);
    h.seed.seed();
    const hk = asTicker('9988.HK');
    // A user's own events: one in the study, one outside any study.
    h.db.transaction(() => {
      h.repos.events.insert(userEvent(), 0);
      h.repos.events.insert(userEvent({ id: 'user-note-2', studyId: null, symbols: [hk] }), 0);
    })();
    // Newer provider data: a real candle for the 2025-01-28 half day, a corrected close, and a later session.
    const provider = [
      toBar({
        date: asIsoDate('2025-01-28'),
        open: 88.0,
        high: 88.9,
        low: 87.6,
        close: 88.35,
        adjClose: null,
        volume: 21_500_000,
      }),
      toBar({
        date: asIsoDate('2025-03-14'),
        open: 131.0,
        high: 136.4,
        low: 130.2,
        close: 135.9,
        adjClose: null,
        volume: 80_000_000,
      }),
      toBar({
        date: asIsoDate('2025-05-22'),
        open: 125.0,
        high: 126.0,
        low: 123.5,
        close: 124.6,
        adjClose: null,
        volume: 40_000_000,
      }),
    ];
    h.repos.bars.upsertBatch(hk, provider);
    // The user edits an instrument's provenance note.
    h.db.prepare("UPDATE instruments SET provenance = 'checked against my broker' WHERE symbol = 'BIDU'").run();
    const userRows = () => ({
      events: h.repos.events.list().filter((e) => e.origin === 'user'),
      bars: h.repos.bars
        .range(hk, asIsoDate('2025-01-28'), asIsoDate('2025-05-31'))
        .filter((b) => ['2025-01-28', '2025-03-14', '2025-05-22'].includes(b.date)),
      bidu: h.repos.instruments.get(asTicker('BIDU'))!.provenance,
    });
    const before = userRows();
    expect(before.events).toHaveLength(2);
    expect(before.bars.map((b) => [b.date, b.close, b.placeholder])).toEqual([
      ['2025-01-28', 88.35, false],
      ['2025-03-14', 135.9, false],
      ['2025-05-22', 124.6, false],
    ]);

    // Same revision: nothing at all changes.
    const snapshot = dump(h.db);
    expect(h.seed.seed().changed).toBe(false);
    expect(dump(h.db)).toEqual(snapshot);

    // A newer shipped revision: seed rows are replaced, user rows stay.
    h.db.close();
    editStudy(resources, (s) => {
      s.revision = 3;
      s.events.find((e) => e.id === 'hstech-2025-low')!.title = 'HSTECH 2025 closing low (revised)';
    });
    h = open(resources);
    // The user edited a seeded event, which makes it theirs (origin user): a newer seed must not replace it.
    h.db.prepare("UPDATE events SET origin = 'user', title = 'My own Apple note' WHERE id = 'apple-alibaba-ai'").run();
    const report = h.seed.seed();
    expect(report).toMatchObject({ study: 'updated', revision: 3, bars: { inserted: 0 } });
    expect(report.events).toEqual({ inserted: 30, removed: 30, skipped: ['apple-alibaba-ai'] });
    expect(h.repos.events.get('hstech-2025-low')!.title).toBe('HSTECH 2025 closing low (revised)');
    expect(h.repos.events.get('apple-alibaba-ai')).toMatchObject({ origin: 'user', title: 'My own Apple note' });
    expect(userRows()).toEqual({ ...before, events: expect.arrayContaining(before.events) });
    expect(h.repos.events.list().filter((e) => e.origin === 'user')).toHaveLength(3);
    expect(h.repos.studies.stored('china-tech-rally-2025')).toEqual({ origin: 'seed', revision: 3 });
  });

  it("fills an instrument a user imported before: the bare defaults get the shipped metadata, the user's bars and notes stay", () => {
    const h = open();
    const csv =
      'date,open,high,low,close,volume\n2025-01-27,86.0,87.0,85.5,86.9,1000\n2025-01-28,88.0,88.9,87.6,88.35,2000\n';
    h.market.importBarsCsv(asTicker('9988.HK'), csv);
    expect(h.repos.instruments.get(asTicker('9988.HK'))).toMatchObject({
      timezone: 'UTC',
      name: null,
      provenance: 'imported from a CSV file',
    });
    const report = h.seed.seed();
    expect(report.instruments.inserted).not.toContain('9988.HK');
    expect(report.instruments.updated).toEqual(['9988.HK']);
    expect(report.bars.bySymbol['9988.HK']).toBe(338 - 2);
    expect(h.repos.instruments.get(asTicker('9988.HK'))).toMatchObject({
      timezone: 'Asia/Hong_Kong',
      name: 'Alibaba Group',
      exchange: 'HKEX',
      provenance: 'imported from a CSV file',
      adjustmentNote: expect.stringContaining('0.98734'),
    });
    expect(
      h.repos.bars
        .range(asTicker('9988.HK'), asIsoDate('2025-01-27'), asIsoDate('2025-01-28'))
        .map((b) => [b.close, b.placeholder]),
    ).toEqual([
      [86.9, false],
      [88.35, false],
    ]);
    expect(h.seed.seed().changed).toBe(false);
  });

  it('rejects a malformed study file with a specific error and writes nothing', () => {
    const resources = resourcesCopy();
    editStudy(resources, (s) => {
      s.events.find((e) => e.id === 'qwen25-max-release')!.date = '2025-01-32';
    });
    const h = open(resources);
    const before = dump(h.db);
    const changes = totalChanges(h.db);
    const e = catalystErrorOf(() => h.seed.seed());
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/china-tech-rally-2025\.study\.json is not a valid study file; nothing was written/);
    expect(e.message).toMatch(/events\[\d+\] \("qwen25-max-release"\)\.date: must be a real date/);
    expect(totalChanges(h.db)).toBe(changes);
    expect(dump(h.db)).toEqual(before);
    expect(h.seed.isSeeded()).toBe(false);
    expect(() => h.seed.seedIfEmpty()).toThrow(CatalystError);
  });

  it('rejects an altered price file (hash mismatch) and writes nothing', () => {
    const resources = resourcesCopy();
    const p = join(resources, 'prices', 'BABA.csv');
    writeFileSync(
      p,
      readFileSync(p, 'utf8').replace('2025-01-28,90.94,96.43,89.9,96.03,', '2025-01-28,90.94,99.43,89.9,99.03,'),
    );
    const h = open(resources);
    const e = catalystErrorOf(() => h.seed.seed());
    expect(e.message).toMatch(/BABA\.csv does not match its manifest hash .*the shipped file was altered/);
    expect(count(h.db, 'instruments') + count(h.db, 'bars') + count(h.db, 'studies')).toBe(0);
  });

  it('verifies a file whose line endings a checkout turned into CRLF', () => {
    const resources = resourcesCopy();
    const p = join(resources, 'prices', 'BIDU.csv');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/\n/g, '\r\n'));
    const h = open(resources);
    expect(h.seed.seed().bars.bySymbol.BIDU).toBe(373);
  });

  it('writes everything in one transaction: a failure on the last table rolls back the bars and instruments', () => {
    const h = open();
    h.db.exec(
      "CREATE TRIGGER refuse_claims BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END;",
    );
    expect(() => h.seed.seed()).toThrow(/disk full \(simulated\)/);
    expect(count(h.db, 'instruments') + count(h.db, 'bars') + count(h.db, 'studies') + count(h.db, 'events')).toBe(0);
    h.db.exec('DROP TRIGGER refuse_claims');
    expect(h.seed.seed().bars.inserted).toBe(TOTAL_ROWS);
  });

  it('leaves a user study with the embedded id alone', () => {
    const h = open();
    h.repos.studies.write({
      id: 'china-tech-rally-2025',
      origin: 'user',
      revision: 1,
      title: 'My China study',
      description: '',
      source: { publication: null, author: 'me', title: 'notes', url: null, published: null, publishedNote: null },
      position: 0,
    });
    const r = h.seed.seed();
    expect(r.study).toBe('skipped-user-study');
    expect(h.repos.studies.get('china-tech-rally-2025')!.title).toBe('My China study');
    expect(count(h.db, 'events')).toBe(0);
    expect(r.bars.inserted).toBe(TOTAL_ROWS);
  });
});
