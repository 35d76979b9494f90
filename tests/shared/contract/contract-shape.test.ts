import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Handlers } from '../../../src/main/rpc/router';
import {
  createBridge,
  createClient,
  type CatalystBridge,
  type CatalystClient,
} from '../../../src/shared/contract/bridge';
import {
  channelNames,
  channels,
  pushEventNames,
  pushEvents,
  type ChannelName,
  type PushEventName,
} from '../../../src/shared/contract/index';

// "namespace.method" for every method of an API object shaped like the bridge.
type Namespaces<A> = Exclude<keyof A, 'on'> & string;
type DottedKeys<A> = { [NS in Namespaces<A>]: `${NS}.${keyof A[NS] & string}` }[Namespaces<A>];

describe('the contract, at the type level (checked by npm run typecheck)', () => {
  it('the bridge, the client and the handler map cover exactly the contract channels, both ways', () => {
    expectTypeOf<DottedKeys<CatalystBridge>>().toEqualTypeOf<ChannelName>();
    expectTypeOf<DottedKeys<CatalystClient>>().toEqualTypeOf<ChannelName>();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<ChannelName>();
    // Both directions spelled out, so a failure names the side that drifted.
    expectTypeOf<Exclude<ChannelName, DottedKeys<CatalystBridge>>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<DottedKeys<CatalystBridge>, ChannelName>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<ChannelName, keyof Handlers>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Handlers, ChannelName>>().toEqualTypeOf<never>();
  });

  it('push subscriptions accept contract events only', () => {
    expectTypeOf<Parameters<CatalystBridge['on']>[0]>().toEqualTypeOf<PushEventName>();
  });

  it('a channel taking input requires it, and its shape is checked', () => {
    type BarsRange = CatalystClient['bars']['range'];
    expectTypeOf<Parameters<BarsRange>[0]>().toMatchTypeOf<{ symbol: string; from?: string; to?: string }>();
    // @ts-expect-error symbol is required
    const missing: Parameters<BarsRange>[0] = { from: '2024-01-02' };
    // @ts-expect-error unknown keys are not part of the input type
    const extra: Parameters<BarsRange>[0] = { symbol: 'BIDU', limit: 5 };
    expect([missing, extra]).toHaveLength(2);
  });
});

describe('the contract, at run time', () => {
  it('every channel is "namespace.method", with a doc and a schema, and "on" is not a namespace', () => {
    for (const name of channelNames) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
      expect(name.split('.')[0]).not.toBe('on');
      expect(channels[name].doc.length).toBeGreaterThan(10);
      expect(typeof channels[name].input.safeParse).toBe('function');
    }
    for (const name of pushEventNames) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
      expect(pushEvents[name].doc.length).toBeGreaterThan(0);
    }
  });

  it('createBridge and createClient expose exactly the contract channels plus on()', async () => {
    const calls: string[] = [];
    const bridge = createBridge({
      invoke: async (channel) => {
        calls.push(channel);
        return { ok: true, value: channel };
      },
      subscribe: () => () => undefined,
    });
    const client = createClient(bridge);
    for (const api of [bridge, client] as unknown as Array<Record<string, unknown>>) {
      const exposed = Object.entries(api).flatMap(([ns, methods]) =>
        ns === 'on' ? [] : Object.keys(methods as object).map((method) => `${ns}.${method}`),
      );
      expect(exposed.sort()).toEqual([...channelNames].sort());
      expect(Object.keys(api)).toContain('on');
    }
    const c = client as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    for (const name of channelNames) {
      const [ns, method] = name.split('.') as [string, string];
      expect(await c[ns]![method]!({})).toBe(name);
    }
    expect(calls.sort()).toEqual([...channelNames].sort());
  });
});
