import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { asIsoDate, isIsoDate, type IsoDate } from '../../brand';

/**
 * Dates in article prose. chrono-node (a well-kept rule-based parser, pure JS) finds the
 * absolute dates ("28 January", "January 20, 2025", "February 2025", "from 6 to 10 January");
 * this module adds what chrono does not know or gets too eagerly: precision ("late January"
 * is a range, "February 2025" a month), quarters, year-to-date and year-part periods,
 * relative phrases chained to the previous dated sentence ("the next day", "two weeks
 * later", "that day"), phrases relative to the article's date ("yesterday", "last week"), and
 * reference dates that are never event dates ("since 2018", "its best week since 2008",
 * "the highest since February 2022"). A date whose year cannot be known is dropped: a wrong
 * date is worse than a missing one. Rules and examples: docs/article-import.md.
 */

/** How a date mention reads. `period` and `ytd` are spans a claim measures over, never an event's date. */
export type SpanPrecision = 'day' | 'range' | 'month' | 'quarter' | 'period' | 'ytd';

export interface DateSpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly precision: SpanPrecision;
  /** The words of the sentence that state the date. */
  readonly text: string;
  /** Offset of `text` in the sentence. */
  readonly index: number;
  /** `absolute`: stated; `chained`: relative to the previous dated sentence; `deictic`: relative to the article's date. */
  readonly basis: 'absolute' | 'chained' | 'deictic';
  /** True for a reference date ("since February 2022"): a comparison base, never an event date. */
  readonly reference: boolean;
}

export interface DateContext {
  /** The article's publication date, when known. */
  readonly articleDate: IsoDate | null;
  /** The date of the nearest preceding dated sentence (what "the next day" counts from). */
  readonly anchor: DateSpan | null;
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const NUMBER_WORDS: Record<string, number> = {
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
  eleven: 11,
  twelve: 12,
  several: NaN,
  few: NaN,
};
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

const iso = (d: DateTime): IsoDate => asIsoDate(d.toISODate()!);
const dt = (d: IsoDate): DateTime => DateTime.fromISO(d, { zone: 'UTC' });
const ymd = (y: number, m: number, d: number): DateTime => DateTime.utc(y, m, d);

/** Words before a date that make it a reference (a base of comparison), not an event date. */
const REFERENCE_BEFORE =
  /\b(?:since|before|prior to|than|compared (?:with|to)|versus|vs\.?|until|till|as of|as at|by|not seen since|levels? of)\s+(?:the\s+)?(?:(?:end|start|beginning|middle) of\s+)?(?:(?:early|late|mid)[-\s]+)?(?:in\s+)?$/i;

/** The modifier before a month: early = days 1–10, mid = 10–20, late = 20–end (overlapping, so a 10th or 20th is never ruled out). */
const MONTH_PART_BEFORE =
  /\b(early|mid|late|the (?:end|start|beginning|middle) of|(?:end|start|beginning|middle) of)[-\s]+(?:in\s+)?$/i;

function monthPart(word: string, y: number, m: number): { from: DateTime; to: DateTime } {
  const start = ymd(y, m, 1);
  const end = start.endOf('month').startOf('day');
  const w = word.toLowerCase().replace(/^the\s+/, '');
  if (w === 'early') return { from: start, to: ymd(y, m, 10) };
  if (w === 'mid' || w === 'middle of') return { from: ymd(y, m, 10), to: ymd(y, m, 20) };
  if (w === 'late') return { from: ymd(y, m, 20), to: end };
  if (w === 'end of') return { from: ymd(y, m, 24), to: end };
  return { from: start, to: ymd(y, m, 7) }; // start of / beginning of
}

function numberWord(w: string): number {
  const n = /^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w.toLowerCase()];
  return n === undefined ? NaN : n;
}

interface Found extends Omit<DateSpan, 'reference'> {
  readonly end: number;
}

