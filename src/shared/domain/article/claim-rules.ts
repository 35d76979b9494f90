import { DateTime } from 'luxon';
import { asIsoDate, type IsoDate, type Ticker } from '../../brand';
import type { ClaimMetric } from '../claims';
import type { DateSpan } from './dates';
import type { NameHit } from './names';
import type { PendingMetric } from './types';

/**
 * The claim patterns: how a sentence becomes a proposed claim. Each row of `CLAIM_RULES` is
 * documented in docs/article-import.md with its example, and tested one by one
 * (tests/shared/domain/article/claim-rules.test.ts). Rows are tried per sentence; a
 * sentence may give several claims (one per percentage it states).
 */
export interface ClaimRule {
  readonly id: string;
  readonly summary: string;
  readonly example: string;
  /** What the proposal's metric is: a kind of src/shared/domain/claims.ts, a pending kind, or none. */
  readonly metric: string;
}

export const CLAIM_RULES: readonly ClaimRule[] = [
  {
    id: 'pct-ytd',
    summary: 'A percentage rise year-to-date (or "this year", "so far in 2025", "in 2025")',
    example: 'the Hang Seng Tech Index’s nearly 30% increase year-to-date',
    metric: 'ytd-return-range: holds within ±10% of the figure (27–33% for 30%), borderline within ±1/6 (25–35%)',
  },
  {
    id: 'pct-within-after-event',
    summary: 'A percentage rise within a span after an event named in the sentence',
    example:
      'Alibaba’s stock surged more than 50% in less than a month following the debut of its own Qwen2.5-Max AI model',
    metric:
      'max-gain-within-days: days from the span (a month = 30), holds above the figure ("more than 50%") or 90% of it, borderline 10% lower',
  },
  {
    id: 'pct-over-dates',
    summary: 'A percentage rise between two stated dates, over a stated month or quarter, or since a date',
    example: 'Tencent gained 12% between 3 March and 14 March 2025',
    metric: 'gain-over-period: from and to from the dates',
  },
  {
    id: 'pct-no-period',
    summary: 'A percentage rise of a named listing with no period the text states',
    example: 'Xiaomi shares rose 8%',
    metric: 'none until the user sets the dates (checkable, reason says what is missing)',
  },
  {
    id: 'pct-fall',
    summary: 'A percentage fall of a named listing',
    example: 'the Nikkei 225 fell 12.4% on 7 April',
    metric: 'pct-fall (pending: the claims engine measures rises only)',
  },
  {
    id: 'record-high',
    summary: 'A record, all-time or multi-year high (or "highest since …")',
    example: 'BYD’s electric vehicle business … with the stock reaching a record high',
    metric:
      'record-high on the sentence’s event (field high; "record close" → close); the event is taken from the sentence, else linked from the library, else left for the user to date',
  },
  {
    id: 'record-low',
    summary: 'A record, all-time or multi-year low',
    example: 'the yen slid to a 34-year low',
    metric: 'record-low (pending)',
  },
  {
    id: 'gains-named',
    summary: 'Named listings said to gain or rally, without a figure',
    example: 'The sector’s recovery has led to gains among major companies such as Baidu, Xiaomi, and Alibaba.',
    metric: 'gain-over-period from 1 January of the article’s year to its date, holds above 0',
  },
  {
    id: 'outperformance',
    summary: 'One listing outperforming, beating or lagging another',
    example: 'the Kospi outperformed the Nikkei 225 in the first quarter of 2025',
    metric: 'outperformance (pending)',
  },
  {
    id: 'level-comparison',
    summary: 'A level crossed or held: closed/ended/traded above or below a figure',
    example: 'the Nifty 50 closed above 25,000 for the first time',
    metric: 'level-comparison (pending)',
  },
  {
    id: 'not-checkable-valuation',
    summary: 'Valuation ratios (P/E, P/B, EV/EBITDA, dividend yield, times earnings)',
    example: 'the overall Hang Seng Index is still trading at a P/E ratio of just 17',
    metric: 'none: not checkable from prices (needs earnings or book values)',
  },
  {
    id: 'not-checkable-fundamentals',
    summary:
      'Company or economic figures: revenue, profit, margins, deliveries, users, market value, GDP, inflation, tariffs, rates',
    example: 'quarterly revenue rose 8% to 280 billion yuan',
    metric: 'none: not checkable from prices',
  },
];

