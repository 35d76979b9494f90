import { asIsoDate, parseTicker, type IsoDate, type Ticker } from '../../../../shared/brand';
import type { ArticleProposal, ProposedClaim, ProposedEvent } from '../../../../shared/domain/article/types';
import { claimFileSchema, type ClaimMetric } from '../../../../shared/domain/claims';

/**
 * Pure edits of a proposal in the preview: every change returns a new proposal, so the
 * dialog's state stays a plain value (and what is saved is exactly what is shown).
 */
export type Proposal = ArticleProposal;

const swap = (xs: readonly Ticker[], from: Ticker | null, to: Ticker | null): Ticker[] => {
  const out = xs.flatMap((s) => (s === from ? (to ? [to] : []) : [s]));
  return [...new Set(out)];
};

/** Sets a universe member's ticker (a typed symbol or a chosen candidate); events and claims follow. */
export function setMemberSymbol(p: Proposal, index: number, raw: string): Proposal {
  const m = p.universe[index];
  const next = parseTicker(raw);
  if (!m || !next) return p;
  return {
    ...p,
    universe: p.universe.map((u, i) => (i === index ? { ...u, symbol: next, ambiguous: false } : u)),
    events: m.symbol ? p.events.map((e) => ({ ...e, symbols: swap(e.symbols, m.symbol, next) })) : p.events,
    claims: m.symbol ? p.claims.map((c) => ({ ...c, symbols: swap(c.symbols, m.symbol, next) })) : p.claims,
  };
}

export function setMemberRole(p: Proposal, index: number, role: 'subject' | 'benchmark'): Proposal {
  return { ...p, universe: p.universe.map((u, i) => (i === index ? { ...u, role } : u)) };
}

/** Removes a member; events and claims no longer name it. */
export function removeMember(p: Proposal, index: number): Proposal {
  const m = p.universe[index];
  if (!m) return p;
  return {
    ...p,
    universe: p.universe.filter((_, i) => i !== index),
    events: m.symbol ? p.events.map((e) => ({ ...e, symbols: swap(e.symbols, m.symbol, null) })) : p.events,
    claims: m.symbol ? p.claims.map((c) => ({ ...c, symbols: swap(c.symbols, m.symbol, null) })) : p.claims,
  };
}

/** Edits an event; a date the user types is a day (the user has confirmed it). */
export function editEvent(
  p: Proposal,
  id: string,
  change: Partial<Pick<ProposedEvent, 'title' | 'category'>> & { date?: string },
): Proposal {
  return {
    ...p,
    events: p.events.map((e) => {
      if (e.id !== id) return e;
      const { date, ...rest } = change;
      if (date === undefined) return { ...e, ...rest };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { ...e, ...rest, date: null, precision: 'undated', range: null };
      const d = asIsoDate(date);
      return { ...e, ...rest, date: d, precision: 'day', range: { from: d, to: d }, dateText: 'set by you' };
    }),
  };
}

/** Removes an event; claims measured from it stay, listed as needing an event. */
export function removeEvent(p: Proposal, id: string): Proposal {
  return { ...p, events: p.events.filter((e) => e.id !== id) };
}

/** How the user can have a claim measured: the evaluable kinds of src/shared/domain/claims.ts. */
export const claimKinds = [
  'ytd-return-range',
  'gain-over-period',
  'max-gain-within-days',
  'record-high',
  'not-checkable',
] as const;
export type ClaimKind = (typeof claimKinds)[number];

export const claimKindLabels: Readonly<Record<ClaimKind, string>> = {
  'ytd-return-range': 'year-to-date return in a band',
  'gain-over-period': 'gain between two dates',
  'max-gain-within-days': 'gain within days of an event',
  'record-high': 'record high at an event',
  'not-checkable': 'not checkable from prices',
};

const PCT_WORDS = /(-?\d+(?:\.\d+)?)\s?(?:%|per ?cent)/i;
const round = (x: number): number => Math.round(x * 10000) / 10000;

