import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/create-core';
import type { Envelope } from '../../../../src/shared/contract/index';
import { useTempDir } from '../../../helpers/temp-db';

const SENDER = { url: 'test://page' };

describe('the study channels through createCore and the real router', () => {
  const tmp = useTempDir();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });
  const open = (seedOnOpen: boolean): Core =>
    (core = createCore({ dbPath: tmp.dbPath(), seedOnOpen, isTrustedSender: () => true }));

  it('seeds on open when asked (first launch), and not otherwise', async () => {
    const empty = open(false);
    expect(await empty.router.dispatch('studies.list', undefined, SENDER)).toEqual({ ok: true, value: [] });
    await empty.close();
    const seeded = open(true);
    expect(seeded.services.seed.takeFirstLaunchReport()).toMatchObject({ study: 'inserted', changed: true });
    const list = (await seeded.router.dispatch('studies.list', undefined, SENDER)) as Envelope<Array<{ id: string }>>;
    expect(list.ok && list.value.map((s) => s.id)).toEqual(['china-tech-rally-2025']);
    await seeded.close();
    // A second launch on the same file: already seeded, nothing to report.
    const again = open(true);
    expect(again.services.seed.takeFirstLaunchReport()).toBeNull();
  });

  it('answers studies.get, events.list, events.t0 and claims.evaluate, and validates their input', async () => {
    const c = open(true);
    const study = await c.router.dispatch('studies.get', { id: 'china-tech-rally-2025' }, SENDER);
    expect(study).toMatchObject({
      ok: true,
      value: {
        id: 'china-tech-rally-2025',
        universe: expect.any(Array),
        events: expect.any(Array),
        claims: expect.any(Array),
      },
    });
    // A symbol no event concerns gives an empty list; the input is normalised (upper case) first.
    expect(await c.router.dispatch('events.list', { symbol: 'tsla' }, SENDER)).toEqual({ ok: true, value: [] });
    const byd = await c.router.dispatch('events.list', { symbol: '1211.hk', category: 'market' }, SENDER);
    expect(byd).toMatchObject({
      ok: true,
      value: [
        expect.objectContaining({ id: 'byd-record-high', t0: { '1211.HK': '2025-02-11' } }),
        expect.objectContaining({ id: 'hk-tariff-crash' }),
      ],
    });
    expect(await c.router.dispatch('events.list', undefined, SENDER)).toMatchObject({
      ok: true,
      value: expect.arrayContaining([expect.objectContaining({ id: 'qwen25-max-release' })]),
    });
    expect(
      await c.router.dispatch('events.t0', { eventId: 'qwen25-max-release', symbol: '9988.hk' }, SENDER),
    ).toMatchObject({
      ok: true,
      value: { t0: '2025-02-03', afterClose: true, timezone: 'Asia/Hong_Kong' },
    });
    const claims = (await c.router.dispatch('claims.evaluate', undefined, SENDER)) as Envelope<Array<{ id: string }>>;
    expect(claims.ok && claims.value).toHaveLength(6);
    expect(await c.router.dispatch('events.list', { category: 'rumour' }, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await c.router.dispatch('studies.get', { id: '../etc' }, SENDER)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/must be a slug/) },
    });
    expect(await c.router.dispatch('studies.get', { id: 'nope' }, SENDER)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no study "nope"' },
    });
    expect(
      await c.router.dispatch('claims.evaluate', { studyId: 'china-tech-rally-2025', extra: 1 }, SENDER),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
