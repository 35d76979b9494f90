import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { memorySecretStore } from '../../../src/main/services/sync/secret-store';
import { asTicker } from '../../../src/shared/brand';
import { channelNames, CatalystError, errorCodes, type Envelope } from '../../../src/shared/contract/index';
import { parseStudyFile } from '../../../src/shared/domain/study';
import { useTempDir } from '../../helpers/temp-db';

/*
 * Fuzzing through the real router (zod parse, handler, service, SQLite) for every channel of
 * the contract, and through every importer that exists: each answer is a value or a typed
 * error other than `internal`, and a refused call writes nothing. Runs per channel:
 * CATALYST_FUZZ_RUNS (default 60; the 21,715-payload probe is CATALYST_FUZZ_RUNS=600).
 */
const RUNS = Number(process.env.CATALYST_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.CATALYST_FUZZ_SEED ?? 20261128);
const temp = useTempDir();
const TRUSTED = { url: 'app://catalyst/index.html' };
let core: Core;
let db: Database;
let dir = '';

beforeAll(async () => {
  dir = temp.dir();
  // Every provider points at a closed port: a fuzzed sync.start fails offline at once.
  const closed = 'http://127.0.0.1:9';
  core = createCore({
    dbPath: `${dir}/fuzz.db`,
    isTrustedSender: () => true,
    sync: {
      env: { CATALYST_YAHOO_BASE_URL: closed, CATALYST_TIINGO_BASE_URL: closed, CATALYST_TWELVEDATA_BASE_URL: closed },
      secrets: memorySecretStore({}),
      limits: { timeoutMs: 200, retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 } },
    },
  });
  db = core.db;
  // Something to act on: a list with items and a section, a cached symbol with bars.
  const w = core.services.watchlists;
  const l = w.create('Fuzz base');
  w.addItem(l.id, '9988.HK');
  w.addSection(l.id, 'Banks');
  w.addItem(l.id, 'JPM', 'a note');
  core.services.market.importBarsCsv(asTicker('BABA'), 'Date,Close\n2025-01-02,80\n2025-01-03,81\n');
});
afterAll(async () => {
  await core?.services.sync.cancel();
  await core?.close();
});

/** Every row of every table: what a refused call must leave exactly as it was. */
function snapshot(): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
    name: string;
  }>;
  // Rows sorted as text: some tables are WITHOUT ROWID, and order is not what is compared.
  return JSON.stringify(
    tables.map((t) => [
      t.name,
      (db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort(),
    ]),
  );
}

const string = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '9988.HK',
    'BABA',
    '^HSI',
    'HKEX:700',
    '../../etc/passwd',
    '\u0000',
    '{"a":1}',
    'x'.repeat(5000),
  ),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