/** The move a claim states, as a fraction (0.3 = 30%): from its metric, else from its matched words; 0 when none. */
export function claimedFraction(c: ProposedClaim): number {
  const m = c.metric;
  if (m) {
    if (m.kind === 'ytd-return-range') return m.target;
    if (m.kind === 'gain-over-period' || m.kind === 'max-gain-within-days') return m.holds.above;
    if (m.kind === 'pct-fall') return -m.pct;
  }
  for (const w of c.evidence.words) {
    const hit = PCT_WORDS.exec(w);
    if (hit) return round(Number(hit[1]) / 100);
  }
  return 0;
}

/** The dated event a claim most likely follows: the one it measures, else one naming its symbols, else the first dated one. */
function eventFor(p: Proposal, c: ProposedClaim): ProposedEvent | null {
  const dated = p.events.filter((e) => e.date);
  const m = c.metric;
  const wanted = m && 'event' in m ? m.event : null;
  const own = wanted ? dated.find((e) => e.id === wanted) : undefined;
  return own ?? dated.find((e) => e.symbols.some((s) => c.symbols.includes(s))) ?? dated[0] ?? null;
}

/** The span a claim names (a pending metric's dates), else 1 January of the article's year to its date. */
function spanFor(p: Proposal, c: ProposedClaim): { from: IsoDate; to: IsoDate } | null {
  const m = c.metric;
  if (m && (m.kind === 'gain-over-period' || m.kind === 'ytd-return-range')) return { from: m.from, to: m.to };
  if (m && (m.kind === 'pct-fall' || m.kind === 'outperformance') && m.from && m.to) return { from: m.from, to: m.to };
  const to = p.source.date ?? p.events.find((e) => e.date)?.date ?? null;
  return to ? { from: asIsoDate(`${to.slice(0, 4)}-01-01`), to } : null;
}

/**
 * A metric of `kind` for a claim, its parameters taken from what the claim already says (its
 * figure, its dates, its event) so the user only adjusts them; null when the kind needs
 * something the proposal lacks (a dated event, or a date to measure to).
 */
export function metricOfKind(p: Proposal, c: ProposedClaim, kind: ClaimKind): ClaimMetric | null {
  if (c.metric && c.metric.kind === kind) return c.metric as ClaimMetric;
  const x = claimedFraction(c);
  switch (kind) {
    case 'ytd-return-range': {
      const span = spanFor(p, c);
      if (!span) return null;
      // The band of the pct-ytd rule: ±10% of the figure holds, ±1/6 is borderline (at least ±1 and ±2 points).
      const h = Math.max(Math.abs(x) / 10, 0.01);
      const b = Math.max(Math.abs(x) / 6, 0.02);
      const from =
        span.from.slice(0, 4) === span.to.slice(0, 4) ? span.from : asIsoDate(`${span.to.slice(0, 4)}-01-01`);
      return {
        kind,
        from,
        to: span.to,
        target: x,
        holds: { min: round(x - h), max: round(x + h) },
        borderline: { min: round(x - b), max: round(x + b) },
      };
    }
    case 'gain-over-period': {
      const span = spanFor(p, c);
      return span ? { kind, from: span.from, to: span.to, holds: { above: Math.max(x, 0) } } : null;
    }
    case 'max-gain-within-days': {
      const e = eventFor(p, c);
      return e ? { kind, event: e.id, days: 30, holds: { above: Math.max(x, 0) } } : null;
    }
    case 'record-high': {
      const e = eventFor(p, c);
      return e ? { kind, event: e.id, field: 'high' } : null;
    }
    case 'not-checkable':
      return { kind, reason: (c.reason ?? 'The user marked it as not checkable from prices.').slice(0, 1000) };
  }
}

