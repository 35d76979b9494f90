import type { exportChannels } from '../../../shared/contract/export';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Exports: files built from what the app shows; the router has already validated the input. */
export function exportHandlers(s: Services): FeatureHandlers<typeof exportChannels> {
  return {
    'export.csv': (q) => s.export.csv(q),
    'export.pdf': (q) => s.export.pdf(q.html, q.pageSize),
    'export.copyImage': (q) => s.export.copyImage(q.pngBase64),
  };
}
