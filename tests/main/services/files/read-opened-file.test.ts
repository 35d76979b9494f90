import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOpenedFile } from '../../../../src/main/services/files/read-opened-file';
import { useTempDir } from '../../../helpers/temp-db';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'fixtures');
const tmp = useTempDir();

describe('readOpenedFile', () => {
  it('reads a file whole with the kind its head shows', () => {
    const bars = join(FIXTURES, 'market', 'BIDU.csv');
    expect(readOpenedFile(bars)).toEqual({
      fileName: 'BIDU.csv',
      kind: 'bars-csv',
      bytesBase64: readFileSync(bars).toString('base64'),
    });
    expect(readOpenedFile(join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt'))).toMatchObject({
      fileName: 'tradingview-china-tech.txt',
      kind: 'watchlist',
    });
  });

  it("refuses a file over its kind's limit from its size, and says why a path cannot be read", () => {
    const big = join(tmp.dir(), 'big.txt');
    writeFileSync(big, `BABA\n${'x'.repeat(1024 * 1024)}\n`);
    expect(readOpenedFile(big)).toEqual({
      fileName: 'big.txt',
      kind: 'watchlist',
      error: expect.stringMatching(
        /^Cannot import big\.txt: the file is 1048582 bytes .*the limit is 1048576 bytes .*Nothing was imported\.$/,
      ),
    });
    // The same size is fine for a price history.
    const prices = join(tmp.dir(), 'prices.csv');
    writeFileSync(prices, `date,close\n${'2025-01-02,1\n'.repeat(90_000)}`);
    expect(readOpenedFile(prices)).toMatchObject({ kind: 'bars-csv', bytesBase64: expect.any(String) });
    expect(readOpenedFile(join(tmp.dir(), 'missing.csv'))).toMatchObject({ error: 'Cannot read missing.csv: ENOENT' });
    expect(readOpenedFile(tmp.dir())).toMatchObject({ error: expect.stringMatching(/not a file/) });
  });

  it('keeps the kind the user chose in the File menu (Import Prices CSV…, Import Study…) whatever the file looks like', () => {
    const watchlist = join(FIXTURES, 'watchlists', 'tradingview-china-tech.txt');
    // Chosen under Import Prices CSV…: the price preview opens and says why it does not fit.
    expect(readOpenedFile(watchlist, 'bars-csv')).toEqual({
      fileName: 'tradingview-china-tech.txt',
      kind: 'bars-csv',
      bytesBase64: readFileSync(watchlist).toString('base64'),
    });
    // Chosen under Import Study…: the study preview, even for a price file.
    expect(readOpenedFile(join(FIXTURES, 'market', 'BIDU.csv'), 'study')).toMatchObject({ kind: 'study' });
    // The chosen kind's size limit applies, and an unreadable path keeps the chosen kind.
    const big = join(tmp.dir(), 'big-study.json');
    writeFileSync(big, `{"format":"catalyst-study",${' '.repeat(6 * 1024 * 1024)}}`);
    expect(readOpenedFile(big, 'study')).toMatchObject({ kind: 'study', error: expect.stringMatching(/limit/) });
    expect(readOpenedFile(join(tmp.dir(), 'missing.csv'), 'bars-csv')).toEqual({
      fileName: 'missing.csv',
      kind: 'bars-csv',
      error: 'Cannot read missing.csv: ENOENT',
    });
    // Without a choice the head decides, as for a dropped file.
    expect(readOpenedFile(watchlist, null)).toMatchObject({ kind: 'watchlist' });
  });
});
