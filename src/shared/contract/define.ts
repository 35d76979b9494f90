import type { z } from 'zod';

/** Compile-time carrier of an output type; never read at run time. */
export interface Returns<O> {
  readonly __returns?: O;
}

/** Declares the output type of a channel or the payload type of a push event. */
export function returns<O>(): Returns<O> {
  return {};
}

/**
 * One request channel (renderer → main): its zod input schema and its output type.
 * Names are `namespace.method`; the preload exposes it as `catalyst.namespace.method(input)`.
 */
export interface Channel<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly output: Returns<O>;
  /** One line for humans: what the channel does. */
  readonly doc: string;
}

/** One push event (main → renderer) and its payload type. */
export interface PushEvent<P = unknown> {
  readonly payload: Returns<P>;
  readonly doc: string;
}

export function channel<I extends z.ZodType, O>(def: Channel<I, O>): Channel<I, O> {
  return def;
}

export function pushEvent<P>(def: PushEvent<P>): PushEvent<P> {
  return def;
}

export type ChannelMap = Record<`${string}.${string}`, Channel>;
export type PushEventMap = Record<`${string}.${string}`, PushEvent>;

/** The input a caller passes (before parsing). */
export type InputOf<C> = C extends Channel<infer I, unknown> ? z.input<I> : never;
/** The input a handler receives (after parsing and transforms, e.g. branded types). */
export type ParsedInputOf<C> = C extends Channel<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends Channel<z.ZodType, infer O> ? O : never;
export type PayloadOf<E> = E extends PushEvent<infer P> ? P : never;