const nested = fc.integer({ min: 1, max: 3000 }).map((n) => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
  return v;
});
const scalar = fc.oneof(
  string,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom(0, -1, 1, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
);
/** Valid-looking inputs per channel, then mutated field by field. */
const templates: Record<string, Record<string, unknown>> = {
  'instruments.get': { symbol: 'BABA' },
  'bars.range': { symbol: 'BABA', from: '2025-01-01', to: '2025-12-31' },
  'studies.get': { id: 'china-tech-rally-2025' },
  'events.list': { studyId: 'china-tech-rally-2025' },
  'events.t0': { eventId: 'x' },
  'claims.evaluate': { studyId: 'china-tech-rally-2025' },
  'sync.start': { symbols: ['BABA'], from: '2025-01-01', to: '2025-01-31', provider: 'yahoo' },
  'settings.updateSync': { providerOrder: ['yahoo'], updateOnLaunch: false },
  'settings.setApiKey': { provider: 'tiingo', key: 'abc', keepInMemory: true },
  'watchlists.preview': { file: { fileName: 'l.txt', text: 'AAPL\nMSFT' } },
  'watchlists.import': { mode: 'new', file: { fileName: 'l.json', text: '{"format":"catalyst-watchlist"}' } },
  'watchlists.get': { id: 1 },
  'watchlists.create': { name: 'X' },
  'watchlists.rename': { id: 1, name: 'Y' },
  'watchlists.delete': { id: 1 },
  'watchlists.restore': { id: 1 },
  'watchlists.reorder': { id: 1, order: [1, 2, 3] },
  'watchlists.setNote': { itemId: 1, note: 'n' },
  'watchlists.addItem': { id: 1, symbol: 'AAPL', position: 0 },
  'watchlists.removeItem': { itemId: 1 },
  'watchlists.addSection': { id: 1, label: 'S' },
  'watchlists.renameSection': { itemId: 2, label: 'T' },
  'watchlists.export': { id: 1, format: 'json' },
  'export.csv': { table: 'bars', symbol: 'BABA' },
  'article.propose': { fileName: 'a.txt', text: 'Alibaba (BABA) rose 5% on 2025-02-20.' },
  'instruments.list': { offset: 0, limit: 10 },
  'watchlists.list': { offset: 0, limit: 10 },
  'studies.list': { offset: 0, limit: 10 },
  'barsImport.preview': {
    symbol: 'BABA',
    file: { fileName: 'b.csv', bytesBase64: Buffer.from('Date,Close\n2025-01-06,82\n').toString('base64') },
  },
  'barsImport.import': {
    symbol: 'BABA',
    file: { fileName: 'b.csv', bytesBase64: Buffer.from('Date,Close\n2025-01-06,82\n').toString('base64') },
    differing: 'keep',
  },
  'events.add': { date: '2025-02-03', title: 'Fuzz', symbols: ['BABA'], studyId: null },
  'events.edit': { id: 'user-20250203-fuzz', changes: { title: 'Fuzzed' } },
  'events.delete': { id: 'user-20250203-fuzz' },
  'events.setHidden': { id: 'user-20250203-fuzz', hidden: true },
  'events.importPreview': { text: 'date,title,symbols\n2025-02-03,X,BABA\n', studyId: null },
  'events.importConfirm': { text: 'date,title,symbols\n2025-02-03,X,BABA\n', studyId: null },
  'compare.series': { symbols: ['BABA'], anchor: { date: '2025-01-02' } },
  'eventStudy.run': { eventId: 'user-20250203-fuzz', symbols: ['BABA'] },
  'claims.whatIf': { studyId: 'china-tech-rally-2025', claimId: 'byd-record-high' },
  'studies.setBenchmark': { studyId: 'china-tech-rally-2025', benchmark: 'SPY' },
  'studies.setWindows': { studyId: 'china-tech-rally-2025', windows: [[-10, 10]] },
  'studies.export': { id: 'china-tech-rally-2025' },
  'settings.update': { theme: 'dark', paperSize: 'A4' },
  'workspace.save': { selection: { kind: 'single', symbol: 'BABA' }, logScale: true, sideTab: 'events' },
};
const mutated = (template: Record<string, unknown>) =>
  fc
    .record({
      key: fc.constantFrom(...Object.keys(template), 'extra'),
      value: fc.oneof(
        scalar,
        nested,
        fc.array(scalar, { maxLength: 5 }),
        fc.dictionary(string, scalar, { maxKeys: 3 }),
      ),
      drop: fc.boolean(),
    })
    .map(({ key, value, drop }) => {
      const copy: Record<string, unknown> = { ...template };
      if (drop) delete copy[key];
      else copy[key] = value;
      return copy;
    });
const inputFor = (channel: string) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.anything({ maxDepth: 4 }) },
    { weight: 1, arbitrary: nested },
    { weight: 3, arbitrary: templates[channel] ? mutated(templates[channel]) : scalar },
  );

const LIMITS_CHANNELS_SLOW = new Set(['data.backup']);

describe('fuzzing every channel through the real router', () => {
  // One property per channel, so a failure names the channel and its smallest input.
  it.each(channelNames.map((c) => [c]))(
    '%s: a value or a typed error (never internal), and nothing written when refused',
    async (channel) => {
      const runs = LIMITS_CHANNELS_SLOW.has(channel) ? Math.min(RUNS, 5) : RUNS;
      await fc.assert(
        fc.asyncProperty(inputFor(channel), async (input) => {
          const before = snapshot();
          const e: Envelope<unknown> = await core.router.dispatch(channel, input, TRUSTED);
          if (!e.ok) {
            expect(errorCodes).toContain(e.error.code);
            expect(e.error.code).not.toBe('internal');
            expect(e.error.message.length).toBeLessThan(2000);
            expect(snapshot()).toBe(before);
          }
          if (channel === 'sync.start' && e.ok) {
            await core.services.sync.cancel();
            await core.services.sync.waitForRun();
          }
        }),
        { numRuns: runs, seed: SEED, endOnFailure: true },
      );
    },
    120_000,
  );
});

