/*
 * What the chart shows: one symbol, or several symbols compared at an anchor (rebased to 100
 * there), drawn from the same long-lived chart. The types are the workspace's (restored on
 * launch), declared once in src/shared/domain/workspace.ts.
 */
import type { Ticker } from '../../../shared/brand';
import { MAX_COMPARED, type CompareAnchor, type Selection } from '../../../shared/domain/workspace';

export { MAX_COMPARED };
export type { CompareAnchor, Selection };

export function singleSelection(symbol: Ticker): Selection {
  return { kind: 'single', symbol };
}

/**
 * A comparison of distinct symbols (duplicates dropped, order kept), each in its own currency
 * unless `currency` is given. Throws on none or more than
 * `MAX_COMPARED`: a caller builds it from a user's pick and must say so before.
 */
export function compareSelection(
  symbols: readonly Ticker[],
  anchor: CompareAnchor,
  currency?: string | undefined,
): Selection {
  const unique = [...new Set(symbols)];
  if (unique.length === 0) throw new Error('A comparison needs at least one symbol.');
  if (unique.length > MAX_COMPARED) throw new Error(`A comparison draws at most ${MAX_COMPARED} symbols.`);
  return currency
    ? { kind: 'compare', symbols: unique, anchor, currency }
    : { kind: 'compare', symbols: unique, anchor };
}

/** Every symbol the selection draws, in order. */
export function selectionSymbols(s: Selection): readonly Ticker[] {
  return s.kind === 'single' ? [s.symbol] : s.symbols;
}

/** The symbol panels follow (info, sidebar highlight): the single one, or the first compared. */
export function primarySymbol(s: Selection): Ticker {
  return s.kind === 'single' ? s.symbol : s.symbols[0]!;
}

/** True when both select the same thing (so a view need not reload). */
export function sameSelection(a: Selection | null, b: Selection | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === 'single') return a.symbol === (b as typeof a).symbol;
  const o = b as typeof a;
  if (a.symbols.length !== o.symbols.length || a.symbols.some((s, i) => s !== o.symbols[i])) return false;
  if (a.anchor.kind !== o.anchor.kind || a.currency !== o.currency) return false;
  return a.anchor.kind === 'event'
    ? a.anchor.eventId === (o.anchor as typeof a.anchor).eventId
    : a.anchor.date === (o.anchor as typeof a.anchor).date;
}
