import type { barsImportChannels } from '../../../shared/contract/bars-import';
import { decodeBarsBytes } from '../../services/market/bars-file';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

const text = (file: { fileName: string; bytesBase64: string }) =>
  decodeBarsBytes(file.fileName, new Uint8Array(Buffer.from(file.bytesBase64, 'base64'))).text;

/**
 * The bars CSV import (preview, then import): the router has already validated the input.
 * `data.changed` is the market service's to send, once, after its commit (and not at all when
 * the file changed nothing); the handler adds none of its own.
 */
export function barsImportHandlers(s: Services): FeatureHandlers<typeof barsImportChannels> {
  return {
    'barsImport.preview': (q) =>
      s.market.previewBarsCsvSliced(q.symbol, text(q.file), {
        fileName: q.file.fileName,
        ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
        ...(q.mapping ? { mapping: q.mapping } : {}),
      }),
    'barsImport.import': (q) =>
      s.market.importBarsCsvSliced(q.symbol, text(q.file), {
        fileName: q.file.fileName,
        differing: q.differing,
        ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
        ...(q.mapping ? { mapping: q.mapping } : {}),
      }),
  };
}