/** Keeps a metric's borderline consistent with its holds bounds after an edit (the schema's rules). */
function tidy(m: ClaimMetric): ClaimMetric {
  if (m.kind === 'ytd-return-range') {
    const b = m.borderline;
    const target = Math.min(Math.max(m.target, m.holds.min), m.holds.max);
    return {
      ...m,
      target,
      ...(b ? { borderline: { min: Math.min(b.min, m.holds.min), max: Math.max(b.max, m.holds.max) } } : {}),
    };
  }
  if ((m.kind === 'gain-over-period' || m.kind === 'max-gain-within-days') && m.borderline)
    return m.borderline.above > m.holds.above ? { ...m, borderline: { above: m.holds.above } } : m;
  return m;
}

/**
 * Edits a claim: its metric (kind and parameters: window, base, dates, threshold) and the
 * symbols it is measured on. Its sentence and words stay as the evidence. An evaluable metric
 * makes it checkable; `not-checkable` keeps it listed with its reason.
 */
export function editClaim(
  p: Proposal,
  id: string,
  change: { metric?: ClaimMetric; symbols?: readonly Ticker[] },
): Proposal {
  return {
    ...p,
    claims: p.claims.map((c) => {
      if (c.id !== id) return c;
      const symbols = change.symbols ? [...new Set(change.symbols)] : c.symbols;
      if (!change.metric) return { ...c, symbols, edited: true };
      const metric = tidy(change.metric);
      const checkable = metric.kind !== 'not-checkable';
      return { ...c, symbols, metric, checkable, reason: checkable ? null : metric.reason, edited: true };
    }),
  };
}

/** Adds a symbol to a claim, or takes it off. */
export function toggleClaimSymbol(p: Proposal, id: string, symbol: Ticker): Proposal {
  const c = p.claims.find((x) => x.id === id);
  if (!c) return p;
  const symbols = c.symbols.includes(symbol) ? c.symbols.filter((s) => s !== symbol) : [...c.symbols, symbol];
  return editClaim(p, id, { symbols });
}

/**
 * What stops a claim the user edited from being saved as they set it (the study file's rules:
 * dates in order, bands consistent, at least one symbol of the universe, a dated event), or
 * null. A claim as proposed never blocks saving: what it lacks is in its reason and it is kept
 * in the study's description; so are claims still without an evaluable metric.
 */
export function claimProblem(p: Proposal, c: ProposedClaim): string | null {
  const metric = c.metric;
  if (!c.edited || !metric || !(claimKinds as readonly string[]).includes(metric.kind)) return null;
  const universe = new Set(p.universe.flatMap((u) => (u.symbol ? [u.symbol] : [])));
  const symbols = c.symbols.filter((s) => universe.has(s));
  if (symbols.length === 0) return 'Choose at least one symbol of the universe to measure it on.';
  if ('event' in metric && !p.events.some((e) => e.id === metric.event && e.date))
    return 'Its event has no date: date the event, or measure it another way.';
  const parsed = claimFileSchema.safeParse({ id: 'claim', text: c.text, quote: c.quote, symbols, metric });
  if (parsed.success) return null;
  // The schema's messages name the field ("\"from\" must not be after \"to\"").
  return `Cannot be saved: ${parsed.error.issues[0]!.message}.`;
}

export function removeClaim(p: Proposal, id: string): Proposal {
  return { ...p, claims: p.claims.filter((c) => c.id !== id) };
}

export function editSource(
  p: Proposal,
  change: Partial<Pick<Proposal['source'], 'title' | 'author' | 'publication'>>,
): Proposal {
  return { ...p, source: { ...p.source, ...change } };
}

/** The sentence split around the matched words, for highlighting the evidence. */
export function highlight(sentence: string, words: readonly string[]): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = sentence;
  const ws = words.filter((w) => w && sentence.includes(w));
  while (rest) {
    let best: { i: number; w: string } | null = null;
    for (const w of ws) {
      const i = rest.indexOf(w);
      if (i >= 0 && (!best || i < best.i || (i === best.i && w.length > best.w.length))) best = { i, w };
    }
    if (!best) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (best.i > 0) parts.push({ text: rest.slice(0, best.i), match: false });
    parts.push({ text: best.w, match: true });
    rest = rest.slice(best.i + best.w.length);
  }
  return parts;
}
