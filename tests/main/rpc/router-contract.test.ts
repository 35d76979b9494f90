import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../../src/main/app/create-core';
import { createHandlers } from '../../../src/main/app/handlers';
import { isTrustedSender, type IpcSender } from '../../../src/main/ipc/sender';
import { createRouter, type Handlers } from '../../../src/main/rpc/router';
import { asTicker } from '../../../src/shared/brand';
import { channelNames, type Envelope } from '../../../src/shared/contract/index';
import { columnsToBars, type BarColumns } from '../../../src/shared/domain/bar-columns';
import { useTempDir } from '../../helpers/temp-db';

const TRUSTED: IpcSender = { url: 'app://catalyst/index.html', topFrame: true, mainWindow: true };
const BIDU_CSV = [
  'date,open,high,low,close,volume',
  '2024-01-02,116.89,116.89,114.25,115.34,3009300',
  '2024-01-03,113.81,117.76,113.02,117.69,2843900',
  '2024-01-04,117.48,119.19,116.4,118.32,2199400',
].join('\n');

describe('the router of the real core, as the IPC layer drives it', () => {
  const tmp = useTempDir();
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  function open(onUnexpectedError?: (channel: string, error: unknown) => void): Core {
    core = createCore({ dbPath: tmp.dbPath(), isTrustedSender: (s) => isTrustedSender(s), onUnexpectedError });
    core.services.market.importBarsCsv(asTicker('BIDU'), BIDU_CSV);
    return core;
  }

  it('answers a valid request from the trusted sender', async () => {
    const c = open();
    const env = await c.router.dispatch(
      'bars.range',
      { symbol: 'BIDU', from: '2024-01-03', to: '2024-01-03' },
      TRUSTED,
    );
    expect(env.ok).toBe(true);
    // bars.range answers typed arrays by column (BarColumns).
    const value = (env as { value: BarColumns }).value;
    expect(value.close).toBeInstanceOf(Float64Array);
    expect(columnsToBars(value)).toEqual([expect.objectContaining({ date: '2024-01-03', close: 117.69 })]);
  });

  it.each([
    [{ symbol: 'not a symbol!' }, /bars\.range: symbol: "not a symbol!" is not a symbol/],
    [{ symbol: 42 }, /symbol/],
    [{}, /symbol/],
    [{ symbol: 'BIDU', from: '2024-02-30' }, /from: must be a real date/],
    [{ symbol: 'BIDU', to: '03/01/2024' }, /to: must be a real date/],
    [{ symbol: 'BIDU', from: '2024-01-04', to: '2024-01-02' }, /"from" must not be after "to"/],
    [{ symbol: 'BIDU', limit: 10 }, /limit/],
    [{ symbol: 'BIDU', __proto__: { polluted: true }, extra: 1 }, /extra/],
    [null, /bars\.range/],
    ['BIDU', /bars\.range/],
    [['BIDU'], /bars\.range/],
  ])('rejects the malformed payload %j with invalid-input and changes nothing', async (input, message) => {
    const c = open();
    const before = c.db.prepare('SELECT count(*) FROM bars').pluck().get();
    const env = (await c.router.dispatch('bars.range', input, TRUSTED)) as Envelope<unknown>;
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('invalid-input');
    expect(env.error.message).toMatch(message);
    expect(c.db.prepare('SELECT count(*) FROM bars').pluck().get()).toBe(before);
  });

  it('rejects input on a channel that takes none', async () => {
    const c = open();
    expect(await c.router.dispatch('instruments.list', { all: true }, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it.each([
    [{ url: 'https://evil.example/', topFrame: true, mainWindow: true }],
    [{ url: 'app://catalyst/index.html', topFrame: false, mainWindow: true }],
    [{ url: 'app://catalyst/index.html', topFrame: true, mainWindow: false }],
    [{ url: 'app://catalyst/index.html' }],
    [{ url: '' }],
  ])('refuses the foreign sender %j with forbidden before reading the input', async (sender) => {
    const c = open();
    const env = await c.router.dispatch('bars.range', { symbol: 'BIDU' }, sender);
    expect(env).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Even a malformed payload from a foreign sender is answered forbidden, not invalid-input.
    expect(await c.router.dispatch('bars.range', { junk: true }, sender)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it.each(['bars.delete', 'catalyst:bars.range', '__proto__', 'toString', 'constructor', 'hasOwnProperty', ''])(
    'answers the unknown channel %j with not-found',
    async (name) => {
      const c = open();
      expect(await c.router.dispatch(name, undefined, TRUSTED)).toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
    },
  );

  it('turns an unexpected failure into internal, without the stack or the cause', async () => {
    const errors: Array<[string, unknown]> = [];
    const c = open((channel, error) => errors.push([channel, error]));
    c.db.close(); // a real failure inside the handler: better-sqlite3 throws a TypeError
    const env = (await c.router.dispatch('instruments.list', undefined, TRUSTED)) as Envelope<unknown>;
    expect(env).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Unexpected error in the main process (see the log).' },
    });
    expect(JSON.stringify(env)).not.toMatch(/\bat |\.ts:|node_modules|database connection/i);
    expect(errors).toHaveLength(1);
    expect(errors[0]![0]).toBe('instruments.list');
    expect(errors[0]![1]).toBeInstanceOf(Error);
  });

  it('keeps a CatalystError from a service as is (not-found)', async () => {
    const c = open();
    expect(await c.router.dispatch('instruments.get', { symbol: '9988.HK' }, TRUSTED)).toEqual({
      ok: false,
      error: { code: 'not-found', message: '9988.HK is not in the cache' },
    });
  });
});

describe('createRouter against the contract', () => {
  const tmp = useTempDir();

  it('refuses a handler map with a missing or an extra channel', async () => {
    const core = createCore({ dbPath: tmp.dbPath() });
    try {
      const handlers = createHandlers(core.services, core) as Record<string, unknown>;
      const missing = { ...handlers };
      delete missing[channelNames[0]!];
      expect(() => createRouter(missing as Handlers, { isTrustedSender: () => true })).toThrow(/missing: /);
      expect(() =>
        createRouter({ ...handlers, 'bars.delete': () => 0 } as unknown as Handlers, { isTrustedSender: () => true }),
      ).toThrow(/extra: bars\.delete/);
    } finally {
      await core.close();
    }
  });

  it('hides the stack of any thrown value, and reports it once', async () => {
    const core = createCore({ dbPath: tmp.dbPath() });
    try {
      const report = vi.fn();
      const handlers = {
        ...createHandlers(core.services, core),
        'instruments.list': () => {
          throw new Error('SECRET /home/user/.config/Catalyst/catalyst.db at Object.<anonymous>');
        },
      } as Handlers;
      const router = createRouter(handlers, { isTrustedSender: () => true, onUnexpectedError: report });
      const env = await router.dispatch('instruments.list', undefined, { url: 'x' });
      expect(env).toEqual({
        ok: false,
        error: { code: 'internal', message: 'Unexpected error in the main process (see the log).' },
      });
      expect(report).toHaveBeenCalledTimes(1);
    } finally {
      await core.close();
    }
  });
});
