import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/create-core';
import type { Envelope } from '../../../../src/shared/contract/index';
import type { StudyImportResult } from '../../../../src/shared/contract/study-files';
import { parseStudyFile, type StudyFile } from '../../../../src/shared/domain/study';
import { catalystErrorOf } from '../../../helpers/errors';
import { useTempDir } from '../../../helpers/temp-db';
import { RESOURCES } from './study-harness';

const SENDER = { url: 'test://page' };
const SHIPPED = readFileSync(join(RESOURCES, 'studies', 'china-tech-rally-2025.study.json'), 'utf8');
const ID = 'china-tech-rally-2025';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
const clone = (text: string): Mutable<StudyFile> => JSON.parse(text) as Mutable<StudyFile>;

describe('study files (.catalyst.json)', () => {
  const tmp = useTempDir();
  const cores: Core[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
  });
  const open = (name: string, seedOnOpen: boolean): Core => {
    const c = createCore({ dbPath: join(tmp.dir(), name), seedOnOpen, isTrustedSender: () => true });
    cores.push(c);
    return c;
  };
  const rowCounts = (c: Core) =>
    ['studies', 'study_instruments', 'events', 'event_symbols', 'claims'].map(
      (t) => (c.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    );

  it('exports the seeded embedded study as the shipped file says it', () => {
    const c = open('a.db', true);
    const file = c.services.studyFiles.exportStudy(ID);
    expect(file.fileName).toBe('china-tech-rally-2025.catalyst.json');
    const exported = parseStudyFile(file.content);
    const shipped = parseStudyFile(SHIPPED);
    if (!exported.ok || !shipped.ok) throw new Error('unparseable');
    const byId = <T extends { id: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...exported.study, events: byId(exported.study.events) }).toEqual({
      ...shipped.study,
      events: byId(shipped.study.events),
    });
  });

  it('round trip: export → import into an empty database gives the same study, and exports byte-identically', async () => {
    const a = open('a.db', true);
    const original = a.services.studyFiles.exportStudy(ID).content;
    const b = open('b.db', false);
    const pushed: unknown[] = [];
    b.push.attach((event, payload) => pushed.push([event, payload]));
    const r = (await b.router.dispatch('studies.import', { text: original }, SENDER)) as Envelope<StudyImportResult>;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ target: 'new', studyId: ID, counts: { conflict: 0, exists: 0 } });
    expect(r.value.study).toMatchObject({ id: ID, origin: 'user', events: 31, claims: 6, subjects: 12, benchmarks: 3 });
    expect(pushed).toEqual([['data.changed', { kinds: ['studies', 'events', 'claims'] }]]);
    expect(b.services.studyFiles.exportStudy(ID).content).toBe(original);
    const strip = (d: ReturnType<Core['services']['study']['getStudy']>) => ({
      ...d,
      origin: null,
      universe: d.universe.map((u) => ({ symbol: u.symbol, role: u.role, note: u.note })),
      events: d.events.map(({ origin: _o, t0: _t, ...e }) => e),
      claims: d.claims.map(({ origin: _o, ...c }) => c),
    });
    expect(strip(b.services.study.getStudy(ID))).toEqual(strip(a.services.study.getStudy(ID)));
  });

  it('the same file again is "unchanged": nothing written, no data.changed', () => {
    const c = open('a.db', true);
    const before = rowCounts(c);
    const pushed: unknown[] = [];
    c.push.attach((e) => pushed.push(e));
    const r = c.services.studyFiles.import(SHIPPED);
    expect(r.target).toBe('unchanged');
    expect(r.counts).toMatchObject({ new: 0, conflict: 0, written: 0 });
    expect(r.items.every((i) => i.status === 'exists' && i.action === 'skip')).toBe(true);
    expect(rowCounts(c)).toEqual(before);
    expect(pushed).toEqual([]);
  });

  function changedFile(): string {
    const f = clone(SHIPPED);
    f.revision = 2;
    f.events[0]!.title = 'Their own title';
    f.events.push({
      ...f.events[1]!,
      id: 'their-new-event',
      title: 'Something they added',
      date: '2025-03-20' as never,
    });
    f.claims[0]!.note = 'Their note';
    return JSON.stringify(f);
  }

  it('a differing study is previewed item by item and imported as a copy; the receiver’s rows stay as they were', () => {
    const c = open('a.db', true);
    const mineBefore = c.services.studyFiles.exportStudy(ID).content;
    const text = changedFile();
    const preview = c.services.studyFiles.preview(text);
    expect(preview.target).toBe('copy');
    expect(preview.studyId).toBe(`${ID}-copy`);
    const ev = preview.items.find((i) => i.key === 'event:hstech-2025-low')!;
    expect(ev).toMatchObject({ status: 'conflict', action: 'add-renamed', newId: 'hstech-2025-low-imported' });
    expect(ev.detail).toBe('differs in title');
    expect(preview.items.find((i) => i.key === 'event:their-new-event')).toMatchObject({
      status: 'new',
      action: 'add',
    });
    expect(preview.items.find((i) => i.key === 'claim:hstech-nearly-30-ytd')).toMatchObject({ status: 'conflict' });
    expect(rowCounts(c)[0]).toBe(1);

    const r = c.services.studyFiles.import(text);
    expect(r.study).toMatchObject({ id: `${ID}-copy`, title: 'China tech rally 2025 (copy)', events: 32, claims: 6 });
    expect(c.services.studyFiles.exportStudy(ID).content).toBe(mineBefore);
    // The copy's claims point at the copy's renamed events, and evaluate the same.
    const copy = c.services.study.getStudy(`${ID}-copy`);
    const qwenClaim = copy.claims.find((x) => x.id === 'alibaba-50pct-after-qwen')!;
    expect(qwenClaim.metric).toMatchObject({ event: 'qwen25-max-release-imported' });
    const verdicts = (id: string) =>
      c.services.claims
        .evaluate(id)
        .flatMap((x) => x.results.map((res) => `${x.id} ${res.symbol} ${res.verdict} ${res.value}`));
    expect(verdicts(`${ID}-copy`)).toEqual(verdicts(ID));
    // A second import of the same differing file makes a second copy, never touching the first.
    expect(c.services.studyFiles.import(text).studyId).toBe(`${ID}-copy-2`);
  });

  it('merge adds only what is new; a conflict keeps yours unless you pick "copy" for it', () => {
    const c = open('a.db', true);
    const text = changedFile();
    const r = c.services.studyFiles.import(text, {
      mode: 'merge',
      choices: { 'claim:hstech-nearly-30-ytd': 'copy' },
    });
    expect(r.target).toBe('merge');
    expect(r.items.find((i) => i.key === 'event:hstech-2025-low')).toMatchObject({ action: 'keep-mine' });
    expect(r.items.find((i) => i.key === 'study:' + ID)).toMatchObject({ status: 'conflict', action: 'skip' });
    const d = c.services.study.getStudy(ID);
    expect(d.events.find((e) => e.id === 'hstech-2025-low')!.title).toBe('Hang Seng TECH Index 2025 closing low');
    expect(d.events.find((e) => e.id === 'their-new-event')).toMatchObject({
      origin: 'user',
      title: 'Something they added',
    });
    expect(d.claims.map((x) => x.id)).toContain('hstech-nearly-30-ytd-imported');
    expect(d.claims.find((x) => x.id === 'hstech-nearly-30-ytd')!.note).not.toBe('Their note');
    expect(r.counts.written).toBe(2);
  });

  it('a new study whose event ids belong to another study gets those events renamed', () => {
    const c = open('a.db', true);
    const f = clone(SHIPPED);
    f.id = 'someone-elses-study';
    const r = c.services.studyFiles.import(JSON.stringify(f));
    expect(r.target).toBe('new');
    const ev = r.items.find((i) => i.key === 'event:qwen25-max-release')!;
    expect(ev).toMatchObject({ status: 'conflict', action: 'add-renamed', newId: 'qwen25-max-release-imported' });
    expect(ev.detail).toBe(`the id belongs to study “${ID}”`);
    expect(c.services.study.getStudy(ID).events).toHaveLength(31);
    expect(c.services.study.getStudy('someone-elses-study').events).toHaveLength(31);
  });

  it('refuses an invalid or oversized file with every problem listed, writing nothing', async () => {
    const c = open('a.db', true);
    const before = rowCounts(c);
    const f = clone(SHIPPED);
    f.id = 'broken-one';
    f.events[2]!.date = '2025-02-30' as never;
    (f.claims[1]!.metric as { event: string }).event = 'no-such-event';
    const e = catalystErrorOf(() => c.services.studyFiles.import(JSON.stringify(f)));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toMatch(/events\[2\] \("[a-z0-9-]+"\)\.date: must be a real date/);
    expect(e.message).toMatch(/claims\[1\] \("alibaba-50pct-after-qwen"\)\.metric\.event: no event "no-such-event"/);
    expect(catalystErrorOf(() => c.services.studyFiles.import('{"format":"something-else"}')).message).toMatch(
      /not a Catalyst study file/,
    );
    const huge = await c.router.dispatch('studies.import', { text: 'x'.repeat(5 * 1024 * 1024 + 1) }, SENDER);
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(rowCounts(c)).toEqual(before);
  });

  it('writes all or nothing: a failure on the last row rolls the whole import back', () => {
    const c = open('a.db', true);
    const before = rowCounts(c);
    c.db.exec(
      "CREATE TRIGGER refuse_claim BEFORE INSERT ON claims WHEN NEW.study_id = 'another-study' BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
    );
    const f = clone(SHIPPED);
    f.id = 'another-study';
    expect(() => c.services.studyFiles.import(JSON.stringify(f))).toThrow(/disk says no/);
    expect(rowCounts(c)).toEqual(before);
  });

  it('creates a study from scratch, unique by id, and exports it', () => {
    const c = open('a.db', false);
    const pushed: unknown[] = [];
    c.push.attach((e, p) => pushed.push([e, p]));
    const s = c.services.studyFiles.create({
      title: 'Japan chip rally',
      source: { kind: 'article', title: 'Why Japanese chip stocks doubled', url: 'https://example.com/chips' },
      universe: [
        { symbol: '8035.T' as never, role: 'subject' },
        { symbol: '^N225' as never, role: 'benchmark' },
      ],
    });
    expect(s).toMatchObject({ id: 'japan-chip-rally', origin: 'user', subjects: 1, benchmarks: 1, events: 0 });
    expect(pushed).toEqual([['data.changed', { kinds: ['studies'] }]]);
    const again = c.services.studyFiles.create({
      title: 'Japan chip rally',
      source: { kind: 'article', title: 'x' },
      universe: [{ symbol: '8035.T' as never, role: 'subject' }],
    });
    expect(again.id).toBe('japan-chip-rally-new');
    expect(
      catalystErrorOf(() =>
        c.services.studyFiles.create({
          id: 'japan-chip-rally',
          title: 'x',
          source: { kind: 'article', title: 'x' },
          universe: [{ symbol: '8035.T' as never, role: 'subject' }],
        }),
      ).code,
    ).toBe('conflict');
    const exported = parseStudyFile(c.services.studyFiles.exportStudy('japan-chip-rally').content);
    expect(exported.ok && exported.study.universe.map((u) => u.symbol)).toEqual(['8035.T', '^N225']);
  });

  describe('event-study settings (format version 2)', () => {
    const windowsOf = (c: Core, id = ID) => c.services.eventStudy.windowsOf(id);
    const benchmarkOf = (c: Core, id = ID) => c.services.eventStudy.benchmarkOf(id);

    it('a study without its own settings is still written as version 1, without the key', () => {
      const c = open('a.db', true);
      const f = JSON.parse(c.services.studyFiles.exportStudy(ID).content) as Record<string, unknown>;
      expect(f.version).toBe(1);
      expect('eventStudy' in f).toBe(false);
    });

    it('travel with the study: exported as version 2, imported into an empty database as they were', () => {
      const a = open('a.db', true);
      a.services.eventStudy.setWindows(ID, [
        [0, 5],
        [-1, 1],
      ]);
      a.services.eventStudy.setBenchmark(ID, '^HSI' as never);
      const text = a.services.studyFiles.exportStudy(ID).content;
      const f = JSON.parse(text) as Record<string, unknown>;
      expect(f.version).toBe(2);
      expect(f.eventStudy).toEqual({
        windows: [
          [-1, 1],
          [0, 5],
        ],
        benchmark: '^HSI',
      });
      // The key comes last, after the claims.
      expect(Object.keys(f).at(-1)).toBe('eventStudy');

      const b = open('b.db', false);
      const preview = b.services.studyFiles.preview(text);
      expect(preview.items.find((i) => i.kind === 'settings')).toMatchObject({
        key: 'settings:event-study',
        label: 'Event study: windows [-1, +1], [0, +5]; benchmark ^HSI',
        status: 'new',
        action: 'add',
      });
      expect(windowsOf(b)).toBeNull(); // the preview wrote nothing
      const r = b.services.studyFiles.import(text);
      expect(r.target).toBe('new');
      expect(windowsOf(b)).toEqual([
        [-1, 1],
        [0, 5],
      ]);
      expect(benchmarkOf(b)).toBe('^HSI');
      expect(b.services.studyFiles.exportStudy(ID).content).toBe(text);
    });

    it('an identical study lacking them gets them (a merge with nothing else); the receiver’s own are never replaced', () => {
      const c = open('a.db', true);
      const theirs: Record<string, unknown> = clone(SHIPPED);
      theirs.version = 2;
      theirs.eventStudy = { windows: [[-2, 2]] };
      const text = JSON.stringify(theirs);

      const first = c.services.studyFiles.import(text);
      expect(first.target).toBe('merge');
      expect(first.counts).toMatchObject({ new: 1, conflict: 0, written: 1 });
      expect(first.items.find((i) => i.kind === 'study')).toMatchObject({ status: 'exists', action: 'skip' });
      expect(windowsOf(c)).toEqual([[-2, 2]]);
      expect(benchmarkOf(c)).toBeNull();

      // The same file again: nothing left to do.
      const again = c.services.studyFiles.import(text);
      expect(again.target).toBe('unchanged');
      expect(again.counts.written).toBe(0);

      // The receiver changes its windows; a file with others keeps the receiver's.
      c.services.eventStudy.setWindows(ID, [[0, 10]]);
      const other = c.services.studyFiles.import(text);
      expect(other.target).toBe('unchanged');
      expect(other.items.find((i) => i.kind === 'settings')).toMatchObject({
        status: 'conflict',
        action: 'keep-mine',
        detail: 'yours: windows [0, +10]',
      });
      expect(windowsOf(c)).toEqual([[0, 10]]);
    });

    it('a copy takes the file’s settings; the stored study keeps its own', () => {
      const c = open('a.db', true);
      c.services.eventStudy.setWindows(ID, [[0, 10]]);
      const theirs: Record<string, unknown> = clone(SHIPPED);
      theirs.version = 2;
      theirs.title = 'Someone else’s take';
      theirs.eventStudy = { windows: [[-5, 5]], benchmark: 'KWEB' };
      const r = c.services.studyFiles.import(JSON.stringify(theirs));
      expect(r.target).toBe('copy');
      expect(windowsOf(c, r.studyId)).toEqual([[-5, 5]]);
      expect(benchmarkOf(c, r.studyId)).toBe('KWEB');
      expect(windowsOf(c)).toEqual([[0, 10]]);
      expect(benchmarkOf(c)).toBeNull();
    });

    it('refuses settings that do not validate, or the key in a version 1 file, writing nothing', () => {
      const c = open('a.db', false);
      const base: Record<string, unknown> = clone(SHIPPED);
      const cases: Array<[unknown, number, RegExp]> = [
        [{ windows: [[-1, 1]] }, 1, /eventStudy: needs "version": 2 or higher \(the file says 1\)/],
        [{ windows: [[3, 1]] }, 2, /eventStudy\.windows\[0\]: a window \[a, b\] needs a ≤ b/],
        [
          {
            windows: [
              [0, 1],
              [0, 1],
            ],
          },
          2,
          /eventStudy\.windows: each window is listed once/,
        ],
        [{}, 2, /eventStudy: give windows, a benchmark or both/],
        [{ benchmark: 'NOT A SYMBOL!' }, 2, /eventStudy\.benchmark/],
        [{ windows: [[0, 1]], colour: 'red' }, 2, /eventStudy: .*colour/],
      ];
      for (const [eventStudy, version, message] of cases) {
        const f = { ...base, version, eventStudy };
        const e = catalystErrorOf(() => c.services.studyFiles.import(JSON.stringify(f)));
        expect(e.code).toBe('invalid-input');
        expect(e.message).toMatch(message);
      }
      const newer = catalystErrorOf(() => c.services.studyFiles.import(JSON.stringify({ ...base, version: 3 })));
      expect(newer.message).toMatch(/format version 3, written by a newer Catalyst; this version reads up to 2/);
      expect(rowCounts(c)).toEqual([0, 0, 0, 0, 0]);
      expect(c.db.prepare("SELECT count(*) AS n FROM app_state WHERE key = 'study-windows'").get()).toEqual({ n: 0 });
    });
  });
});
