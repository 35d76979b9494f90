import type { IsoDate, Ticker } from '../../../shared/brand';
import type { Bar } from '../../../shared/domain/bar';
import type { InstrumentKind } from '../../../shared/domain/instrument';
import type { ProviderId } from '../../../shared/domain/sync';

/** Where and as whom to ask a provider. */
export interface ProviderAccess {
  /** Base URL without a trailing slash (the default, a mirror, a proxy or a test server). */
  readonly baseUrl: string;
  readonly apiKey: string | null;
}

/** One HTTP GET, ready to send. */
export interface ProviderRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The URL with secrets removed: the only form that may appear in a message or a log. */
  readonly displayUrl: string;
}

/** An HTTP answer, whatever its status: the body is text, never parsed yet. */
export interface HttpAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The raw `Retry-After` header, if any. */
  readonly retryAfter: string | null;
}

/** What a provider tells us about the instrument (null = it did not say). */
export interface InstrumentMeta {
  readonly name: string | null;
  readonly exchange: string | null;
  readonly currency: string | null;
  /** IANA zone of the exchange; trading dates are local to it. */
  readonly timezone: string | null;
  readonly kind: InstrumentKind | null;
}

/** A dividend or split before it is tied to a symbol and provider. */
export interface CorporateAction {
  readonly date: IsoDate;
  readonly kind: 'dividend' | 'split';
  readonly amount: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** A provider answer after validation: bars ascending by date, unique dates, each consistent. */
export interface ProviderData {
  readonly bars: readonly Bar[];
  readonly meta: InstrumentMeta;
  readonly actions: readonly CorporateAction[];
}

/**
 * One public data provider as plain functions: build the request, then turn an answer into
 * validated data or a {@link SyncFailure} with a specific reason. No I/O here: the HTTP
 * client and the engine do that, so every provider is tested on recorded answers.
 */
export interface Provider {
  readonly id: ProviderId;
  readonly label: string;
  readonly needsKey: boolean;
  /** Throws SyncFailure(`unsupported-symbol` | `missing-key`) when it cannot ask. */
  buildRequest(symbol: Ticker, from: IsoDate, to: IsoDate, access: ProviderAccess): ProviderRequest;
  /** Parses a 2xx/4xx answer (429 and 5xx never get here). Bars outside [from, to] are dropped. */
  parse(answer: HttpAnswer, symbol: Ticker, from: IsoDate, to: IsoDate): ProviderData;
}
