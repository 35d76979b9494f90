import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/create-core';
import { asTicker } from '../../../../src/shared/brand';
import { useTempDir } from '../../../helpers/temp-db';

const tmp = useTempDir();
const K = asTicker('K');

describe('MarketService bars import: preview, keep or replace, provenance', () => {
  let core: Core | null = null;
  afterEach(async () => {
    await core?.close();
    core = null;
  });

  it('previews without writing: rows to add, identical rows, differing rows with both values, skipped rows', () => {
    core = createCore({ dbPath: tmp.dbPath(), isTrustedSender: () => true });
    const market = core.services.market;
    market.importBarsCsv(K, 'date,close\n2025-01-02,10\n2025-01-03,11\n', { fileName: 'first.csv' });
    const text =
      'Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,null,null,null,null,null,null\n2025-01-03,12,12,12,12,12,5\n2025-01-06,13,13,13,13,13,5\n';
    const before = market.getBars(K);
    const preview = market.previewBarsCsv(K, text, { fileName: 'second.csv' });
    expect(market.getBars(K)).toEqual(before);
    expect(preview).toMatchObject({
      format: 'yahoo',
      fileName: 'second.csv',
      instrumentExists: true,
      rows: 2,
      from: '2025-01-03',
      to: '2025-01-06',
      toAdd: 1,
      unchanged: 0,
      differingCount: 1,
      skipped: [{ line: 2, reason: '2025-01-02: no prices (null)' }],
      problems: [],
    });
    expect(preview.differing[0]).toMatchObject({ date: '2025-01-03', cached: { close: 11 }, file: { close: 12 } });

    expect(market.importBarsCsv(K, text, { fileName: 'second.csv', differing: 'keep' }).changed).toBe(1);
    expect(market.getBars(K).map((b) => b.close)).toEqual([10, 11, 13]);
    expect(market.previewBarsCsv(K, text).differingCount).toBe(1);
    market.importBarsCsv(K, text, { fileName: 'second.csv', differing: 'replace' });
    expect(market.getBars(K).map((b) => b.close)).toEqual([10, 12, 13]);
    expect(market.previewBarsCsv(K, text)).toMatchObject({ toAdd: 0, unchanged: 2, differingCount: 0 });
    expect(market.getInstrument(K).provenance).toBe(
      'imported from first.csv (date,close CSV); imported from second.csv (Yahoo Finance download)',
    );
  });
});
