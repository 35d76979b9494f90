import type { ProviderId } from '../../../shared/domain/sync';
import { tiingoProvider } from './tiingo';
import { twelveDataProvider } from './twelvedata';
import type { Provider } from './types';
import { yahooProvider } from './yahoo';

/** Every provider module by id. */
export const providers: Readonly<Record<ProviderId, Provider>> = {
  yahoo: yahooProvider,
  tiingo: tiingoProvider,
  twelvedata: twelveDataProvider,
};
