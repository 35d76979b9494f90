import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTicker } from '../../src/shared/brand';
import { launchRendererWithMainServices, type RendererWithMainServices } from './harness/renderer-with-main-services';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'market');

/*
 * bars.range answers typed arrays by column. Electron's IPC copies them with the structured
 * clone; this harness's transport is a Playwright binding, which serializes differently: the
 * page must still receive Int32Array / Float64Array / Uint8Array, NaN included.
 */
describe('bars.range across the bridge', () => {
  let app: RendererWithMainServices;
  beforeAll(async () => {
    app = await launchRendererWithMainServices({
      prepare(core) {
        core.services.market.importBarsCsv(asTicker('BIDU'), readFileSync(join(FIXTURES, 'BIDU.csv'), 'utf8'));
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('arrives in the page as typed arrays, equal to what main holds', async () => {
    const got = await app.page.evaluate(async () => {
      const env = await window.catalyst!.bars.range({ symbol: 'BIDU' });
      if (!env.ok) throw new Error(env.error.message);
      const c = env.value;
      const kind = (v: unknown) => Object.prototype.toString.call(v);
      return {
        kinds: [kind(c.days), kind(c.close), kind(c.open), kind(c.volume), kind(c.flags)],
        days: Array.from(c.days),
        close: Array.from(c.close),
        adjCloseMissing: Array.from(c.adjClose).filter((v) => Number.isNaN(v)).length,
        truncated: c.truncated,
      };
    });
    const main = app.core.services.market.getBarColumns(asTicker('BIDU'));
    expect(got.kinds).toEqual([
      '[object Int32Array]',
      '[object Float64Array]',
      '[object Float64Array]',
      '[object Float64Array]',
      '[object Uint8Array]',
    ]);
    expect(got.days).toEqual(Array.from(main.days));
    expect(got.close).toEqual(Array.from(main.close));
    // The fixture has no adjusted close: every entry is NaN, and NaN survived the transport.
    expect(got.adjCloseMissing).toBe(main.days.length);
    expect(got.truncated).toBe(false);
  });
});