/** What a rule may need from the rest of the proposal. */
export interface ClaimContext {
  readonly articleDate: IsoDate | null;
  /** The year the article is about (from its date, else from a period it names, else null). */
  readonly year: number | null;
  /** A period the article names ("early 2025"): the default span of year-to-date claims without a date. */
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /** The event proposed for this sentence (dated or linked), if any. */
  readonly eventId: string | null;
  /** The listings the previous sentence named, for "the shares" / "the stock". */
  readonly previous?: readonly Ticker[];
}

export interface DraftClaim {
  readonly rule: string;
  readonly text: string;
  readonly metric: ClaimMetric | PendingMetric | null;
  readonly symbols: readonly Ticker[];
  readonly checkable: boolean;
  readonly reason: string | null;
  readonly words: readonly string[];
  /** True when the metric needs the sentence's event and there is none yet: the caller creates an undated one. */
  readonly needsEvent: boolean;
}

const PCT =
  /(?:(nearly|almost|about|around|roughly|approximately|some|close to|more than|over|at least|upwards of|as much as|less than|under|up to)\s+)?(\d+(?:\.\d+)?)\s?(?:%|per ?cent\b)/gi;
const UP =
  /\b(?:up|rose|rise|rises|rising|risen|gain|gains|gained|gaining|climb(?:ed|s|ing)?|jump(?:ed|s|ing)?|surg(?:e|ed|es|ing)|soar(?:ed|s|ing)?|rall(?:y|ied|ies|ying)|advanc(?:e|ed|es|ing)|increase[sd]?|higher|added|rebound(?:ed)?|recover(?:ed|s)?|spik(?:e|ed)|leap(?:t|ed)?)\b/i;
const DOWN =
  /\b(?:down|fell|fall|falls|fallen|falling|drop(?:ped|s|ping)?|slump(?:ed|s|ing)?|plung(?:e|ed|es|ing)|plummet(?:ed|s|ing)?|tumbl(?:e|ed|es|ing)|declin(?:e|ed|es|ing)|lost|lower|slid|slide|sank|sink|crash(?:ed)?|shed|loss|losses)\b/i;
const VALUATION =
  /\b(?:P\/E|P\/B|PE ratio|price[- ]to[- ](?:earnings|book|sales)|EV\/EBITDA|valuation multiples?|earnings multiples?|times (?:forward )?earnings|dividend yield|forward earnings|book value)\b/i;
const FUNDAMENTAL =
  /\b(?:revenues?|sales|profits?|net income|operating income|earnings per share|EPS|margins?|cash flow|users|subscribers|deliveries|shipments|market share|market (?:value|capitali[sz]ation|cap)|GDP|inflation|CPI|PPI|growth target|tariffs?|duties|interest rates?|yields?|guidance|stake|budget|deficit|unemployment|wages|orders|bookings)\b/i;
const PERIOD_WITHIN =
  /\b(?:in|within|over)\s+(?:(less than|under|just over|more than|about|nearly)\s+)?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(day|week|month|session|trading day)s?\b/i;
const EVENT_LINK = /\b(?:following|after|since|on the back of|in the wake of)\b/i;
const RECORD_HIGH =
  /\b(?:record[- ]high|all[- ]time high|record close|record closing high|(?:\w+|\d+)-year high|highest (?:level |close )?since)\b/i;
const RECORD_LOW = /\b(?:record[- ]low|all[- ]time low|(?:\w+|\d+)-year low|lowest (?:level |close )?since)\b/i;
const GAIN_WORDS =
  /\b(?:gains? (?:among|for|in|at)|rall(?:ied|y) in|(?:rose|gained|climbed|advanced|rallied|surged|jumped|soared)\b)/i;
const OUTPERFORM =
  /\b(?:outperform(?:ed|s|ing)?|outpac(?:ed|es|ing)|beat(?:ing|s)?|lagg?(?:ed|ing|s)?|underperform(?:ed|s|ing)?)\b/i;
