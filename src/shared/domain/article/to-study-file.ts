import type { z } from 'zod';
import { claimMetricSchema } from '../claims';
import { STUDY_FORMAT, STUDY_FORMAT_BASE_VERSION, type studyFileSchema } from '../study';
import type { ArticleProposal, ProposedEvent } from './types';

/** A study file as `studyFileSchema` reads it (the input side: optional fields may be absent). */
export type StudyFileJson = z.input<typeof studyFileSchema>;

export interface ProposalStudy {
  /** The study file to import (valid for `studyFileSchema`). */
  readonly file: StudyFileJson;
  /** What the study cannot hold yet, one sentence each (undated events, ambiguous names, claims without a metric). */
  readonly left: readonly string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (d: string): string => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** How an approximate date reads: the article's words and the span ("late January 2025 (20 Jan 2025 – 31 Jan 2025)"). */
function approxNote(e: ProposedEvent): string {
  const span = e.range ? `${short(e.range.from)} – ${short(e.range.to)}` : '';
  const words = e.dateText && !e.link ? e.dateText : e.precision;
  return `${words} (${span})`.slice(0, 200);
}

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '') || 'article-study';

/**
 * Turns a proposal, as the user edited and confirmed it, into a study file: the import path
 * then saves it like any other study (never a second writer). Events without a date,
 * ambiguous names without a choice and claims without an evaluable metric (pending kinds,
 * missing dates) cannot be stored as such: they are listed in `left` and, for claims, kept in
 * the description with the reason, so nothing the article said is lost silently. Claims prices
 * cannot check (valuation ratios, revenues) are saved as claims with the `not-checkable`
 * metric and their reason. The claims' metrics are saved as the user set them in the preview.
 */
export function proposalToStudyFile(p: ArticleProposal, opts: { id?: string; title?: string } = {}): ProposalStudy {
  const left: string[] = [];
  const title = (opts.title ?? p.source.title ?? 'Study from an article').trim().slice(0, 200);
  const universe: { symbol: string; role: 'subject' | 'benchmark'; note?: string }[] = [];
  for (const u of p.universe) {
    if (!u.symbol) {
      left.push(
        `“${u.words.join('”, “')}” was not mapped to a ticker (ambiguous: ${u.candidates.map((c) => c.symbol).join(', ')}).`,
      );
      continue;
    }
    if (universe.some((x) => x.symbol === u.symbol)) continue;
    universe.push({
      symbol: u.symbol,
      role: u.role,
      note: `From “${u.words.join('”, “')}” in the article.`.slice(0, 500),
    });
  }
  const inUniverse = new Set(universe.map((u) => u.symbol));
  const events = p.events.flatMap((e) => {
    if (!e.date) {
      left.push(`Event “${e.title}” has no date and was not saved.`);
      return [];
    }
    const approximate = e.precision !== 'day';
    return [
      {
        id: e.id,
        date: e.date,
        title: e.title.slice(0, 200),
        summary: e.link ? `Dated from the library event “${e.link.title}” (${e.link.eventId}).` : '',
        category: e.category,
        symbols: e.symbols.filter((s) => inUniverse.has(s)),
        approximate,
        ...(approximate ? { approxNote: approxNote(e) } : {}),
        ...(approximate && e.range && e.range.from !== e.range.to
          ? { window: { from: e.range.from, to: e.range.to } }
          : {}),
        source: {
          kind: 'article' as const,
          quote: e.quote.slice(0, 4000),
          ...(p.source.publication ? { publication: p.source.publication.slice(0, 200) } : {}),
        },
      },
    ];
  });
  const eventIds = new Set(events.map((e) => e.id));
  const notChecked: string[] = [];
  const claims = p.claims.flatMap((c) => {
    // A claim prices cannot check is still a claim of the study, listed with its reason
    // (the verdict "not checkable from prices"), as the claims panel shows the embedded study's.
    const metric = claimMetricSchema.safeParse(
      c.checkable
        ? c.metric
        : { kind: 'not-checkable', reason: (c.reason ?? 'Not checkable from prices.').trim().slice(0, 1000) },
    );
    const symbols = c.symbols.filter((s) => inUniverse.has(s));
    const eventOk = !metric.success || !('event' in metric.data) || eventIds.has(metric.data.event);
    if (!metric.success || symbols.length === 0 || !eventOk) {
      const why =
        c.reason ?? (symbols.length === 0 ? 'no listing to measure' : !eventOk ? 'its event has no date' : 'no metric');
      notChecked.push(`“${c.text}” (${why})`);
      const shortText = c.text.length > 90 ? `${c.text.slice(0, 90).replace(/\s+\S*$/, '')}…` : c.text;
      left.push(`Claim “${shortText}” is kept in the description, not evaluated: ${why}`);
      return [];
    }
    return [
      {
        id: c.id,
        text: c.text,
        quote: c.quote,
        symbols,
        metric: metric.data,
        note: `Proposed from the article by the “${c.rule}” pattern${c.edited ? ', its parameters set by you' : ''}.`,
      },
    ];
  });
  const s = p.source;
  const description = [
    `Proposed from the article “${s.title ?? title}”${s.author ? ` by ${s.author}` : ''}.`,
    ...(notChecked.length ? ['Not checked from prices:', ...notChecked.map((n) => `- ${n}`)] : []),
  ]
    .join('\n')
    .slice(0, 4000);
  const file: StudyFileJson = {
    format: STUDY_FORMAT,
    version: STUDY_FORMAT_BASE_VERSION,
    id: opts.id ?? slug(title),
    revision: 1,
    title,
    description,
    source: {
      kind: 'article',
      title: (s.title ?? title).slice(0, 300),
      ...(s.author ? { author: s.author.slice(0, 200) } : {}),
      ...(s.publication ? { publication: s.publication.slice(0, 200) } : {}),
      ...(s.url && /^https?:\/\//.test(s.url) ? { url: s.url } : {}),
      ...(s.date ? { published: s.date } : { publishedNote: 'The article’s date was not confirmed.' }),
    },
    universe,
    events,
    claims,
  };
  return { file, left };
}
