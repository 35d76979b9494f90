import { CatalystError, isErrorInfo, type Envelope } from './errors';
import { channels, pushEvents, type ChannelName, type Channels, type PushEventName, type PushEvents } from './index';
import type { InputOf, OutputOf, PayloadOf } from './define';

/** How a bridge reaches the main process. The preload uses IPC; the end-to-end harness a Chromium binding. */
export interface BridgeTransport {
  /** Sends a request; resolves with the main side's envelope (never rejects for handler errors). */
  invoke(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Listens to one push event; returns the unsubscribe function. */
  subscribe(event: PushEventName, listener: (payload: unknown) => void): () => void;
}

type Namespace<K> = K extends `${infer NS}.${string}` ? NS : never;
type Method<K, NS extends string> = K extends `${NS}.${infer M}` ? M : never;
type Call<C, R> = undefined extends InputOf<C> ? (input?: InputOf<C>) => Promise<R> : (input: InputOf<C>) => Promise<R>;

interface Subscribe {
  /** Listens to a push event; returns the unsubscribe function. */
  on<E extends PushEventName>(event: E, listener: (payload: PayloadOf<PushEvents[E]>) => void): () => void;
}

/**
 * `window.catalyst`: one method per contract channel, grouped by namespace, each resolving
 * to an {@link Envelope}. Envelopes (plain data) cross the context bridge intact; errors would not.
 */
export type CatalystBridge = {
  readonly [NS in Namespace<ChannelName>]: {
    readonly [K in ChannelName as Method<K, NS>]: Call<Channels[K], Envelope<OutputOf<Channels[K]>>>;
  };
} & Subscribe;

/** The renderer's API: like the bridge, but resolving to values and throwing {@link CatalystError}. */
export type CatalystClient = {
  readonly [NS in Namespace<ChannelName>]: {
    readonly [K in ChannelName as Method<K, NS>]: Call<Channels[K], OutputOf<Channels[K]>>;
  };
} & Subscribe;

function split(name: string): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

function group<F>(make: (name: ChannelName) => F): Record<string, Record<string, F>> {
  const api: Record<string, Record<string, F>> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const [ns, method] = split(name);
    if (ns === 'on') throw new Error('"on" is reserved for push events');
    (api[ns] ??= {})[method] = make(name);
  }
  return api;
}

/** Builds `window.catalyst` from the contract over a transport. */
export function createBridge(transport: BridgeTransport): CatalystBridge {
  const api = group((name) => (input?: unknown) => transport.invoke(name, input));
  const on = (event: PushEventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(event in pushEvents)) throw new Error(`unknown push event "${event}"`);
    return transport.subscribe(event, listener);
  };
  return { ...api, on } as unknown as CatalystBridge;
}

function unwrap(name: string, envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null && 'ok' in envelope) {
    const e = envelope as Envelope<unknown>;
    if (e.ok) return e.value;
    if (isErrorInfo(e.error)) throw new CatalystError(e.error.code, e.error.message, e.error.details);
  }
  throw new CatalystError('internal', `malformed response on ${name}`);
}

/** Wraps a bridge so React code gets values and typed errors, never envelopes or IPC names. */
export function createClient(bridge: CatalystBridge): CatalystClient {
  const raw = bridge as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
  const api = group((name) => {
    const [ns, method] = split(name);
    return async (input?: unknown) => unwrap(name, await raw[ns]![method]!(input));
  });
  return { ...api, on: bridge.on } as unknown as CatalystClient;
}