describe('fuzzing the importers', () => {
  const watchlistText = fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc
      .array(fc.oneof(fc.constantFrom('AAPL', 'HKEX:700', '###Tech', '9988.HK', 'TVC:HSI', '0.HK', ''), string), {
        maxLength: 30,
      })
      .map((l) => l.join(fc.sample(fc.constantFrom('\n', ',', '\r\n'), 1)[0])),
    fc
      .jsonValue({ maxDepth: 6 })
      .map((v) => JSON.stringify({ format: 'catalyst-watchlist', version: 1, name: 'x', entries: v })),
    nested.map((v) => JSON.stringify({ format: 'catalyst-watchlist', version: 1, entries: [v] })),
  );

  it('watchlist files (text and bytes): a preview or invalid-input; an import writes all of it or nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        watchlistText,
        fc.constantFrom('l.txt', 'l.csv', 'l.json', 'l.tsv', 'l'),
        fc.boolean(),
        async (text, fileName, asBytes) => {
          const file = asBytes
            ? { fileName, bytesBase64: Buffer.from(text, 'utf8').toString('base64') }
            : { fileName, text };
          const before = snapshot();
          const p = await core.router.dispatch('watchlists.preview', { file }, TRUSTED);
          if (!p.ok) expect(p.error.code).toBe('invalid-input');
          expect(snapshot()).toBe(before);
          const name = `fz ${Math.random()}`;
          const r = await core.router.dispatch('watchlists.import', { mode: 'new', file, name }, TRUSTED);
          if (!r.ok) {
            expect(['invalid-input', 'conflict']).toContain(r.error.code);
            expect(snapshot()).toBe(before);
          } else {
            const v = r.value as { watchlist: { id: number } | null; counts: { ok: number; sections: number } };
            if (v.watchlist) {
              const detail = await core.router.dispatch('watchlists.get', { id: v.watchlist.id }, TRUSTED);
              // Every valid line of the preview, and nothing else, is in the new list.
              if (detail.ok)
                expect((detail.value as { entries: unknown[] }).entries.length).toBe(v.counts.ok + v.counts.sections);
            } else expect(snapshot()).toBe(before);
          }
        },
      ),
      { numRuns: RUNS * 3, seed: SEED },
    );
  }, 120_000);

  it('bars CSVs: imported whole or refused with a typed error and nothing written', async () => {
    const row = fc
      .tuple(
        fc.oneof(
          fc
            .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
            .map((d) => d.toISOString().slice(0, 10)),
          string,
        ),
        fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }).map(String), string),
      )
      .map(([d, c]) => `${d},${c}`);
    const csv = fc.oneof(
      fc.array(row, { maxLength: 40 }).map((rows) => ['Date,Close', ...rows].join('\n')),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    await fc.assert(
      fc.property(csv, (text) => {
        const before = snapshot();
        try {
          core.services.market.importBarsCsv(asTicker('FUZZ'), text);
        } catch (e) {
          expect(e).toBeInstanceOf(CatalystError);
          expect((e as CatalystError).code).not.toBe('internal');
          expect(snapshot()).toBe(before);
        }
      }),
      { numRuns: RUNS * 3, seed: SEED },
    );
  }, 120_000);

  it('study files: the parser never throws and answers ok or its problems', () => {
    const studyText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ format: 'catalyst-study', version: 1, study: v })),
      nested.map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(studyText, (text) => {
        const r = parseStudyFile(text);
        if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
        for (const p of r.ok ? [] : r.problems) expect(p.length).toBeLessThan(2000);
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });

  /** A refused import through the router: a typed code other than internal, nothing written. */
  async function refusedCleanly(channel: string, input: unknown): Promise<void> {
    const before = snapshot();
    const e: Envelope<unknown> = await core.router.dispatch(channel, input, TRUSTED);
    if (!e.ok) {
      expect(errorCodes).toContain(e.error.code);
      expect(e.error.code).not.toBe('internal');
      expect(e.error.message.length).toBeLessThan(2000);
      expect(snapshot()).toBe(before);
    }
  }

  it('events CSVs through events.importConfirm: all ok lines in one go, or a typed refusal and nothing written', async () => {
    const cell = fc.oneof(
      string,
      fc.constantFrom(
        '2025-01-20',
        '2025-13-40',
        '09:30',
        'America/New_York',
        'Mars/Base',
        'ai',
        'policy',
        'BABA;9988.HK',
        '"quoted, cell"',
        '=cmd()',
      ),
    );
    const line = fc.array(cell, { minLength: 1, maxLength: 9 }).map((cells) => cells.join(','));
    const csv = fc.oneof(
      fc
        .array(line, { maxLength: 20 })
        .map((l) => ['date,time,timezone,title,category,symbols,note,url', ...l].join('\n')),
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(
        csv,
        fc.constantFrom(undefined, null, 'china-tech-rally-2025', 'no-such-study'),
        (text, studyId) => refusedCleanly('events.importConfirm', studyId === undefined ? { text } : { text, studyId }),
      ),
      { numRuns: RUNS * 2, seed: SEED },
    );
  }, 120_000);

  it('study files through studies.import: imported in one transaction, or a typed refusal and nothing written', async () => {
    const study = fc.record(
      {
        format: fc.constantFrom('catalyst-study', 'other'),
        version: fc.oneof(fc.constant(1), fc.integer()),
        id: fc.oneof(fc.constantFrom('fuzz-study', 'Bad Id', ''), string),
        title: fc.oneof(string, fc.constant('A study')),
        universe: fc.array(
          fc.record({
            symbol: fc.oneof(fc.constantFrom('BABA', '9988.HK', '^^'), string),
            role: fc.constantFrom('subject', 'benchmark', 'x'),
          }),
          { maxLength: 4 },
        ),
        events: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }),
        claims: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
      },
      { requiredKeys: ['format', 'version'] },
    );
    const text = fc.oneof(
      study.map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 300 }),
      nested.map((v) => JSON.stringify({ format: 'catalyst-study', version: 1, events: [v] })),
    );
    await fc.assert(
      fc.asyncProperty(text, (t) => refusedCleanly('studies.import', { text: t })),
      { numRuns: RUNS * 2, seed: SEED },
    );
  }, 120_000);
});
