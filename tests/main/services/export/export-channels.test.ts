import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/create-core';
import { EventsRepository } from '../../../../src/main/db/repositories/events-repository';
import { asTicker, type IsoDate } from '../../../../src/shared/brand';
import type { ExportedFile } from '../../../../src/shared/contract/export';
import type { Envelope } from '../../../../src/shared/contract/index';
import { restoreCell } from '../../../../src/shared/domain/csv/csv-cells';
import { useTempDir } from '../../../helpers/temp-db';

const SENDER = { url: 'test://page' };

describe('export.csv through createCore and the real router', () => {
  const tmp = useTempDir();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('neutralises a user event whose text a spreadsheet would run, and reads back exactly', async () => {
    const c = (core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true }));
    const hostile = '=HYPERLINK("http://evil.example","click")';
    new EventsRepository(c.db).insert(
      {
        id: 'user-formula',
        studyId: 'china-tech-rally-2025',
        origin: 'user',
        date: '2025-02-14' as IsoDate,
        time: null,
        timezone: null,
        timeNote: null,
        title: hostile,
        summary: '@SUM(1+1)\n-2+3',
        category: 'user',
        symbols: [asTicker('BABA')],
        approximate: false,
        approxNote: null,
        window: null,
        source: { kind: 'user', quote: '+cmd|calc', url: null, publication: '\tTab', evidence: null },
      },
      99,
    );
    const r = (await c.router.dispatch('export.csv', { table: 'events', bom: true }, SENDER)) as Envelope<ExportedFile>;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({
      fileName: 'china-tech-rally-2025 events.csv',
      mimeType: 'text/csv;charset=utf-8',
      rows: 32,
    });
    expect(r.value.content.startsWith('\uFEFFid,')).toBe(true);
    const [header, ...body] = Papa.parse<string[]>(r.value.content.slice(1), { skipEmptyLines: true }).data;
    for (const row of body) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const row = body.find((x) => x[0] === 'user-formula')!;
    const col = (n: string) => header!.indexOf(n);
    expect(row[col('title')]).toBe(`'${hostile}`);
    expect(restoreCell(row[col('summary')]!)).toBe('@SUM(1+1)\n-2+3');
    expect(restoreCell(row[col('quote')]!)).toBe('+cmd|calc');
    expect(restoreCell(row[col('publication')]!)).toBe('\tTab');
    expect(row[col('origin')]).toBe('user');

    // The event-study table goes through the same cells: the title neutralised, negative numbers kept numbers.
    const es = (await c.router.dispatch(
      'export.csv',
      { table: 'event-study', eventId: 'user-formula' },
      SENDER,
    )) as Envelope<ExportedFile>;
    if (!es.ok) throw new Error(es.error.message);
    expect(es.value.fileName).toBe('user-formula event study.csv');
    const [esHeader, ...esBody] = Papa.parse<string[]>(es.value.content, { skipEmptyLines: true }).data;
    const esCol = (n: string) => esHeader!.indexOf(n);
    expect(esBody.length).toBeGreaterThan(0);
    for (const r of esBody) expect(r[esCol('event_title')]).toBe(`'${hostile}`);
    const numbers = esBody.flatMap((r) => [r[esCol('return')]!, r[esCol('car_market_model')]!]).filter(Boolean);
    expect(numbers.some((n) => n.startsWith('-'))).toBe(true);
    for (const n of numbers) expect(Number.isFinite(Number(n))).toBe(true);
  });

  it('names a bars file after the symbol and the dates written, and validates its input', async () => {
    const c = (core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true }));
    const r = (await c.router.dispatch(
      'export.csv',
      { table: 'bars', symbol: 'hstech.hk', from: '2025-01-01', to: '2025-04-16' },
      SENDER,
    )) as Envelope<ExportedFile>;
    expect(r.ok && r.value.fileName).toBe('HSTECH.HK 2025-01-02..2025-04-16.csv');
    const bad = await c.router.dispatch('export.csv', { table: 'bars', symbol: 'BABA', limit: 3 }, SENDER);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await c.router.dispatch('export.csv', { table: 'bars', symbol: 'NOPE' }, SENDER);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('starts every table with a UTF-8 BOM (EF BB BF) only when asked: the app’s “Without BOM” choice', async () => {
    const c = (core = createCore({ dbPath: tmp.dbPath(), seedOnOpen: true, isTrustedSender: () => true }));
    const tables = [
      { table: 'bars', symbol: 'BABA', from: '2025-01-01', to: '2025-02-28' },
      { table: 'events' },
      { table: 'claims' },
      { table: 'event-study' },
      { table: 'compare', symbols: ['BABA', '9988.HK'], anchor: { date: '2025-01-28' } },
    ];
    for (const t of tables) {
      for (const bom of [true, false]) {
        const r = (await c.router.dispatch('export.csv', { ...t, bom }, SENDER)) as Envelope<ExportedFile>;
        if (!r.ok) throw new Error(`${t.table}: ${r.error.message}`);
        const first = [...Buffer.from(r.value.content, 'utf8').subarray(0, 3)];
        if (bom) expect(first, t.table).toEqual([0xef, 0xbb, 0xbf]);
        else expect(first, t.table).not.toEqual([0xef, 0xbb, 0xbf]);
        expect(r.value.content.replace(/^\uFEFF/, '').charCodeAt(0), t.table).toBeLessThan(128);
      }
    }
  });

  it('export.pdf is unavailable without a printer, and refuses what is not a PDF', async () => {
    const c = (core = createCore({ dbPath: tmp.dbPath(), isTrustedSender: () => true }));
    expect(await c.router.dispatch('export.pdf', { html: '<p>x</p>', pageSize: 'A4' }, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    await c.close();
    const printed: string[] = [];
    const withPrinter = (core = createCore({
      dbPath: tmp.dbPath(),
      isTrustedSender: () => true,
      printPdf: async (html, size) => {
        printed.push(`${size}:${html}`);
        return new TextEncoder().encode(html.includes('bad') ? 'not a pdf' : '%PDF-1.7 x');
      },
    }));
    const ok = await withPrinter.router.dispatch('export.pdf', { html: '<p>ok</p>', pageSize: 'Letter' }, SENDER);
    expect(ok).toMatchObject({ ok: true, value: { bytes: 10 } });
    expect(printed).toEqual(['Letter:<p>ok</p>']);
    expect(
      await withPrinter.router.dispatch('export.pdf', { html: '<p>bad</p>', pageSize: 'A4' }, SENDER),
    ).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(await withPrinter.router.dispatch('export.pdf', { html: 'x', pageSize: 'A3' }, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('export.copyImage hands the PNG bytes to the system clipboard, is unavailable without one, and refuses what is not a PNG', async () => {
    const png = readFileSync(
      join(import.meta.dirname, '..', '..', '..', 'fixtures', 'watchlists', 'malformed', 'chart-screenshot.png'),
    );
    const c = (core = createCore({ dbPath: tmp.dbPath(), isTrustedSender: () => true }));
    expect(await c.router.dispatch('export.copyImage', { pngBase64: png.toString('base64') }, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    await c.close();
    const copied: Buffer[] = [];
    const withClipboard = (core = createCore({
      dbPath: tmp.dbPath(),
      isTrustedSender: () => true,
      copyImage: (bytes) => void copied.push(Buffer.from(bytes)),
    }));
    const ok = await withClipboard.router.dispatch('export.copyImage', { pngBase64: png.toString('base64') }, SENDER);
    expect(ok).toMatchObject({ ok: true, value: { bytes: png.byteLength } });
    expect(copied).toHaveLength(1);
    expect(copied[0]!.equals(png)).toBe(true);
    const notPng = await withClipboard.router.dispatch(
      'export.copyImage',
      { pngBase64: Buffer.from('GIF89a not a png at all').toString('base64') },
      SENDER,
    );
    expect(notPng).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(copied).toHaveLength(1);
  });
});
