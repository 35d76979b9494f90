import { describe, expect, it } from 'vitest';
import { asIsoDate, asTicker } from '../../../src/shared/brand';
import {
  compareSelection,
  MAX_COMPARED,
  primarySymbol,
  sameSelection,
  selectionSymbols,
  singleSelection,
} from '../../../src/renderer/src/app/selection';

const A = asTicker('9988.HK');
const B = asTicker('BABA');
const event = { kind: 'event', eventId: 'deepseek-r1-release' } as const;

describe('the selection model', () => {
  it('says one symbol, or several compared at an anchor', () => {
    expect(selectionSymbols(singleSelection(A))).toEqual([A]);
    const cmp = compareSelection([A, B, A], event);
    expect(selectionSymbols(cmp)).toEqual([A, B]);
    expect(primarySymbol(cmp)).toBe(A);
    expect(primarySymbol(singleSelection(B))).toBe(B);
  });

  it('refuses an empty comparison and one with too many symbols', () => {
    expect(() => compareSelection([], event)).toThrow(/at least one/);
    const many = Array.from({ length: MAX_COMPARED + 1 }, (_, i) => asTicker(`S${i}`));
    expect(() => compareSelection(many, event)).toThrow(/at most/);
  });

  it('compares by value', () => {
    expect(sameSelection(singleSelection(A), singleSelection(A))).toBe(true);
    expect(sameSelection(singleSelection(A), singleSelection(B))).toBe(false);
    expect(sameSelection(compareSelection([A, B], event), compareSelection([A, B], event))).toBe(true);
    expect(sameSelection(compareSelection([A, B], event), compareSelection([B, A], event))).toBe(false);
    const date = { kind: 'date', date: asIsoDate('2025-01-27') } as const;
    expect(sameSelection(compareSelection([A, B], event), compareSelection([A, B], date))).toBe(false);
    expect(sameSelection(singleSelection(A), compareSelection([A], event))).toBe(false);
    expect(sameSelection(null, null)).toBe(true);
  });
});