/** All date mentions of a sentence, in reading order, reference dates flagged. */
export function findDates(sentence: string, ctx: DateContext): DateSpan[] {
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  const free = (i: number, j: number): boolean => taken.every(([a, b]) => j <= a || i >= b);
  const add = (f: Omit<Found, 'end'>): void => {
    const end = f.index + f.text.length;
    if (!free(f.index, end) || f.from > f.to) return;
    taken.push([f.index, end]);
    found.push({ ...f, end });
  };
  const contextYear =
    (ctx.anchor ? dt(ctx.anchor.from).year : null) ?? (ctx.articleDate ? dt(ctx.articleDate).year : null);

  // 1. Year-to-date: a period from 1 January to the article's date (or the end of the year named).
  for (const m of sentence.matchAll(
    /\b(?:year[-\s]to[-\s]date|YTD|so far this year|so far in (\d{4})|this year|since the (?:start|beginning) of (?:the|this) year)\b/gi,
  )) {
    const year = m[1] ? Number(m[1]) : ctx.articleDate ? dt(ctx.articleDate).year : null;
    if (year === null) continue;
    const to = ctx.articleDate && dt(ctx.articleDate).year === year ? dt(ctx.articleDate) : ymd(year, 12, 31);
    add({ from: iso(ymd(year, 1, 1)), to: iso(to), precision: 'ytd', text: m[0], index: m.index, basis: 'deictic' });
  }

  // 2. Quarters: Q1 2025, 1Q25, the first quarter of 2025.
  const ORD: Record<string, number> = {
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    '1st': 1,
    '2nd': 2,
    '3rd': 3,
    '4th': 4,
  };
  for (const m of sentence.matchAll(
    /\b(?:Q([1-4])\s*(?:of\s+)?(?:FY)?'?(\d{4}|\d{2})|([1-4])Q\s*'?(\d{4}|\d{2})|(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter(?:\s+of)?\s+(\d{4}))\b/gi,
  )) {
    const q = Number(m[1] ?? m[3] ?? ORD[m[5]!.toLowerCase()]);
    let y = Number(m[2] ?? m[4] ?? m[6]);
    if (y < 100) y += 2000;
    const from = ymd(y, (q - 1) * 3 + 1, 1);
    add({
      from: iso(from),
      to: iso(from.plus({ months: 3 }).minus({ days: 1 })),
      precision: 'quarter',
      text: m[0],
      index: m.index,
      basis: 'absolute',
    });
  }

  // 3. Year parts and halves: periods ("early 2025", "the first half of 2025", "H1 2025"), never event dates.
  for (const m of sentence.matchAll(
    /\b(early|mid|late)[-\s](\d{4})\b|\b(?:the\s+)?(first|second) half of (\d{4})\b|\bH([12])\s*(\d{4})\b/gi,
  )) {
    if (m[1]) {
      const y = Number(m[2]);
      const part = m[1].toLowerCase();
      const [a, b] = part === 'early' ? [1, 4] : part === 'mid' ? [5, 8] : [9, 12];
      add({
        from: iso(ymd(y, a, 1)),
        to: iso(ymd(y, b, 1).endOf('month')),
        precision: 'period',
        text: m[0],
        index: m.index,
        basis: 'absolute',
      });
    } else {
      const y = Number(m[4] ?? m[6]);
      const first = (m[3] ?? '').toLowerCase() === 'first' || m[5] === '1';
      add({
        from: iso(ymd(y, first ? 1 : 7, 1)),
        to: iso(ymd(y, first ? 6 : 12, 1).endOf('month')),
        precision: 'period',
        text: m[0],
        index: m.index,
        basis: 'absolute',
      });
    }
  }

  // 4. Chained phrases: relative to the previous dated sentence.
  const anchor = ctx.anchor;
  if (anchor) {
    const a = dt(anchor.from);
    const dayAnchor = anchor.precision === 'day';
    const shift = (m: RegExpMatchArray, days: number): void => {
      if (dayAnchor)
        add({
          from: iso(a.plus({ days })),
          to: iso(a.plus({ days })),
          precision: 'day',
          text: m[0],
          index: m.index!,
          basis: 'chained',
        });
      else if (anchor.precision === 'range' && Math.abs(days) >= 7)
        add({
          from: iso(a.plus({ days })),
          to: iso(dt(anchor.to).plus({ days })),
          precision: 'range',
          text: m[0],
          index: m.index!,
          basis: 'chained',
        });
    };
    for (const m of sentence.matchAll(
      /\b(?:the\s+)?(?:next|following)\s+(?:day|morning|trading day|session)\b|\b(?:a|one)\s+day\s+later\b|\bthe day after\b/gi,
    ))
      shift(m, 1);
    for (const m of sentence.matchAll(/\b(?:the\s+)?(?:previous|prior)\s+day\b|\bthe day before\b/gi)) shift(m, -1);
    for (const m of sentence.matchAll(/\b(?:that|the same)\s+(?:day|morning|afternoon|evening|session)\b/gi))
      shift(m, 0);
    for (const m of sentence.matchAll(
      /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+(day|week|month)s?\s+later\b/gi,
    )) {
      const n = numberWord(m[1]!);
      if (!Number.isFinite(n)) continue;
      const unit = m[2]!.toLowerCase();
      if (unit === 'day') shift(m, n);
      else if (unit === 'week') shift(m, 7 * n);
      else {
        const target = a.plus({ months: n }).startOf('month');
        add({
          from: iso(target),
          to: iso(target.endOf('month')),
          precision: 'month',
          text: m[0],
          index: m.index!,
          basis: 'chained',
        });
      }
    }
    for (const m of sentence.matchAll(/\b(?:the\s+)?(?:following|next)\s+week\b/gi)) {
      if (anchor.precision !== 'day') continue;
      const monday = a.plus({ days: 8 - a.weekday });
      add({
        from: iso(monday),
        to: iso(monday.plus({ days: 6 })),
        precision: 'range',
        text: m[0],
        index: m.index!,
        basis: 'chained',
      });
    }
    for (const m of sentence.matchAll(/\b(?:the\s+)?(?:following|next)\s+month\b/gi)) {
      const target = a.plus({ months: 1 }).startOf('month');
      add({
        from: iso(target),
        to: iso(target.endOf('month')),
        precision: 'month',
        text: m[0],
        index: m.index!,
        basis: 'chained',
      });
    }
  }

  // 5. Deictic phrases: relative to the article's date.
  if (ctx.articleDate) {
    const d = dt(ctx.articleDate);
    const day = (m: RegExpMatchArray, x: DateTime): void =>
      add({ from: iso(x), to: iso(x), precision: 'day', text: m[0], index: m.index!, basis: 'deictic' });
    for (const m of sentence.matchAll(/\byesterday\b/gi)) day(m, d.minus({ days: 1 }));
    for (const m of sentence.matchAll(/\btoday\b/gi)) day(m, d);
    for (const m of sentence.matchAll(/\blast week\b/gi)) {
      const monday = d.minus({ days: d.weekday - 1 + 7 });
      add({
        from: iso(monday),
        to: iso(monday.plus({ days: 6 })),
        precision: 'range',
        text: m[0],
        index: m.index!,
        basis: 'deictic',
      });
    }
    for (const m of sentence.matchAll(/\bearlier this month\b/gi))
      add({
        from: iso(d.startOf('month')),
        to: iso(d),
        precision: 'range',
        text: m[0],
        index: m.index!,
        basis: 'deictic',
      });
    for (const m of sentence.matchAll(/\blast month\b/gi)) {
      const x = d.minus({ months: 1 }).startOf('month');
      add({
        from: iso(x),
        to: iso(x.endOf('month')),
        precision: 'month',
        text: m[0],
        index: m.index!,
        basis: 'deictic',
      });
    }
  }
  // A bare weekday: the first such day on or after a day-precise anchor (a narrative), else
  // the last one on or before the article's date (news).
  for (const m of sentence.matchAll(
    /\b(?:on|last|this past)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!,?\s+(?:\d|(?:the\s+)?\d|(?:${MONTHS})))/gi,
  )) {
    const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 1;
    const last = /^last|^this past/i.test(m[0]);
    if (anchor?.precision === 'day' && !last) {
      const a = dt(anchor.from);
      const x = a.plus({ days: (wd - a.weekday + 7) % 7 });
      add({ from: iso(x), to: iso(x), precision: 'day', text: m[0], index: m.index!, basis: 'chained' });
    } else if (ctx.articleDate) {
      const d = dt(ctx.articleDate);
      let back = (d.weekday - wd + 7) % 7;
      if (last && back === 0) back = 7;
      const x = d.minus({ days: back });
      add({ from: iso(x), to: iso(x), precision: 'day', text: m[0], index: m.index!, basis: 'deictic' });
    }
  }

  // 6. Absolute dates with chrono-node (casual mode; only its matches that name a month or an ISO date are kept, so its own "today"/"next day" guesses never count).
  const ref = anchor ? dt(anchor.from) : ctx.articleDate ? dt(ctx.articleDate) : ymd(2000, 6, 15);
  // A day or month without a year: with the article's date, the last one on or before it (news
  // reports the past), or the first one after it when the sentence speaks of the future ("due
  // in early February"); without it, the one closest to the previous dated sentence (chrono's).
  const future = /\b(?:will|due|expected|scheduled|upcoming|plans? to|set to|is to|are to)\b/i.test(sentence);
  const inferYear = (mo: number, day: number, chronoYear: number): number => {
    if (!ctx.articleDate) return chronoYear;
    const a = dt(ctx.articleDate);
    const same = DateTime.utc(a.year, mo, Math.min(day, DateTime.utc(a.year, mo, 1).daysInMonth ?? 28));
    if (future) return same < a ? a.year + 1 : a.year;
    return same > a ? a.year - 1 : a.year;
  };
  const monthWord = new RegExp(`\\b(?:${MONTHS}|${MONTH_ABBR})\\b\\.?`, 'i');
  for (const r of chrono.casual.parse(sentence, { instant: ref.toJSDate(), timezone: 0 }, { forwardDate: false })) {
    const hasMonthName = monthWord.test(r.text);
    const isoNumeric = /\b\d{4}-\d{2}-\d{2}\b/.test(r.text);
    if (!hasMonthName && !isoNumeric) continue; // 3/4/2025 is ambiguous (US or European order): never guessed
    if (/\bmay\b/.test(r.text) && !/\bMay\b/.test(r.text)) continue; // the verb, not the month
    if (!r.start.isCertain('month')) continue;
    // A year we cannot know (a range's start takes its end's year: "from January 6 to January 10, 2025").
    if (!r.start.isCertain('year') && contextYear === null && !r.end?.isCertain('year')) continue;
    const mo = r.start.get('month')!;
    const y = r.start.isCertain('year')
      ? r.start.get('year')!
      : inferYear(mo, r.start.get('day') ?? 1, r.start.get('year')!);
    let before = sentence.slice(0, r.index);
    // chrono reads "the end of February" as its last day: the reader keeps it a part of the month.
    const ownPart = /^(?:the\s+)?(?:end|start|beginning|middle) of\s+/i.exec(r.text);
    if (ownPart) before = sentence.slice(0, r.index + ownPart[0].length);
    if (r.start.isCertain('day') && !ownPart) {
      const from = ymd(y, mo, r.start.get('day')!);
      let to = from;
      let precision: SpanPrecision = 'day';
      if (r.end && r.end.isCertain('day')) {
        const shift = y - r.start.get('year')!;
        to = ymd(r.end.get('year')! + (r.end.isCertain('year') ? 0 : shift), r.end.get('month')!, r.end.get('day')!);
        if (to > from) precision = 'range';
        else to = from;
      }
      add({ from: iso(from), to: iso(to), precision, text: r.text, index: r.index, basis: 'absolute' });
      continue;
    }
    const part = MONTH_PART_BEFORE.exec(before);
    if (part) {
      const span = monthPart(part[1]!, y, mo);
      const index = part.index;
      add({
        from: iso(span.from),
        to: iso(span.to),
        precision: 'range',
        text: sentence.slice(index, r.index + r.text.length),
        index,
        basis: 'absolute',
      });
      continue;
    }
    const start = ymd(y, mo, 1);
    add({
      from: iso(start),
      to: iso(start.endOf('month').startOf('day')),
      precision: 'month',
      text: r.text,
      index: r.index,
      basis: 'absolute',
    });
  }

  return found
    .sort((x, y) => x.index - y.index)
    .map(({ end: _end, ...f }) => ({ ...f, reference: REFERENCE_BEFORE.test(sentence.slice(0, f.index)) }))
    .filter((f) => isIsoDate(f.from) && isIsoDate(f.to));
}

/** Parses a publication date as metadata states it (ISO date or timestamp, or prose such as "14 March 2025"). */
export function parsePublicationDate(raw: string): IsoDate | null {
  const isoMatch = /^(\d{4}-\d{2}-\d{2})(?:[T\s]|$)/.exec(raw.trim());
  if (isoMatch) return isIsoDate(isoMatch[1]!) ? asIsoDate(isoMatch[1]!) : null;
  const r = chrono.strict.parse(raw, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 })[0];
  if (!r || !r.start.isCertain('day') || !r.start.isCertain('month') || !r.start.isCertain('year')) return null;
  return iso(ymd(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!));
}

/** Does the span say which day or which days (an event date), rather than a period a claim measures over? */
export const isEventDate = (s: DateSpan): boolean =>
  !s.reference &&
  (s.precision === 'day' || s.precision === 'range' || s.precision === 'month' || s.precision === 'quarter');
