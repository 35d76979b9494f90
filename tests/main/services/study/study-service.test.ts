import { describe, expect, it } from 'vitest';
import { asTicker } from '../../../../src/shared/brand';
import { useSeededStudyHarness } from './study-harness';

describe('StudyService on the seeded database', () => {
  const harness = useSeededStudyHarness();

  it('lists the embedded study with its source and counts', () => {
    const h = harness();
    expect(h.study.listStudies()).toEqual([
      expect.objectContaining({
        id: 'china-tech-rally-2025',
        title: 'China tech rally 2025',
        origin: 'seed',
        revision: 2,
        subjects: 12,
        benchmarks: 3,
        events: 31,
        claims: 6,
        source: expect.objectContaining({
          author: 'Wang Choon Leo, CFA',
          url: 'https://fifthperson.com/china-tech-stocks-up-2025/',
        }),
      }),
    ]);
  });

  it('gets the study: universe with instruments (provenance, adjustment notes, span), events with T0, claims', () => {
    const h = harness();
    const s = h.study.getStudy('china-tech-rally-2025');
    expect(s.universe).toHaveLength(15);
    expect(s.universe[0]).toMatchObject({
      symbol: '9988.HK',
      role: 'subject',
      firstDate: '2024-01-02',
      lastDate: '2025-05-21',
      instrument: {
        name: 'Alibaba Group',
        adjustmentNote: expect.stringContaining('placeholder'),
        provenance: expect.stringContaining('Georgelikechen'),
      },
    });
    expect(s.universe.find((u) => u.symbol === 'HSTECH.HK')!.instrument).toMatchObject({ closeOnly: true });
    expect(s.events.map((e) => e.date)).toEqual([...s.events.map((e) => e.date)].sort());
    const qwen = s.events.find((e) => e.id === 'qwen25-max-release')!;
    expect(qwen.t0).toEqual({ '9988.HK': '2025-02-03', BABA: '2025-01-28', 'HSTECH.HK': '2025-02-03' });
    expect(qwen.source).toMatchObject({
      kind: 'article',
      quote: expect.stringMatching(/^Alibaba’s stock surged more than 50%/),
    });
    expect(s.claims.map((c) => c.id)).toContain('alibaba-50pct-after-qwen');
  });

  it('filters events by symbol and category, with the T0 of each concerned symbol', () => {
    const h = harness();
    const baba = h.study.listEvents({ studyId: 'china-tech-rally-2025', symbol: asTicker('BABA') });
    expect(baba.every((e) => e.symbols.includes(asTicker('BABA')))).toBe(true);
    expect(baba.find((e) => e.id === 'deepseek-r1-release')!.t0.BABA).toBe('2025-01-21'); // MLK Day
    expect(baba.find((e) => e.id === 'alibaba-dec-quarter-results')!.t0).toEqual({
      BABA: '2025-02-20',
      '9988.HK': '2025-02-21',
    });
    expect(baba.find((e) => e.id === 'deepseek-shock')!.t0).toMatchObject({ BABA: '2025-01-27', '^HSI': '2025-01-28' });
    const policy = h.study.listEvents({ category: 'policy' });
    expect(policy.length).toBeGreaterThan(5);
    expect(policy.every((e) => e.category === 'policy')).toBe(true);
    expect(h.study.listEvents({ symbol: asTicker('TSLA') })).toEqual([]);
  });

  it('computes T0 of an event on any cached calendar, and says not-found for unknown ids', () => {
    const h = harness();
    expect(h.study.eventT0('qwen25-max-release', asTicker('000001.SS'))).toEqual({
      eventId: 'qwen25-max-release',
      symbol: '000001.SS',
      timezone: 'Asia/Shanghai',
      t0: '2025-02-05',
      localDate: '2025-01-28',
      localTime: '23:00',
      afterClose: false,
      gap: null,
    });
    expect(() => h.study.eventT0('nope', asTicker('BABA'))).toThrow(/no event "nope"/);
    expect(() => h.study.eventT0('qwen25-max-release', asTicker('TSLA'))).toThrow(/TSLA is not in the cache/);
    expect(() => h.study.getStudy('nope')).toThrow(/no study "nope"/);
    expect(() => h.study.listEvents({ studyId: 'nope' })).toThrow(/no study "nope"/);
  });
});
