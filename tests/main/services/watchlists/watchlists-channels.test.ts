import { describe, expect, it } from 'vitest';
import { createCore } from '../../../../src/main/app/create-core';
import { fixedClock } from '../../../../src/main/services/clock';
import type { ImportResult, WatchlistDetail } from '../../../../src/shared/contract/watchlists';
import { MAX_WATCHLIST_FILE_BYTES } from '../../../../src/shared/domain/watchlist/model';
import { useTempDir } from '../../../helpers/temp-db';
import { fixtureBytes } from '../../../shared/domain/watchlist/fixture-helpers';

const tmp = useTempDir();
const APP = { url: 'app://catalyst/index.html' };

function core() {
  return createCore({
    dbPath: tmp.dbPath(),
    clock: fixedClock('2025-03-08T09:00:00.000Z'),
    isTrustedSender: (s) => s.url.startsWith('app://catalyst/'),
  });
}

const b64 = (file: string) => Buffer.from(fixtureBytes(file)).toString('base64');

describe('watchlists channels through the router', () => {
  it('previews and imports bytes sent as base64, then manages the list', async () => {
    const c = core();
    try {
      const file = { fileName: 'Unicode text.txt', bytesBase64: b64('excel-unicode-text-utf16be.txt') };
      const preview = await c.router.dispatch('watchlists.preview', { file }, APP);
      expect(preview).toMatchObject({
        ok: true,
        value: { format: 'csv', encoding: 'utf-16be', defaultName: 'Unicode text' },
      });
      const imported = await c.router.dispatch('watchlists.import', { mode: 'new', file, name: 'HK' }, APP);
      expect(imported.ok).toBe(true);
      const id = (imported as { value: ImportResult }).value.watchlist!.id;
      const got = (await c.router.dispatch('watchlists.get', { id }, APP)) as { ok: true; value: WatchlistDetail };
      const order = got.value.entries.map((e) => e.id).reverse();
      const reordered = (await c.router.dispatch('watchlists.reorder', { id, order }, APP)) as {
        ok: true;
        value: WatchlistDetail;
      };
      expect(reordered.value.entries.map((e) => e.symbol)).toEqual([
        '9888.HK',
        '1810.HK',
        '3690.HK',
        '0700.HK',
        '9988.HK',
      ]);
      const exported = await c.router.dispatch('watchlists.export', { id, format: 'tradingview' }, APP);
      expect(exported).toMatchObject({
        ok: true,
        value: { content: 'HKEX:9888,HKEX:1810,HKEX:3690,HKEX:700,HKEX:9988', fileName: 'HK.txt' },
      });
      expect(await c.router.dispatch('watchlists.delete', { id }, APP)).toEqual({
        ok: true,
        value: { id, name: 'HK' },
      });
      expect(await c.router.dispatch('watchlists.list', undefined, APP)).toEqual({ ok: true, value: [] });
      expect(await c.router.dispatch('watchlists.restore', { id }, APP)).toMatchObject({
        ok: true,
        value: { name: 'HK', itemCount: 5 },
      });
    } finally {
      await c.close();
    }
  });

  it('validates inputs before any service runs', async () => {
    const c = core();
    try {
      const bad = async (channel: string, input: unknown) => {
        const r = await c.router.dispatch(channel, input, APP);
        if (r.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
        return r.error;
      };
      expect(
        await bad('watchlists.preview', { file: { fileName: 'a.txt', bytesBase64: 'not base64!' } }),
      ).toMatchObject({ code: 'invalid-input' });
      const tooBig = 'A'.repeat(Math.ceil(MAX_WATCHLIST_FILE_BYTES / 3) * 4 + 4);
      expect((await bad('watchlists.preview', { file: { fileName: 'a.txt', bytesBase64: tooBig } })).message).toMatch(
        /larger than 1 MiB/,
      );
      expect(await bad('watchlists.preview', { file: { fileName: '', text: 'HKEX:700' } })).toMatchObject({
        code: 'invalid-input',
      });
      expect(
        await bad('watchlists.preview', { file: { fileName: 'a.txt', text: 'x', bytesBase64: '' } }),
      ).toMatchObject({ code: 'invalid-input' });
      expect(
        await bad('watchlists.import', { mode: 'merge', file: { fileName: 'a.txt', text: 'HKEX:700' } }),
      ).toMatchObject({ code: 'invalid-input' });
      expect(await bad('watchlists.reorder', { id: 1, order: [1.5] })).toMatchObject({ code: 'invalid-input' });
      expect(await bad('watchlists.export', { id: 1, format: 'xlsx' })).toMatchObject({ code: 'invalid-input' });
      expect(await bad('watchlists.get', { id: 1 })).toEqual({
        code: 'not-found',
        message: 'There is no watchlist 1.',
      });
      expect(
        await bad('watchlists.preview', {
          file: { fileName: 'x.png', bytesBase64: b64('malformed/chart-screenshot.png') },
        }),
      ).toEqual({
        code: 'invalid-input',
        message: 'Cannot import x.png: the file is a PNG image, not a text watchlist. Nothing was imported.',
        details: { fileName: 'x.png', reason: 'the file is a PNG image, not a text watchlist' },
      });
      expect(await c.router.dispatch('watchlists.list', undefined, { url: 'https://evil.example/' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    } finally {
      await c.close();
    }
  });
});
