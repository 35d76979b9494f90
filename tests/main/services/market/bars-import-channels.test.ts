import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../src/main/app/create-core';
import type { BarsImportPreview, ImportBarsResult } from '../../../../src/shared/domain/bars-import';
import { useTempDir } from '../../../helpers/temp-db';

const tmp = useTempDir();
const APP = { url: 'app://catalyst/index.html' };
const FORMATS = join(import.meta.dirname, '../../../fixtures/market/formats');
const file = (name: string) => ({
  fileName: name,
  bytesBase64: readFileSync(join(FORMATS, name)).toString('base64'),
});

describe('barsImport channels through the router', () => {
  it('previews without writing, lets the mapping and date order be chosen, then imports keeping cached rows', async () => {
    const c = createCore({ dbPath: tmp.dbPath(), isTrustedSender: (s) => s.url.startsWith('app://catalyst/') });
    try {
      const f = file('investing-com.csv');
      const preview = (await c.router.dispatch('barsImport.preview', { symbol: '^HSI', file: f }, APP)) as {
        ok: true;
        value: BarsImportPreview;
      };
      expect(preview.value).toMatchObject({
        format: 'investing.com',
        fileName: 'investing-com.csv',
        instrumentExists: false,
        rows: 4,
        toAdd: 4,
        from: '2024-05-29',
        to: '2024-06-03',
        ignoredColumns: ['Change %'],
        problems: [],
      });
      expect((await c.router.dispatch('instruments.list', undefined, APP)) as unknown).toEqual({ ok: true, value: [] });

      // The user maps "Open" as the close: the preview follows.
      const remapped = (await c.router.dispatch(
        'barsImport.preview',
        { symbol: '^HSI', file: f, mapping: { close: 'Open', open: null, high: null, low: null } },
        APP,
      )) as { ok: true; value: BarsImportPreview };
      expect(remapped.value.columns.find((x) => x.name === 'Open')?.field).toBe('close');
      expect(remapped.value.ignoredColumns).toEqual(['Price', 'High', 'Low', 'Change %']);

      const done = (await c.router.dispatch('barsImport.import', { symbol: '^HSI', file: f }, APP)) as {
        ok: true;
        value: ImportBarsResult;
      };
      expect(done.value).toMatchObject({ symbol: '^HSI', rows: 4, changed: 4 });
      const again = (await c.router.dispatch('barsImport.preview', { symbol: '^HSI', file: f }, APP)) as {
        ok: true;
        value: BarsImportPreview;
      };
      expect(again.value).toMatchObject({ instrumentExists: true, toAdd: 0, unchanged: 4, differingCount: 0 });
    } finally {
      await c.close();
    }
  });

  it('one import commit sends data.changed once; an import that changes nothing sends none', async () => {
    const c = createCore({ dbPath: tmp.dbPath(), isTrustedSender: (s) => s.url.startsWith('app://catalyst/') });
    const pushed: Array<[string, unknown]> = [];
    c.push.attach((event, payload) => pushed.push([event, payload]));
    try {
      const f = file('investing-com.csv');
      await c.router.dispatch('barsImport.preview', { symbol: '^HSI', file: f }, APP);
      expect(pushed).toEqual([]);
      const done = await c.router.dispatch('barsImport.import', { symbol: '^HSI', file: f }, APP);
      expect(done).toMatchObject({ ok: true, value: { changed: 4 } });
      expect(pushed).toEqual([['data.changed', { kinds: ['bars', 'instruments'], symbols: ['^HSI'] }]]);
      // The same file again: every row is already cached, nothing is committed, nothing to re-read.
      const again = await c.router.dispatch('barsImport.import', { symbol: '^HSI', file: f }, APP);
      expect(again).toMatchObject({ ok: true, value: { changed: 0 } });
      expect(pushed).toHaveLength(1);
    } finally {
      await c.close();
    }
  });

  it('refuses bad input before any service runs, and a bad file with every problem', async () => {
    const c = createCore({ dbPath: tmp.dbPath(), isTrustedSender: (s) => s.url.startsWith('app://catalyst/') });
    try {
      const bad = await c.router.dispatch(
        'barsImport.preview',
        { symbol: '^HSI', file: { fileName: 'x.csv', bytesBase64: '%%%' } },
        APP,
      );
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const f = {
        fileName: 'bad.csv',
        bytesBase64: Buffer.from('date,close\n2025-01-02,x\n2025-01-03,-1\n').toString('base64'),
      };
      const r = await c.router.dispatch('barsImport.import', { symbol: 'X', file: f }, APP);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      const msg = (r as { error: { message: string } }).error.message;
      expect(msg).toContain('line 2: close "x" is not a number');
      expect(msg).toContain('line 3: close must be positive');
      expect((await c.router.dispatch('instruments.list', undefined, APP)) as unknown).toEqual({ ok: true, value: [] });
    } finally {
      await c.close();
    }
  });
});
