import type { StudyEvent } from '../../../../shared/domain/study-event';

/**
 * The words to show with an event: the study article's exact sentence when the article speaks
 * of it, else the phrase copied from the dated source that establishes it. Null when neither
 * exists (e.g. a user event without a note).
 */
export function eventQuote(
  e: Pick<StudyEvent, 'source'>,
): { readonly from: 'article' | 'source'; readonly text: string } | null {
  if (e.source.quote) return { from: 'article', text: e.source.quote };
  const phrase = e.source.evidence?.phrases[0];
  return phrase ? { from: 'source', text: phrase } : null;
}

/** The host of a URL without `www.`, or the text unchanged when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const kindLabel: Record<StudyEvent['source']['kind'], string> = {
  article: 'the study’s article',
  reference: 'dated reference',
  user: 'added by you',
  provider: 'price provider',
};

const statusLabel: Record<NonNullable<StudyEvent['source']['evidence']>['status'], string> = {
  verified: 'verified',
  'verified-data': 'verified, and checked against the prices',
  approx: 'date not verified',
};

/**
 * One line naming where the event comes from and what dates it, e.g.
 * "The Fifth Person (the study’s article) · dated by aiwiki.ai, verified".
 */
export function sourceLine(e: Pick<StudyEvent, 'source'>): string {
  const s = e.source;
  const parts = [s.publication ? `${s.publication} (${kindLabel[s.kind]})` : kindLabel[s.kind]];
  const dating = [
    s.url ? `dated by ${hostOf(s.url)}` : null,
    s.evidence ? statusLabel[s.evidence.status] : null,
  ].filter(Boolean);
  if (dating.length) parts.push(dating.join(', '));
  return parts.join(' · ');
}

/** What the chart shows, as the events panel speaks of it. */
export type ChartedView =
  | { readonly kind: 'single'; readonly symbol: string; readonly marked: number }
  | { readonly kind: 'compare'; readonly symbols: readonly string[] }
  | null;

/**
 * The events panel's count line: how many events the filter shows, and what the chart does
 * with them: marked on the charted symbol, or, for a comparison (which draws no markers),
 * that the comparison does not mark them.
 */
export function eventsCountLine(shown: number, total: number, view: ChartedView): string {
  const head = `${shown} of ${total} events`;
  if (!view) return head;
  if (view.kind === 'single') return `${head}, ${view.marked} marked on ${view.symbol}`;
  return `${head}; the comparison of ${view.symbols.join(', ')} marks none`;
}