const LEVEL =
  /\b(?:closed|ended|finished|stood|traded|trading|settled|topped|crossed|broke)\s+(above|below|over|under|at|through)\s+(?:the\s+)?([\d,]{2,}(?:\.\d+)?)\b(?!\s?%)/i;

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const round = (x: number): number => Math.round(x * 10000) / 10000;
const iso = (d: DateTime): IsoDate => asIsoDate(d.toISODate()!);
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The direction word nearest to a percentage: the last one before it, else the first one after it. */
function direction(before: string, after: string): { word: string; down: boolean } | null {
  const last = (re: RegExp, s: string): { i: number; w: string } | null => {
    let hit: { i: number; w: string } | null = null;
    for (const m of s.matchAll(new RegExp(re.source, 'gi'))) hit = { i: m.index, w: m[0] };
    return hit;
  };
  const u = last(UP, before);
  const d = last(DOWN, before);
  if (u || d) {
    if (u && (!d || u.i > d.i)) return { word: u.w, down: false };
    return { word: d!.w, down: true };
  }
  const ua = UP.exec(after);
  const da = DOWN.exec(after);
  if (ua && (!da || ua.index < da.index)) return { word: ua[0], down: false };
  return da ? { word: da[0], down: true } : null;
}

/** The clause around an offset: sentences often list two facts joined by "while", ";" or ", and". */
function clauseAt(sentence: string, at: number): { start: number; end: number } {
  const cut = /;|—|–|\bwhile\b|\bwhereas\b|\bbut\b|, and\b|, with\b/g;
  let start = 0;
  let end = sentence.length;
  for (const m of sentence.matchAll(cut)) {
    if (m.index < at) start = m.index + m[0].length;
    else if (m.index >= at) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

function symbolsIn(names: readonly NameHit[], start: number, end: number): Ticker[] {
  return uniq(names.filter((n) => n.index >= start && n.index < end).flatMap((n) => n.listings.map((l) => l.symbol)));
}
const allSymbols = (names: readonly NameHit[]): Ticker[] => uniq(names.flatMap((n) => n.listings.map((l) => l.symbol)));

/** Thresholds for a stated figure: "more than 50%" holds above 0.5, "nearly/about 30%" above 0.27. */
function above(q: string | undefined, p: number): { holds: { above: number }; borderline: { above: number } } {
  const strict = q !== undefined && /more than|over|at least|upwards of/i.test(q);
  const h = strict ? p : p * 0.9;
  return { holds: { above: round(h) }, borderline: { above: round(h * 0.9) } };
}

function ytdWindow(ctx: ClaimContext, span: DateSpan | null): { from: IsoDate; to: IsoDate } | null {
  const year = span ? Number(span.from.slice(0, 4)) : ctx.year;
  if (year === null) return null;
  if (ctx.articleDate && Number(ctx.articleDate.slice(0, 4)) === year) {
    // The figure is read as of the article's date: the month before it (from 1 January at the earliest).
    const d = DateTime.fromISO(ctx.articleDate, { zone: 'UTC' });
    const from = DateTime.max(d.minus({ days: 30 }), DateTime.utc(year, 1, 1));
    return { from: iso(from), to: ctx.articleDate };
  }
  if (ctx.period && Number(ctx.period.from.slice(0, 4)) === year) return ctx.period;
  return { from: asIsoDate(`${year}-01-01`), to: asIsoDate(`${year}-12-31`) };
}

/** Reads the claims of one sentence. `names` and `dates` are the sentence's own. */
export function readClaims(
  sentence: string,
  names: readonly NameHit[],
  dates: readonly DateSpan[],
  ctx: ClaimContext,
): DraftClaim[] {
  const out: DraftClaim[] = [];
  const pcts = [...sentence.matchAll(PCT)];

  // Valuation ratios first: a P/E sentence is never read as a price claim.
  const val = VALUATION.exec(sentence);
  if (val && /\d/.test(sentence)) {
    return [
      {
        rule: 'not-checkable-valuation',
        text: sentence,
        metric: null,
        symbols: allSymbols(names),
        checkable: false,
        reason: `Not checkable from prices: “${val[0]}” is a valuation ratio, which needs earnings or book values.`,
        words: [val[0]],
        needsEvent: false,
      },
    ];
  }

  let fundamentalsSkipped: string | null = null;
  for (const m of pcts) {
    const at = m.index;
    const { start, end } = clauseAt(sentence, at);
    const before = sentence.slice(Math.max(start, at - 60), at);
    const after = sentence.slice(at + m[0].length, Math.min(end, at + m[0].length + 50));
    const fund = FUNDAMENTAL.exec(before) ?? FUNDAMENTAL.exec(after.slice(0, 25));
    if (fund) {
      fundamentalsSkipped ??= fund[0];
      continue;
    }
    const dir = direction(before, after);
    if (!dir) continue;
    let symbols = symbolsIn(names, start, end);
    if (symbols.length === 0) symbols = symbolsIn(names, 0, at);
    // "The shares plunged 20%": the listing the previous sentence named.
    if (
      symbols.length === 0 &&
      ctx.previous?.length &&
      /\b(?:the|its|their) (?:shares|stock|stocks)\b/i.test(sentence.slice(start, at))
    )
      symbols = [...ctx.previous];
    if (symbols.length === 0) continue; // a move of something the text does not name ("Chinese tech stocks")
    const q = m[1];
    const p = Number(m[2]) / 100;
    const text = sentence.slice(start, end).trim().replace(/^,\s*/, '');
    const words = [m[0], dir.word];
    if (dir.down) {
      // The date of the fall's own clause first ("…high in late June, and it is now down 15% year-to-date").
      const usable = dates.filter((d) => !d.reference && d.precision !== 'period');
      const span = usable.find((d) => d.index >= start && d.index < end) ?? usable[0] ?? null;
      out.push({
        rule: 'pct-fall',
        text,
        metric: { kind: 'pct-fall', pct: round(p), from: span?.from ?? null, to: span?.to ?? null },
        symbols,
        checkable: true,
        reason: 'A fall: the claims engine measures rises only, so this one is listed but not evaluated yet.',
        words,
        needsEvent: false,
      });
      continue;
    }
    const ytd = dates.find((d) => d.precision === 'ytd') ?? null;
    // Without the article's date there is no YTD span, but the words still say year-to-date.
    const ytdWords = ytd ? null : /\b(?:year[-\s]to[-\s]date|YTD|so far this year)\b/i.exec(sentence);
    const yearOnly = /\bin (\d{4})\b/.exec(sentence);
    const onlyYear = yearOnly && !dates.some((d) => !d.reference && d.precision !== 'period' && d.precision !== 'ytd');
    if (ytd || ytdWords || onlyYear) {
      const w = ytdWindow(
        ctx,
        ytd ?? (onlyYear && !ytdWords ? ({ from: asIsoDate(`${yearOnly[1]}-01-01`) } as DateSpan) : null),
      );
      if (w) {
        const band =
          q && /more than|over|at least/i.test(q)
            ? { min: p, max: round(p * 1.5) }
            : { min: round(p * 0.9), max: round(p * 1.1) };
        out.push({
          rule: 'pct-ytd',
          text,
          metric: {
            kind: 'ytd-return-range',
            from: w.from,
            to: w.to,
            target: round(p),
            holds: band,
            borderline: { min: round(p * (5 / 6)), max: round(Math.max(band.max, p * (7 / 6))) },
          },
          symbols,
          checkable: true,
          reason: null,
          words: [...words, ytd?.text ?? ytdWords?.[0] ?? yearOnly![0]],
          needsEvent: false,
        });
        continue;
      }
    }
    const within = PERIOD_WITHIN.exec(sentence);
    if (within && EVENT_LINK.test(sentence)) {
      const n = WORD_NUMBERS[within[2]!.toLowerCase()] ?? Number(within[2]);
      const unit = within[3]!.toLowerCase();
      const days = unit === 'month' ? 30 * n : unit === 'week' ? 7 * n : unit === 'day' ? n : Math.ceil(n * 1.4);
      const t = above(q, p);
      out.push({
        rule: 'pct-within-after-event',
        text,
        metric: ctx.eventId ? { kind: 'max-gain-within-days', event: ctx.eventId, days, ...t } : null,
        symbols,
        checkable: true,
        reason: ctx.eventId ? null : 'Needs the date of the event it follows: date the event to evaluate it.',
        words: [...words, within[0]],
        needsEvent: !ctx.eventId,
      });
      continue;
    }
    const stated = dates.filter((d) => d.precision !== 'ytd' && d.precision !== 'period');
    const span = stated[0];
    if (span) {
      const since = span.reference && /\bsince\s+$/i.test(sentence.slice(0, span.index));
      const from = span.from;
      // "between 24 September and 8 October": from the first date to the last.
      const last = stated.filter((d) => !d.reference).at(-1)!;
      const to = since ? (ctx.articleDate ?? null) : stated.length > 1 && last !== span ? last.to : span.to;
      if (to && from <= to) {
        out.push({
          rule: 'pct-over-dates',
          text,
          metric: { kind: 'gain-over-period', from, to, ...above(q, p) },
          symbols,
          checkable: true,
          reason: null,
          words: [...words, ...(stated.length > 1 ? stated.map((d) => d.text) : [span.text])],
          needsEvent: false,
        });
        continue;
      }
    }
    out.push({
      rule: 'pct-no-period',
      text,
      metric: null,
      symbols,
      checkable: true,
      reason: 'No period in the sentence: set the dates the move is measured over.',
      words,
      needsEvent: false,
    });
  }

  const high = RECORD_HIGH.exec(sentence);
  // The record belongs to the first listing named in its clause ("BYD’s … business, … the stock reaching a record high").
  const { start: hs, end: he } = high ? clauseAt(sentence, high.index) : { start: 0, end: 0 };
  const holder = high
    ? (names.find((n) => n.index >= hs && n.index < he && n.listings.length) ?? names.find((n) => n.listings.length))
    : undefined;
  if (high && holder) {
    const symbols = holder.listings.map((l) => l.symbol);
    out.push({
      rule: 'record-high',
      text: sentence,
      metric: ctx.eventId
        ? { kind: 'record-high', event: ctx.eventId, field: /close/i.test(high[0]) ? 'close' : 'high' }
        : null,
      symbols,
      checkable: true,
      reason: ctx.eventId
        ? /year|since/i.test(high[0])
          ? 'A multi-year high is checked as a record within the cached history.'
          : null
        : 'Needs the day of the record: date the event to evaluate it.',
      words: [high[0]],
      needsEvent: !ctx.eventId,
    });
  }
  const low = RECORD_LOW.exec(sentence);
  if (low && names.length) {
    out.push({
      rule: 'record-low',
      text: sentence,
      metric: { kind: 'record-low', event: ctx.eventId },
      symbols: allSymbols(names),
      checkable: true,
      reason: 'A record low: the claims engine measures highs only, so this one is listed but not evaluated yet.',
      words: [low[0]],
      needsEvent: false,
    });
  }

  const outp = OUTPERFORM.exec(sentence);
  if (outp) {
    const left = symbolsIn(names, 0, outp.index);
    const right = symbolsIn(names, outp.index, sentence.length);
    if (left.length && right.length) {
      const span = dates.find((d) => !d.reference) ?? null;
      const lag = /lag|underperform/i.test(outp[0]);
      out.push({
        rule: 'outperformance',
        text: sentence,
        metric: { kind: 'outperformance', over: lag ? left : right, from: span?.from ?? null, to: span?.to ?? null },
        symbols: lag ? right : left,
        checkable: true,
        reason: 'Outperformance: listed but not evaluated yet (compare the two on the chart).',
        words: [outp[0]],
        needsEvent: false,
      });
    }
  }

  const level = LEVEL.exec(sentence);
  if (level && names.length) {
    const span = dates.find((d) => !d.reference && d.precision === 'day') ?? null;
    out.push({
      rule: 'level-comparison',
      text: sentence,
      metric: {
        kind: 'level-comparison',
        relation: /below|under/i.test(level[1]!) ? 'below' : 'above',
        level: Number(level[2]!.replace(/,/g, '')),
        on: span?.from ?? null,
      },
      symbols: symbolsIn(names, 0, level.index).length ? symbolsIn(names, 0, level.index) : allSymbols(names),
      checkable: true,
      reason: 'A comparison of levels: listed but not evaluated yet.',
      words: [level[0]],
      needsEvent: false,
    });
  }

  if (!out.some((c) => c.rule.startsWith('pct-')) && pcts.length === 0) {
    const gain = GAIN_WORDS.exec(sentence);
    const symbols = allSymbols(names.filter((n) => n.kind === 'equity'));
    if (gain && symbols.length && !DOWN.test(sentence.slice(gain.index, gain.index + 40))) {
      const w = ytdWindow(ctx, null);
      out.push({
        rule: 'gains-named',
        text: sentence,
        metric: w
          ? { kind: 'gain-over-period', from: asIsoDate(`${w.from.slice(0, 4)}-01-01`), to: w.to, holds: { above: 0 } }
          : null,
        symbols,
        checkable: true,
        reason: w ? null : 'No year to measure the gains in: set the dates.',
        words: [gain[0]],
        needsEvent: false,
      });
    }
  }

  if (out.length === 0 && fundamentalsSkipped !== null) {
    out.push({
      rule: 'not-checkable-fundamentals',
      text: sentence,
      metric: null,
      symbols: allSymbols(names),
      checkable: false,
      reason: `Not checkable from prices: “${fundamentalsSkipped}” is a company or economic figure, not a price.`,
      words: [fundamentalsSkipped],
      needsEvent: false,
    });
  }
  return out;
}
