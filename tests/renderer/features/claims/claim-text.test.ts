import { describe, expect, it } from 'vitest';
import { asIsoDate } from '../../../../src/shared/brand';
import { describeMetric, measuredSpan, pct, splitQuote } from '../../../../src/renderer/src/features/claims/claim-text';

describe('describeMetric', () => {
  const title = (id: string) => (id === 'qwen25-max-release' ? 'Alibaba releases Qwen2.5-Max' : null);
  it('says what is measured and the thresholds of each verdict', () => {
    expect(
      describeMetric(
        {
          kind: 'max-gain-within-days',
          event: 'qwen25-max-release',
          days: 30,
          holds: { above: 0.5 },
          borderline: { above: 0.45 },
        },
        title,
      ),
    ).toBe(
      'Largest close within 30 days from the T0 of “Alibaba releases Qwen2.5-Max” against the last valid close before T0; holds above +50.0%, borderline above +45.0%.',
    );
    expect(
      describeMetric(
        {
          kind: 'ytd-return-range',
          from: asIsoDate('2025-02-01'),
          to: asIsoDate('2025-03-31'),
          target: 0.3,
          holds: { min: 0.27, max: 0.33 },
        },
        title,
      ),
    ).toBe(
      'Year-to-date return on some session from 2025-02-01 to 2025-03-31, against the last valid close of 2024; holds within 27%–33%.',
    );
    expect(describeMetric({ kind: 'record-high', event: 'byd-record-high', field: 'high' }, title)).toBe(
      'The intraday high of the session of event byd-record-high against every earlier one in the cache; holds when it is higher.',
    );
    expect(
      describeMetric(
        { kind: 'gain-over-period', from: asIsoDate('2025-01-01'), to: asIsoDate('2025-03-14'), holds: { above: 0 } },
        title,
      ),
    ).toBe(
      'Return from the last valid close before 2025-01-01 to the last valid close on or before 2025-03-14; holds above +0.0%.',
    );
  });
});

describe('splitQuote', () => {
  it("marks the claim's words inside the sentence", () => {
    expect(
      splitQuote('as reflected in the Hang Seng Tech Index’s nearly 30% increase year-to-date.', 'nearly 30% increase'),
    ).toEqual(['as reflected in the Hang Seng Tech Index’s ', 'nearly 30% increase', ' year-to-date.']);
  });
  it('keeps the whole sentence when the words are not in it', () => {
    expect(splitQuote('abc', 'xyz')).toEqual(['abc', '', '']);
  });
});

describe('pct and measuredSpan', () => {
  it('formats signed percentages with a real minus sign', () => {
    expect(pct(0.58738)).toBe('+58.7%');
    expect(pct(-0.0339)).toBe('−3.4%');
  });
  it('shows base and end with their field and date', () => {
    expect(
      measuredSpan({
        base: { date: asIsoDate('2025-01-27'), value: 87.25, field: 'close' },
        end: { date: asIsoDate('2025-02-21'), value: 138.5, field: 'close' },
      }),
    ).toBe('87.25 (close, 2025-01-27) → 138.5 (close, 2025-02-21)');
    expect(measuredSpan({ base: null, end: null })).toBe('–');
  });
});
