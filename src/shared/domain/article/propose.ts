import { type IsoDate, type Ticker } from '../../brand';
import { categorise } from './categories';
import { readClaims, type DraftClaim } from './claim-rules';
import { findDates, isEventDate, parsePublicationDate, type DateSpan } from './dates';
import { NameMatcher, type NameHit } from './names';
import { detectArticleFormat, MAX_ARTICLE_CHARS, readArticleText } from './read-text';
import { sentencesOf, type Sentence } from './sentences';
import type {
  ArticleFormat,
  ArticleProposal,
  KnownInstrument,
  LibraryEvent,
  LibraryLink,
  ProposedClaim,
  ProposedEvent,
  ProposedMember,
  ProposedSource,
  SourceOrigin,
} from './types';

/**
 * From an article's text to a proposed study (issue 15): deterministic, offline, pure.
 * The steps, each documented in docs/article-import.md: read the text and its metadata,
 * split sentences, find names (→ universe), dates (→ events, chained sentence to sentence),
 * claims (→ the claim-pattern table), link undated events to the user's library by name.
 */
export interface ArticleInput {
  readonly content: string;
  /** The file's name, for its format; null for pasted text. */
  readonly fileName: string | null;
  /** Overrides the detected format. */
  readonly format?: ArticleFormat;
  /** The publication date the user confirmed (`--date`); wins over the metadata's and the text's. */
  readonly date?: IsoDate | null;
  /** The user's cached instruments (their names join the shipped name table). */
  readonly cached?: readonly KnownInstrument[];
  /** Events already in the user's library, for undated mentions. */
  readonly library?: readonly LibraryEvent[];
}

const BOILERPLATE =
  /^(?:leave a (?:reply|comment)|your email address will not be published|back to top|share (?:this|on)|related (?:articles|posts|stories)|subscribe|sign up|advertisement|read more|comments?|print|email)\b/i;
/** Words that say a sentence is about an event happening (a launch, a meeting, results). */
const EVENT_NOUN =
  /\b(?:debut(?:ed|s)?|launch(?:ed|es)?|release[sd]?|unveil(?:ed|s)?|introduc(?:ed|es|tion)|roll(?:ed)?[- ]?out|announce(?:d|s|ment)|IPO|listing|meeting|summit|results|earnings report)\b/i;
/** Product and model names: a word with a digit ("R1", "Qwen2.5-Max", "GPT-4o"). */
const PRODUCT = /(?<![\w.-])(?:[A-Za-z]+\d[\w.]*|[A-Z]{2,}-\d\w*)(?:-[A-Za-z0-9.]+)*(?![\w-])/g;
const NOT_PRODUCT = /^(?:Q[1-4]|H[12]|[1-4]Q\d*|FY\d+|COVID-19|G\d+|S&P\d*|P\d|A\d|V\d|\d+[A-Za-z]?)$/i;

const normal = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const slugify = (s: string): string =>
  s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .filter(Boolean)
    .slice(0, 6)
    .join('-')
    .slice(0, 60)
    .replace(/-+$/, '') || 'item';

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/** A short title: the sentence without its date words, cut at a word boundary. */
export function titleFrom(sentence: string, dateText: string | null): string {
  let t = sentence;
  if (dateText) {
    const i = t.indexOf(dateText);
    if (i >= 0) {
      const before = t.slice(0, i).replace(/\s*(?:,\s*)?(?:\b(?:in|on|at|during|by)\s+)?$/i, '');
      // "X, launched in late January 2025, emerged …" → "X launched".
      const participle = /^(.{8,}?),?\s+((?:was\s+|were\s+)?\w+ed)$/.exec(before);
      if (participle && /,\s*\w+ed$/.test(before)) return titleFrom(`${participle[1]} ${participle[2]}`, null);
      const after = t.slice(i + dateText.length).replace(/^\s*,?/, '');
      t = `${before}${before && after && !/^[,.;]/.test(after) ? ' ' : ''}${after}`;
    }
  }
  t = t
    .replace(/^\s*(?:,\s*)?/, '')
    .replace(/\s+,/g, ',')
    .replace(/,\s*,/g, ',')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.charAt(0).toUpperCase() + t.slice(1);
  const words = t.split(' ');
  let out = '';
  for (const w of words) {
    if ((out + ' ' + w).trim().length > 80) return out.replace(/[,;:—–-]+$/, '').trim() + '…';
    out = (out + ' ' + w).trim();
  }
  return out.replace(/[.!?]$/, '');
}

