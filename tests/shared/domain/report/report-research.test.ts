import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import type { ClaimSensitivity } from '../../../../src/shared/domain/claim-sensitivity';
import {
  eventStudyHtml,
  eventStudyMarkdown,
  heatColour,
  heatmapWindow,
  sensitivityHtml,
  sensitivitySummary,
  type ReportEventStudy,
} from '../../../../src/shared/domain/report/report-research';
import { escapeHtml } from '../../../../src/shared/domain/report/study-report';

const A = asTicker('9988.HK');
const B = asTicker('BABA');
const C = asTicker('0700.HK');

const row = (eventId: string, symbol: ReturnType<typeof asTicker>, w: [number, number], car: number | null) => ({
  eventId,
  symbol,
  benchmark: asTicker('^HSI'),
  window: w,
  ret: car,
  arMarketAdjusted: car,
  carMarketModel: car,
  tStat: car === null ? null : car * 20,
  missing: car === null ? ['the benchmark ^HSI is not in the cache'] : [],
});

const study: ReportEventStudy = {
  events: ['e1', 'e2'],
  symbols: [A, B, C],
  windows: [
    [-5, -1],
    [0, 5],
  ],
  rows: [
    row('e1', A, [-5, -1], 0.01),
    row('e1', A, [0, 5], 0.12),
    row('e1', B, [-5, -1], -0.02),
    row('e1', B, [0, 5], -0.3),
    row('e1', C, [-5, -1], null),
    row('e1', C, [0, 5], null),
    row('e2', A, [0, 5], 0.05),
    row('e2', B, [0, 5], 0.07),
    row('e2', C, [0, 5], null),
  ],
  byEvent: [
    { key: 'e1', window: [0, 5], n: 2, mean: -0.09, sd: 0.3, tStat: -0.42 },
    { key: 'e2', window: [0, 5], n: 2, mean: 0.06, sd: 0.014, tStat: 6 },
  ],
};
const titles: Record<string, string> = { e1: 'Qwen <2.5> launch', e2: 'Xi meets founders' };
const title = (id: string) => titles[id] ?? id;

describe('report: event study and sensitivity', () => {
  it('draws the heatmap on [0, +5], one cell per event and measured symbol, coloured by sign and size', () => {
    expect(heatmapWindow(study)).toEqual([0, 5]);
    const html = eventStudyHtml(study, title, escapeHtml, false);
    expect(html).toContain('data-testid="report-heatmap"');
    expect(html).toContain('Qwen &lt;2.5&gt; launch');
    expect(html).not.toContain('Qwen <2.5>');
    // 0700.HK has no measured CAR: listed below, not a column.
    expect(html).not.toContain('<th class="sym">0700.HK</th>');
    expect(html).toContain('Not measured (no cached prices or benchmark): 0700.HK.');
    expect(html).toContain(`style="background:${heatColour(-0.3)}">-30.0%</td>`);
    expect(heatColour(0.3)).toBe('rgba(22, 163, 74, 0.75)');
    expect(heatColour(-0.02)).toBe('rgba(220, 38, 38, 0.17)');
    expect(heatColour(null)).toBe('#f4f4f4');
    // Means per event and window with t and its significance mark.
    expect(html).toContain('+6.0%<br><span class="muted">t 6.00**, n 2</span>');
  });

  it('a one-event report lists its rows per symbol and window instead of the heatmap', () => {
    const one = { ...study, events: ['e1'], rows: study.rows.filter((r) => r.eventId === 'e1') };
    const html = eventStudyHtml(one, title, escapeHtml, true);
    expect(html).not.toContain('report-heatmap');
    expect(html).toContain('<td>BABA</td><td>[0, +5]</td><td class="num">-30.0%</td>');
    expect(html).toContain('the benchmark ^HSI is not in the cache');
  });

  it('says so when there is no event study, in HTML and Markdown', () => {
    expect(eventStudyHtml(null, title, escapeHtml, false)).toContain('No event study');
    expect(eventStudyMarkdown({ ...study, events: [] }, title, (s) => s).join('\n')).toContain('No event study');
    const md = eventStudyMarkdown(study, title, (s) => s).join('\n');
    expect(md).toContain('| Xi meets founders | — | +6.0% (t 6.00**, n 2) |');
    expect(md).toContain('| Qwen <2.5> launch | +12.0% | -30.0% |');
  });

  it('a sensitivity strip has one cell per session, coloured by verdict, and says on how many it holds', () => {
    const s: ClaimSensitivity = {
      symbol: A,
      points: [
        { date: '2025-02-03' as never, value: 0.2, verdict: 'fails' },
        { date: '2025-02-04' as never, value: 0.26, verdict: 'borderline' },
        { date: '2025-02-05' as never, value: 0.3, verdict: 'holds' },
      ],
      holds: 1,
      borderline: 1,
      note: null,
    };
    expect(sensitivitySummary(s)).toBe('holds on 1 of 3 sessions, borderline on 1 (2025-02-03 … 2025-02-05)');
    const html = sensitivityHtml(
      [s, { ...s, symbol: B, points: [], holds: 0, borderline: 0, note: 'A record high is one session' }],
      escapeHtml,
    );
    expect(html.match(/<span style="background:/g)).toHaveLength(3);
    expect(html).toContain('background:#16a34a" title="2025-02-05: +30.0% holds"');
    expect(html).toContain('BABA — sensitivity to the as-of date</dt><dd>A record high is one session');
    expect(sensitivityHtml(undefined, escapeHtml)).toBe('');
  });
});
