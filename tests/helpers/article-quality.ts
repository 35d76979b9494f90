import type { ArticleProposal } from '../../src/shared/domain/article/types';

/** What a fixture article should give (tests/fixtures/articles/*.expected.json). */
export interface ExpectedStudy {
  readonly file: string;
  /** The --date passed to the reader (null: none). */
  readonly date: string | null;
  readonly source: { title?: string; author?: string; publication?: string; date?: string | null };
  readonly universe: readonly string[];
  readonly ambiguous: readonly string[];
  /** `quote`: a part of the sentence; `date`: the true day (null: the text gives none). */
  readonly events: readonly { quote: string; date: string | null; category?: string }[];
  /** `metric`: a metric kind, or null (not checkable, or checkable without a metric yet). */
  readonly claims: readonly {
    quote: string;
    metric: string | null;
    checkable: boolean;
    symbols?: readonly string[];
    from?: string;
    to?: string;
  }[];
}

export interface Score {
  readonly events: {
    found: number;
    expected: number;
    proposed: number;
    correct: number;
    wrongDates: string[];
    missed: string[];
  };
  readonly claims: { found: number; expected: number; proposed: number; correct: number; missed: string[] };
  readonly universe: {
    found: number;
    expected: number;
    proposed: number;
    correct: number;
    missed: string[];
    extra: string[];
  };
  readonly ambiguous: { found: number; expected: number };
  readonly categories: { same: number; compared: number };
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Scores a proposal against the expected study. An event counts when a proposed event's
 * sentence contains the expected quote and its date span contains the true day (an
 * undated expectation needs an undated proposal); a proposal on the right sentence whose
 * span excludes the true day is a wrong date (worse than a miss). A claim counts when a
 * proposed claim's sentence contains the quote with the same metric kind, checkability,
 * symbols and dates where the expectation states them.
 */
export function scoreProposal(p: ArticleProposal, e: ExpectedStudy): Score {
  const dateOk = (ev: ArticleProposal['events'][number], day: string | null): boolean =>
    day === null ? ev.date === null : ev.range !== null && ev.range.from <= day && day <= ev.range.to;
  const wrongDates: string[] = [];
  const missedEvents: string[] = [];
  const matchedEvents = new Set<string>();
  let same = 0;
  let compared = 0;
  for (const x of e.events) {
    const onSentence = p.events.filter((ev) => ev.quote.includes(x.quote));
    const hit = onSentence.find((ev) => dateOk(ev, x.date));
    if (hit) {
      matchedEvents.add(hit.id);
      if (x.category) {
        compared += 1;
        if (hit.category === x.category) same += 1;
      }
    } else {
      missedEvents.push(x.quote);
      // Several expected events may share a sentence (the embedded study dates two events from
      // BYD's): a proposal is wrong only when it fits none of them.
      const sameSentence = e.events.filter((y) => onSentence.some((ev) => ev.quote.includes(y.quote)));
      const wrong = onSentence.find((ev) => ev.date !== null && !sameSentence.some((y) => dateOk(ev, y.date)));
      if (wrong) wrongDates.push(`${x.quote}: ${wrong.range?.from}…${wrong.range?.to}, true ${x.date}`);
    }
  }
  const claimOk = (c: ArticleProposal['claims'][number], x: ExpectedStudy['claims'][number]): boolean =>
    (c.quote.includes(x.quote) || c.text.includes(x.quote)) &&
    (c.metric?.kind ?? null) === x.metric &&
    c.checkable === x.checkable &&
    (!x.symbols || sameSet(c.symbols, x.symbols)) &&
    (!x.from || (c.metric !== null && 'from' in c.metric && c.metric.from === x.from)) &&
    (!x.to || (c.metric !== null && 'to' in c.metric && c.metric.to === x.to));
  const missedClaims = e.claims.filter((x) => !p.claims.some((c) => claimOk(c, x))).map((x) => x.quote);
  const symbols = p.universe.flatMap((u) => (u.symbol ? [u.symbol as string] : []));
  return {
    events: {
      found: e.events.length - missedEvents.length,
      expected: e.events.length,
      proposed: p.events.length,
      correct: matchedEvents.size,
      wrongDates,
      missed: missedEvents,
    },
    claims: {
      found: e.claims.length - missedClaims.length,
      expected: e.claims.length,
      proposed: p.claims.length,
      correct: p.claims.filter((c) => e.claims.some((x) => claimOk(c, x))).length,
      missed: missedClaims,
    },
    universe: {
      found: e.universe.filter((s) => symbols.includes(s)).length,
      expected: e.universe.length,
      proposed: symbols.length,
      correct: symbols.filter((s) => e.universe.includes(s)).length,
      missed: e.universe.filter((s) => !symbols.includes(s)),
      extra: symbols.filter((s) => !e.universe.includes(s)),
    },
    ambiguous: {
      found: e.ambiguous.filter((a) => p.universe.some((u) => u.ambiguous && u.words.includes(a))).length,
      expected: e.ambiguous.length,
    },
    categories: { same, compared },
  };
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : `${Math.round((a / b) * 1000) / 10}%`);

/** One printable block: recall and precision of events, claims and tickers. */
export function scoreLines(name: string, s: Score): string {
  return [
    `${name}`,
    `  events   recall ${s.events.found}/${s.events.expected} (${pct(s.events.found, s.events.expected)})  precision ${s.events.correct}/${s.events.proposed} (${pct(s.events.correct, s.events.proposed)})  wrong dates ${s.events.wrongDates.length}  categories ${s.categories.same}/${s.categories.compared}`,
    `  claims   recall ${s.claims.found}/${s.claims.expected} (${pct(s.claims.found, s.claims.expected)})  precision ${s.claims.correct}/${s.claims.proposed} (${pct(s.claims.correct, s.claims.proposed)})`,
    `  tickers  recall ${s.universe.found}/${s.universe.expected} (${pct(s.universe.found, s.universe.expected)})  precision ${s.universe.correct}/${s.universe.proposed} (${pct(s.universe.correct, s.universe.proposed)})  ambiguous flagged ${s.ambiguous.found}/${s.ambiguous.expected}`,
    ...s.events.missed.map((m) => `  missed event: ${m}`),
    ...s.events.wrongDates.map((m) => `  WRONG DATE: ${m}`),
    ...s.claims.missed.map((m) => `  missed claim: ${m}`),
    ...(s.universe.missed.length ? [`  missed tickers: ${s.universe.missed.join(', ')}`] : []),
    ...(s.universe.extra.length ? [`  extra tickers: ${s.universe.extra.join(', ')}`] : []),
  ].join('\n');
}
