import {
  CatalystError,
  channels,
  type ChannelName,
  type Channels,
  type Envelope,
  type ErrorInfo,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contract/index';
import { formatIssues } from '../../shared/zod-issues';

/** Who sent a request: the URL of the frame that made it. */
export interface Sender {
  readonly url: string;
}

/** A handler per channel: receives the parsed (validated, branded) input. */
export type Handlers = {
  readonly [K in ChannelName]: (
    input: ParsedInputOf<Channels[K]>,
  ) => Promise<OutputOf<Channels[K]>> | OutputOf<Channels[K]>;
};

export interface RouterOptions {
  /** True for the app's own window; anything else is refused with `forbidden`. */
  readonly isTrustedSender: (sender: Sender) => boolean;
  /** Where unexpected errors go (their stacks never reach the renderer). */
  readonly onUnexpectedError?: (channel: string, error: unknown) => void;
}

/** Dispatches one request: checks the sender, parses the input, calls the handler, wraps the result. */
export interface Router {
  dispatch(channel: string, input: unknown, sender: Sender): Promise<Envelope<unknown>>;
  readonly channelNames: readonly ChannelName[];
}

/** Turns anything thrown into what may cross the boundary. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof CatalystError) return error.toInfo();
  return { code: 'internal', message: 'Unexpected error in the main process (see the log).' };
}

/**
 * Builds the router every transport uses (Electron IPC in the app, a Chromium binding in the
 * end-to-end tests). Every channel of the contract must have exactly one handler.
 */
export function createRouter(handlers: Handlers, options: RouterOptions): Router {
  const names = Object.keys(channels) as ChannelName[];
  const missing = names.filter((n) => typeof (handlers as Record<string, unknown>)[n] !== 'function');
  const extra = Object.keys(handlers).filter((n) => !(n in channels));
  if (missing.length || extra.length) {
    throw new Error(
      `handler map does not match the contract (missing: ${missing.join(', ') || '-'}; extra: ${extra.join(', ') || '-'})`,
    );
  }
  const table = handlers as unknown as Record<string, (input: unknown) => unknown>;
  return {
    channelNames: names,
    async dispatch(channel, input, sender) {
      if (!Object.hasOwn(channels, channel)) {
        return { ok: false, error: { code: 'not-found', message: `unknown channel "${channel}"` } };
      }
      if (!options.isTrustedSender(sender)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: `requests from ${sender.url || 'an unknown frame'} are refused` },
        };
      }
      const parsed = channels[channel as ChannelName].input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'invalid-input', message: `${channel}: ${formatIssues(parsed.error)}` } };
      }
      try {
        const value = await table[channel]!(parsed.data);
        return { ok: true, value };
      } catch (error) {
        if (!(error instanceof CatalystError)) options.onUnexpectedError?.(channel, error);
        return { ok: false, error: toErrorInfo(error) };
      }
    },
  };
}
