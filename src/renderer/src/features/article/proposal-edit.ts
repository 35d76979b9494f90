import { asIsoDate, parseTicker, type Ticker } from '../../../../shared/brand';
import type { ArticleProposal, ProposedEvent } from '../../../../shared/domain/article/types';

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