function productNames(sentence: string): string[] {
  return [...sentence.matchAll(PRODUCT)].map((m) => m[0].replace(/[.]$/, '')).filter((p) => !NOT_PRODUCT.test(p));
}

function titleKeys(title: string): Set<string> {
  const keys = new Set<string>();
  for (const w of title.split(/\s+/)) {
    const clean = w.replace(/^[“"‘(]+|[”"’),.:;]+$/g, '');
    keys.add(normal(clean));
    for (const part of clean.split('-')) keys.add(normal(part));
  }
  keys.delete('');
  return keys;
}

/** The library event an undated mention names, when exactly one date fits. */
function linkByName(products: readonly string[], library: readonly LibraryEvent[]): LibraryLink | null {
  for (const p of products) {
    const key = normal(p);
    if (key.length < 2) continue;
    const hits = library.filter((e) => titleKeys(e.title).has(key));
    if (hits.length === 0) continue;
    const launches = hits.filter((e) => EVENT_NOUN.test(e.title) || /releases?|launch|debut|unveil/i.test(e.title));
    const pool = launches.length ? launches : hits;
    const dates = new Set(pool.map((e) => e.date));
    if (dates.size !== 1) continue; // several dates: ask rather than guess
    const e = pool[0]!;
    return { studyId: e.studyId, eventId: e.id, title: e.title, date: e.date, words: [p] };
  }
  return null;
}

/** A library event about a record of one of these symbols. */
function linkRecord(symbols: readonly Ticker[], library: readonly LibraryEvent[], words: string): LibraryLink | null {
  const hits = library.filter(
    (e) => e.symbols.some((s) => symbols.includes(s)) && /\brecord\b|all-time|\bhighest\b|\bpeak\b/i.test(e.title),
  );
  const dates = new Set(hits.map((e) => e.date));
  if (hits.length === 0 || dates.size !== 1) return null;
  const e = hits[0]!;
  return { studyId: e.studyId, eventId: e.id, title: e.title, date: e.date, words: [words] };
}

function sourceFromText(paragraphs: readonly string[]): {
  title: string | null;
  author: string | null;
  date: IsoDate | null;
} {
  const headingLike = (p: string): boolean => !/[.!?:;]$/.test(p) && p.split(/\s+/).length <= 20;
  // The first heading of four words or more that is not a breadcrumb ("Markets | Greater China") or a byline.
  const title =
    paragraphs
      .slice(0, 6)
      .find((p) => headingLike(p) && p.split(/\s+/).length >= 4 && !/[|•›»]/.test(p) && !/^By\s/.test(p)) ?? null;
  let author: string | null = null;
  for (const p of paragraphs.slice(0, 10)) {
    const m = /^By\s+([A-Z][\p{L}.'’-]+(?:\s+(?:[A-Z][\p{L}.'’-]+|and|de|van|von)){0,5})/u.exec(p);
    if (m) {
      author = m[1]!.trim();
      break;
    }
  }
  if (!author) {
    // A name line followed by a biography that opens with part of the name ("Wang Choon Leo, CFA" / "Choon Leo is …").
    for (let i = 0; i + 1 < paragraphs.length; i += 1) {
      const p = paragraphs[i]!;
      const m = /^((?:[A-Z][\p{L}'’-]+\s+){1,4}[A-Z][\p{L}'’-]+)(?:,\s*[A-Z]{2,6})?$/u.exec(p);
      if (!m) continue;
      const parts = m[1]!.split(/\s+/);
      const next = paragraphs[i + 1]!;
      if (
        parts.some((w, k) => k > 0 && next.startsWith(parts.slice(k).join(' ') + ' ')) ||
        next.startsWith(m[1]! + ' ')
      ) {
        author = p;
        break;
      }
    }
  }
  let date: IsoDate | null = null;
  for (const p of paragraphs.slice(0, 10)) {
    const m = /^(?:(?:Published|Posted|Updated|Date)\s*(?:on)?\s*:?\s*)?(.{6,40})$/i.exec(p);
    if (!m || p.split(/\s+/).length > 8) continue;
    const d = parsePublicationDate(m[1]!);
    if (d) {
      date = d;
      break;
    }
  }
  return { title, author, date };
}

