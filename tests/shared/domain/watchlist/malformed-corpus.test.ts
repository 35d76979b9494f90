import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_WATCHLIST_FILE_BYTES } from '../../../../src/shared/domain/watchlist/model';
import { parseWatchlistFile } from '../../../../src/shared/domain/watchlist/parse';
import { FIXTURES, fixtureBytes, malformedCorpus } from './fixture-helpers';

describe('malformed corpus', () => {
  it('has an expectation for every file in the folder', () => {
    const files = readdirSync(join(FIXTURES, 'malformed')).sort();
    expect(files).toEqual(Object.keys(malformedCorpus).sort());
  });

  for (const [file, expected] of Object.entries(malformedCorpus)) {
    it(file, () => {
      const r = parseWatchlistFile(file, fixtureBytes(`malformed/${file}`));
      if ('reject' in expected) {
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.reason).toMatch(expected.reject);
      } else {
        if (!r.ok) throw new Error(r.reason);
        expect(r.value.lines.filter((l) => l.status === 'error')).toHaveLength(expected.errorLines);
        expect(r.value.lines.filter((l) => l.kind === 'item' && l.status === 'ok')).toHaveLength(expected.okItems);
        for (const l of r.value.lines.filter((x) => x.status === 'error')) expect(l.error).toMatch(/\S/);
      }
    });
  }

  it('refuses a file one byte over the limit, and reads one at the limit', () => {
    const line = 'HKEX:700,';
    const atLimit = new Uint8Array(MAX_WATCHLIST_FILE_BYTES).fill(0x20);
    atLimit.set(new TextEncoder().encode(line));
    expect(parseWatchlistFile('big.txt', atLimit).ok).toBe(true);
    const over = new Uint8Array(MAX_WATCHLIST_FILE_BYTES + 1).fill(0x20);
    expect(parseWatchlistFile('big.txt', over)).toEqual({
      ok: false,
      reason: 'the file is 1048577 bytes (1 MiB); the limit is 1048576 bytes (1 MiB)',
    });
  });

  it('names the unknown and ambiguous prefixes in the TradingView file', () => {
    const r = parseWatchlistFile('unknown-prefixes.txt', fixtureBytes('malformed/unknown-prefixes.txt'));
    if (!r.ok) throw new Error(r.reason);
    const errors = r.value.lines.filter((l) => l.status === 'error').map((l) => l.error);
    expect(errors[0]).toMatch(/unknown exchange prefix "BINANCE"/);
    expect(errors[1]).toMatch(/unknown exchange prefix "FX"/);
    expect(errors[2]).toMatch(/TVC:GOLD is not a known index/);
    expect(errors[3]).toMatch(/SP:NDX is not a known index/);
  });
});
