import { describe, expect, it } from 'vitest';
import { combineHandlers } from '../../../../src/main/app/handlers/feature-handlers';
import { createPushHub } from '../../../../src/main/rpc/push';
import { appHandlers } from '../../../../src/main/app/handlers/app-handlers';

describe('combineHandlers', () => {
  it('joins per-feature maps and refuses a channel handled twice', () => {
    const a = { 'instruments.list': () => [] };
    const b = { 'instruments.get': () => null };
    expect(Object.keys(combineHandlers(a, b as never))).toEqual(['instruments.list', 'instruments.get']);
    expect(() => combineHandlers(a, { ...a })).toThrow(/"instruments.list" has two handlers/);
  });
});

describe('push queue until the renderer is ready', () => {
  it('holds events until app.ready, then sends them in order, once', async () => {
    const push = createPushHub({ queueUntilReady: true });
    const seen: string[] = [];
    push.attach((event, payload) => seen.push(`${event}:${JSON.stringify(payload)}`));
    push.emit('data.changed', { kinds: ['watchlists'] });
    push.emit('data.changed', { kinds: ['bars'] });
    expect(seen).toEqual([]);
    const handlers = appHandlers({ push });
    expect(await handlers['app.ready'](undefined)).toEqual({ flushed: 2 });
    expect(seen).toEqual(['data.changed:{"kinds":["watchlists"]}', 'data.changed:{"kinds":["bars"]}']);
    push.emit('data.changed', { kinds: ['events'] });
    expect(seen).toHaveLength(3);
    expect(await handlers['app.ready'](undefined)).toEqual({ flushed: 0 });
  });

  it('queues again after unready (a reload) and drops the oldest past its cap', () => {
    const push = createPushHub({ queueUntilReady: true, maxQueued: 2 });
    const seen: unknown[] = [];
    push.attach((_e, p) => seen.push(p));
    push.ready();
    push.unready();
    push.emit('data.changed', { kinds: ['bars'] });
    push.emit('data.changed', { kinds: ['events'] });
    push.emit('data.changed', { kinds: ['claims'] });
    expect(push.ready()).toBe(2);
    expect(seen).toEqual([{ kinds: ['events'] }, { kinds: ['claims'] }]);
  });

  it('sends at once when not asked to queue (the CLI, direct sinks)', () => {
    const push = createPushHub();
    const seen: unknown[] = [];
    push.attach((_e, p) => seen.push(p));
    push.emit('data.changed', { kinds: ['bars'] });
    expect(seen).toHaveLength(1);
  });
});