interface EventDraft {
  id: string;
  title: string;
  date: IsoDate | null;
  precision: ProposedEvent['precision'];
  range: { from: IsoDate; to: IsoDate } | null;
  dateText: string | null;
  quote: string;
  named: Ticker[];
  category: ProposedEvent['category'];
  link: LibraryLink | null;
  words: string[];
  products: string[];
}

/** Reads an article and proposes a study. Throws on an empty or oversized text. */
export function proposeStudy(input: ArticleInput): ArticleProposal {
  if (input.content.length > MAX_ARTICLE_CHARS)
    throw new RangeError(`The article is ${input.content.length} characters long; the limit is ${MAX_ARTICLE_CHARS}.`);
  const format = input.format ?? detectArticleFormat(input.fileName, input.content);
  const read = readArticleText(input.content, format);
  const paragraphs = read.paragraphs.filter((p) => !BOILERPLATE.test(p));
  if (paragraphs.length === 0) throw new RangeError('The article has no text.');
  const fromText = sourceFromText(paragraphs);
  const metaDate = read.meta.date ? parsePublicationDate(read.meta.date) : null;
  const articleDate = input.date ?? metaDate ?? fromText.date;
  const pick = <T>(meta: T | null, metaOrigin: SourceOrigin, text: T | null): [T | null, SourceOrigin] =>
    meta !== null ? [meta, metaOrigin] : text !== null ? [text, 'text'] : [null, 'none'];
  const [title, titleOrigin] = pick(read.meta.title, read.meta.origins.title, fromText.title);
  const [author, authorOrigin] = pick(read.meta.author, read.meta.origins.author, fromText.author);
  const source: ProposedSource = {
    title,
    author,
    publication: read.meta.publication,
    url: read.meta.url,
    date: articleDate,
    origins: {
      title: titleOrigin,
      author: authorOrigin,
      publication: read.meta.origins.publication,
      date: input.date ? 'user' : metaDate ? read.meta.origins.date : fromText.date ? 'text' : 'none',
    },
  };

  const sentences: Sentence[] = sentencesOf(paragraphs);
  const matcher = new NameMatcher(input.cached ?? []);
  const library = input.library ?? [];

  // The year the article is about, and a period it names ("early 2025"), for claims without dates.
  const years = new Map<number, number>();
  let period: { from: IsoDate; to: IsoDate } | null = null;
  for (const s of sentences) {
    for (const d of findDates(s.text, { articleDate, anchor: null })) {
      if (d.reference) continue;
      const y = Number(d.from.slice(0, 4));
      years.set(y, (years.get(y) ?? 0) + 1);
      if (d.precision === 'period' && !period) period = { from: d.from, to: d.to };
    }
    for (const m of s.text.matchAll(/\bin (20\d\d)\b/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 1);
  }
  const year = articleDate
    ? Number(articleDate.slice(0, 4))
    : ([...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null);

  const usedEventIds = new Set<string>();
  const usedClaimIds = new Set<string>();
  const events: EventDraft[] = [];
  const claims: Array<DraftClaim & { id: string; quote: string; eventId: string | null }> = [];
  const hitsBySentence: NameHit[][] = [];
  const covered = new Set<string>();
  let anchor: DateSpan | null = null;

  const newEvent = (
    s: Sentence,
    names: NameHit[],
    e: Omit<EventDraft, 'id' | 'quote' | 'named' | 'category' | 'title' | 'products'> & { title?: string },
  ): EventDraft => {
    const cat = categorise(s.text);
    const products = productNames(s.text);
    const title = e.title ?? titleFrom(s.text, e.dateText);
    const draft: EventDraft = {
      ...e,
      id: uniqueId(slugify(title), usedEventIds),
      title,
      quote: s.text,
      named: [...new Set(names.flatMap((n) => n.listings.map((l) => l.symbol)))],
      category: cat.category,
      words: [...e.words, ...cat.words.slice(0, 3)],
      products,
    };
    for (const p of products) covered.add(normal(p));
    events.push(draft);
    return draft;
  };

  let previous: Ticker[] = [];
  for (const s of sentences) {
    const names = matcher.find(s.text);
    hitsBySentence.push(names);
    const named = [...new Set(names.flatMap((n) => n.listings.map((l) => l.symbol)))];
    const spans = findDates(s.text, { articleDate, anchor });
    const dated = s.heading ? undefined : spans.find(isEventDate);
    let event: EventDraft | null = null;
    const sameDay =
      !!dated && !!anchor && dated.basis === 'chained' && dated.from === anchor.from && dated.to === anchor.to;
    if (sameDay && events.length) {
      // "that day", "the same day": more about the previous event, not a new one.
      event = events.at(-1)!;
      event.words.push(dated!.text);
    } else if (dated) {
      event = newEvent(s, names, {
        date: dated.from,
        precision:
          dated.precision === 'day'
            ? 'day'
            : dated.precision === 'range'
              ? 'range'
              : dated.precision === 'month'
                ? 'month'
                : 'quarter',
        range: { from: dated.from, to: dated.to },
        dateText: dated.text,
        link: null,
        words: [dated.text],
      });
    } else if (!s.heading && EVENT_NOUN.test(s.text)) {
      const fresh = productNames(s.text).filter((p) => !covered.has(normal(p)));
      if (fresh.length) {
        const link = linkByName(fresh, library);
        const noun = EVENT_NOUN.exec(s.text)![0];
        event = newEvent(s, names, {
          date: link?.date ?? null,
          precision: link ? 'day' : 'undated',
          range: link ? { from: link.date, to: link.date } : null,
          dateText: link ? `from the library: “${link.title}”` : null,
          link,
          words: [noun, ...fresh],
          title: link ? link.title : undefined,
        });
      }
    }

    let drafts = readClaims(s.text, names, spans, { articleDate, year, period, eventId: event?.id ?? null, previous });
    const needing = drafts.find((d) => d.needsEvent);
    if (needing && !event) {
      const link =
        needing.rule === 'record-high'
          ? linkRecord(needing.symbols, library, needing.words[0]!)
          : linkByName(productNames(s.text), library);
      event = newEvent(s, names, {
        date: link?.date ?? null,
        precision: link ? 'day' : 'undated',
        range: link ? { from: link.date, to: link.date } : null,
        dateText: link ? `from the library: “${link.title}”` : null,
        link,
        words: [...needing.words],
        title: link ? link.title : undefined,
      });
      drafts = readClaims(s.text, names, spans, { articleDate, year, period, eventId: event.id, previous });
    }
    // A span that is only the period a claim measures over ("rose 25% between 24 September and
    // 8 October", "outperformed in the first quarter") or a company figure's reporting period
    // ("in the third quarter, revenue rose 44%") is not an event.
    const consumed =
      dated &&
      !sameDay &&
      dated.precision !== 'day' &&
      drafts.some(
        (d) =>
          d.words.includes(dated.text) ||
          (d.metric !== null && 'from' in d.metric && d.metric.from === dated.from) ||
          d.rule === 'not-checkable-fundamentals',
      );
    const twoDays =
      dated &&
      drafts.some(
        (d) => d.rule === 'pct-over-dates' && d.metric && 'from' in d.metric && d.metric.from !== d.metric.to,
      );
    if (event && !sameDay && dated && (consumed || twoDays)) {
      events.splice(events.indexOf(event), 1);
      usedEventIds.delete(event.id);
      event = null;
      drafts = readClaims(s.text, names, spans, { articleDate, year, period, eventId: null, previous });
    } else if (dated && !sameDay) anchor = dated;
    for (const d of drafts) {
      const base = slugify(
        `${d.symbols
          .map((x) => x.replace(/[^A-Za-z0-9]/g, ''))
          .slice(0, 2)
          .join(' ')} ${d.rule}`,
      );
      claims.push({ ...d, id: uniqueId(base, usedClaimIds), quote: s.text, eventId: event?.id ?? null });
    }
    if (named.length) previous = named;
  }

  // Universe: every name in reading order; ambiguous names become one member each with candidates.
  const members = new Map<
    string,
    { m: Omit<ProposedMember, 'role'>; words: Set<string>; evidence: { sentence: string; words: string[] }[] }
  >();
  sentences.forEach((s, i) => {
    for (const h of hitsBySentence[i]!) {
      const keys: Array<[string, Omit<ProposedMember, 'role' | 'words' | 'evidence'>]> = h.candidates.length
        ? [
            [
              `?${h.words}`,
              {
                symbol: null,
                kind: h.kind,
                name: h.words,
                from: h.from,
                candidates: h.candidates,
                ambiguous: true,
                pairs: [],
              },
            ],
          ]
        : h.listings.map((l) => [
            l.symbol,
            {
              symbol: l.symbol,
              kind: h.kind,
              name: l.name,
              from: h.from,
              candidates: [],
              ambiguous: false,
              pairs: h.pairs,
            },
          ]);
      for (const [key, m] of keys) {
        const cur = members.get(key) ?? {
          m: { ...m, words: [], evidence: [] },
          words: new Set<string>(),
          evidence: [],
        };
        cur.words.add(h.words);
        if (cur.evidence.length < 3 && !cur.evidence.some((e) => e.sentence === s.text))
          cur.evidence.push({ sentence: s.text, words: [h.words] });
        members.set(key, cur);
      }
    }
  });
  const claimSubjects = new Set(
    claims.filter((c) => c.checkable && c.rule !== 'outperformance').flatMap((c) => c.symbols),
  );
  const universe: ProposedMember[] = [...members.values()].map(({ m, words, evidence }) => ({
    ...m,
    words: [...words],
    evidence,
    role: m.kind === 'index' && !(m.symbol && claimSubjects.has(m.symbol)) ? 'benchmark' : 'subject',
  }));
  const subjects = universe.filter((u) => u.role === 'subject' && u.symbol).map((u) => u.symbol!);

  const proposedEvents: ProposedEvent[] = events.map((e) => ({
    id: e.id,
    title: e.title,
    date: e.date,
    precision: e.precision,
    range: e.range,
    dateText: e.dateText,
    quote: e.quote,
    // An event that names no listing is about the article's subject as a whole.
    symbols: e.named.length ? e.named : subjects,
    category: e.category,
    link: e.link,
    evidence: { sentence: e.quote, words: [...new Set(e.words)] },
  }));
  const undated = new Set(events.filter((e) => e.date === null).map((e) => e.id));
  const proposedClaims: ProposedClaim[] = claims.map((c) => ({
    id: c.id,
    text: c.text,
    quote: c.quote,
    metric: c.metric,
    symbols: c.symbols,
    checkable: c.checkable,
    reason:
      c.metric && 'event' in c.metric && c.metric.event && undated.has(c.metric.event)
        ? `Needs the date of the event “${c.metric.event}”: date the event to evaluate it.`
        : c.reason,
    rule: c.rule,
    evidence: { sentence: c.quote, words: [...c.words] },
  }));

  const warnings: string[] = [];
  if (!articleDate)
    warnings.push(
      'The article’s date is unknown: relative dates and year-to-date claims need it. Confirm the date (--date).',
    );
  for (const u of universe)
    if (u.ambiguous) warnings.push(`“${u.name}” may mean ${u.candidates.map((c) => c.symbol).join(', ')}: choose one.`);
  for (const e of proposedEvents)
    if (e.precision === 'undated') warnings.push(`Event “${e.title}” has no date: date it or remove it.`);
  for (const e of proposedEvents)
    if (e.link)
      warnings.push(`Event “${e.title}” takes its date ${e.link.date} from the library event “${e.link.eventId}”.`);
  return { source, universe, events: proposedEvents, claims: proposedClaims, warnings };
}
