import type { ClaimMetric, ClaimResult, Verdict } from '../../../../shared/domain/claims';
import type { PricePoint } from '../../../../shared/domain/returns';
import { formatNumber, formatPercent, formatPercentBare } from '../../../../shared/format';

/** Verdict wording and its symbol (colour is never the only cue). */
export const verdictLabels: Record<Verdict, { readonly text: string; readonly mark: string }> = {
  holds: { text: 'holds', mark: '✓' },
  borderline: { text: 'borderline', mark: '≈' },
  fails: { text: 'fails', mark: '✗' },
  'not-enough-data': { text: 'not enough data', mark: '?' },
  'not-checkable': { text: 'not checkable from prices', mark: '—' },
};

/** A fraction as a percentage with one decimal, signed: 0.5874 → "+58.7%". */
export function pct(v: number): string {
  return formatPercent(v, { digits: 1, plusOnZero: true, typographicMinus: true });
}

const pctBare = formatPercentBare;

/**
 * What the metric measures and when it holds, in one sentence, e.g. "Largest close-to-close
 * gain within 30 days after “Alibaba releases Qwen2.5-Max” (T0 per listing); holds above +50.0%,
 * borderline above +45.0%."
 */
export function describeMetric(m: ClaimMetric, eventTitle: (id: string) => string | null): string {
  const ev = (id: string) => {
    const t = eventTitle(id);
    return t ? `“${t}”` : `event ${id}`;
  };
  switch (m.kind) {
    case 'ytd-return-range':
      return (
        `Year-to-date return on some session from ${m.from} to ${m.to}, against the last valid close of ${Number(m.from.slice(0, 4)) - 1}; ` +
        `holds within ${pctBare(m.holds.min)}–${pctBare(m.holds.max)}` +
        (m.borderline ? `, borderline within ${pctBare(m.borderline.min)}–${pctBare(m.borderline.max)}.` : '.')
      );
    case 'max-gain-within-days':
      return (
        `Largest close within ${m.days} days from the T0 of ${ev(m.event)} against the last valid close before T0; ` +
        `holds above ${pct(m.holds.above)}` +
        (m.borderline ? `, borderline above ${pct(m.borderline.above)}.` : '.')
      );
    case 'record-high':
      return `The ${m.field === 'high' ? 'intraday high' : 'close'} of the session of ${ev(m.event)} against every earlier one in the cache; holds when it is higher.`;
    case 'gain-over-period':
      return (
        `Return from the last valid close before ${m.from} to the last valid close on or before ${m.to}; holds above ${pct(m.holds.above)}` +
        (m.borderline ? `, borderline above ${pct(m.borderline.above)}.` : '.')
      );
    case 'not-checkable':
      return `Not checkable from prices: ${m.reason}`;
  }
}

/** The claim's words inside its sentence: [before, claim text, after]; the whole quote when not found. */
export function splitQuote(quote: string, text: string): readonly [string, string, string] {
  const at = text ? quote.indexOf(text) : -1;
  if (at < 0) return [quote, '', ''];
  return [quote.slice(0, at), text, quote.slice(at + text.length)];
}

function point(p: PricePoint): string {
  return `${formatNumber(p.value, 4)} (${p.field === 'high' ? 'high' : 'close'}, ${p.date})`;
}

/** "base 87.25 (close, 2025-01-27) → 138.5 (close, 2025-02-21)", or "–" without data. */
export function measuredSpan(r: Pick<ClaimResult, 'base' | 'end'>): string {
  if (!r.base || !r.end) return '–';
  return `${point(r.base)} → ${point(r.end)}`;
}
