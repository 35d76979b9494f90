import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import type { EventStudyRow } from '../../../../src/shared/contract/research';
import { heat, heatCellName, heatCellText } from '../../../../src/renderer/src/features/research/heatmap-cells';

const row = (car: number | null, tStat: number | null, missing: string[] = []): EventStudyRow => ({
  eventId: 'qwen25-max-release',
  symbol: asTicker('9988.HK'),
  benchmark: asTicker('^HSI'),
  t0: null,
  window: [0, 5],
  from: null,
  to: null,
  ret: null,
  arMarketAdjusted: null,
  carMarketModel: car,
  tStat,
  alpha: null,
  beta: null,
  estimation: null,
  missing,
});

describe('heatmap cells', () => {
  const event = { number: 5, title: 'Alibaba releases Qwen2.5-Max' };
  it('names a cell by its event, symbol, window and CAR with its significance', () => {
    expect(heatCellName(event, asTicker('9988.HK'), [0, 5], row(0.2531, 3.1))).toBe(
      '5. Alibaba releases Qwen2.5-Max, 9988.HK: CAR [0, +5] +25%, significant at 1 %',
    );
    expect(heatCellName(event, asTicker('BABA'), [-5, -1], row(-0.021, -2.1))).toBe(
      '5. Alibaba releases Qwen2.5-Max, BABA: CAR [-5, -1] -2%, significant at 5 %',
    );
    expect(heatCellName(event, asTicker('BABA'), [0, 1], row(0.004, 0.3))).toBe(
      '5. Alibaba releases Qwen2.5-Max, BABA: CAR [0, +1] +0%',
    );
  });
  it('shows the CAR in whole percent with its mark, and names the cell with that figure (what is seen is what is heard)', () => {
    expect([heatCellText(row(0.2551, 3.1)), heatCellText(row(-0.021, -2.1)), heatCellText(row(null, null))]).toEqual([
      '26**',
      '-2*',
      '·',
    ]);
    expect(heatCellName(event, asTicker('9988.HK'), [0, 5], row(0.2551, 3.1))).toContain('CAR [0, +5] +26%,');
  });
  it('says why a cell has no CAR', () => {
    expect(
      heatCellName(
        { number: undefined, title: 'X' },
        asTicker('NOPE'),
        [0, 1],
        row(null, null, ['NOPE is not in the cache']),
      ),
    ).toBe('?. X, NOPE: CAR [0, +1] not measured (NOPE is not in the cache)');
    expect(heatCellName(event, asTicker('BABA'), [0, 1], undefined)).toBe(
      '5. Alibaba releases Qwen2.5-Max, BABA: CAR [0, +1] not measured',
    );
  });
  it('colours by sign, stronger with size, never more than 55 % opaque', () => {
    expect(heat(null)).toBeUndefined();
    expect(heat(0.5)).toBe('rgba(22, 163, 74, 0.55)');
    expect(heat(-0.1)).toMatch(/^rgba\(220, 38, 38, 0\.33\d*\)$/);
  });
});
