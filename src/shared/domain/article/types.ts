import type { IsoDate, Ticker } from '../../brand';
import type { ClaimMetric } from '../claims';
import type { InstrumentKind } from '../instrument';
import type { StudyRole } from '../study';
import type { EventCategory } from '../study-event';

/**
 * The proposal Catalyst makes from an article's text: what the user reviews, edits and
 * confirms before a study is saved. Every item keeps its evidence (the sentence and the
 * words matched) so the user can see why it was proposed. Field names follow issue 15 and
 * docs/article-import.md; the CLI prints this object as it is.
 */

/** Why an item was proposed: the sentence it comes from and the exact words that matched. */
export interface Evidence {
  readonly sentence: string;
  readonly words: readonly string[];
}

/** The kinds of text the reader understands. */
export const articleFormats = ['txt', 'md', 'html'] as const;
export type ArticleFormat = (typeof articleFormats)[number];

/** Where a field of the source was read from. */
export type SourceOrigin = 'meta' | 'json-ld' | 'front-matter' | 'text' | 'user' | 'none';

export interface ProposedSource {
  readonly title: string | null;
  readonly author: string | null;
  readonly publication: string | null;
  readonly url: string | null;
  /** The publication date: `--date` (the user's), else the metadata's, else the text's; null when unknown. */
  readonly date: IsoDate | null;
  /** Where each field came from, so the preview can ask the user to confirm the date. */
  readonly origins: {
    readonly title: SourceOrigin;
    readonly author: SourceOrigin;
    readonly publication: SourceOrigin;
    readonly date: SourceOrigin;
  };
}

/** One thing the text names, mapped to a ticker (or to candidates the user must choose from). */
export interface ProposedMember {
  /** The ticker; null when the name is ambiguous (see `candidates`). */
  readonly symbol: Ticker | null;
  /** The words of the text it came from (each distinct spelling once). */
  readonly words: readonly string[];
  readonly role: StudyRole;
  readonly kind: InstrumentKind | 'commodity' | 'crypto';
  /** What the name stands for, e.g. "Alibaba Group (Hong Kong)". */
  readonly name: string;
  /** `table`: the shipped name table; `cache`: a cached instrument's name. */
  readonly from: 'table' | 'cache';
  /** For an ambiguous name: the tickers it may mean; the user picks one (never guessed). */
  readonly candidates: readonly { readonly symbol: Ticker; readonly name: string }[];
  readonly ambiguous: boolean;
  /** Other listings of the same company (A-share, H-share, ADR), offered as replacements. */
  readonly pairs: readonly { readonly symbol: Ticker; readonly name: string }[];
  readonly evidence: readonly Evidence[];
}

/**
 * How exact an event's date is:
 * - `day`: one calendar day;
 * - `range`: an approximate span (`late January 2025` = 20–31 Jan), `date` is its first day;
 * - `month`: a calendar month, `date` is its first day;
 * - `quarter`: a calendar quarter, `date` is its first day;
 * - `undated`: no date in the text and none in the user's library.
 */
export const datePrecisions = ['day', 'range', 'month', 'quarter', 'undated'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** An event of the user's library an undated proposal was linked to (its date is taken from it). */
export interface LibraryLink {
  readonly studyId: string | null;
  readonly eventId: string;
  readonly title: string;
  readonly date: IsoDate;
  /** The words both names share, e.g. "Qwen2.5-Max". */
  readonly words: readonly string[];
}

export interface ProposedEvent {
  /** A slug unique within the proposal (claims refer to it). */
  readonly id: string;
  readonly title: string;
  /** First day of the date's span; null when undated. */
  readonly date: IsoDate | null;
  readonly precision: DatePrecision;
  /** The inclusive span of a range, month or quarter (equal to `date` for a day). */
  readonly range: { readonly from: IsoDate; readonly to: IsoDate } | null;
  /** How the date reads in the text ("late January 2025"), or how it was derived. */
  readonly dateText: string | null;
  /** The sentence, exactly as in the text. */
  readonly quote: string;
  readonly symbols: readonly Ticker[];
  readonly category: Exclude<EventCategory, 'user'>;
  readonly link: LibraryLink | null;
  readonly evidence: Evidence;
}

/**
 * Metrics proposed for price claims the project cannot evaluate yet (kept so the user sees
 * what was read): a fall, outperformance of one thing over another, a comparison of levels.
 */
export type PendingMetric =
  | { readonly kind: 'pct-fall'; readonly pct: number; readonly from: IsoDate | null; readonly to: IsoDate | null }
  | {
      readonly kind: 'outperformance';
      readonly over: readonly Ticker[];
      readonly from: IsoDate | null;
      readonly to: IsoDate | null;
    }
  | {
      readonly kind: 'level-comparison';
      readonly relation: 'above' | 'below';
      readonly level: number;
      readonly on: IsoDate | null;
    }
  | { readonly kind: 'record-low'; readonly event: string | null };

export interface ProposedClaim {
  readonly id: string;
  /** The words making the claim (an exact part of `quote`). */
  readonly text: string;
  readonly quote: string;
  /** A metric of src/shared/domain/claims.ts (evaluated on save), a pending one, or null when not checkable. */
  readonly metric: ClaimMetric | PendingMetric | null;
  readonly symbols: readonly Ticker[];
  /** False for numbers the prices cannot check (valuation ratios, revenues). */
  readonly checkable: boolean;
  /** Why it is not checkable, or what is missing to check it; null when it can be evaluated as is. */
  readonly reason: string | null;
  /** The row of the claim-pattern table (docs/article-import.md) that matched. */
  readonly rule: string;
  readonly evidence: Evidence;
  /** True once the user changed its metric or symbols in the preview (absent as proposed). */
  readonly edited?: boolean;
}

export interface ArticleProposal {
  readonly source: ProposedSource;
  readonly universe: readonly ProposedMember[];
  readonly events: readonly ProposedEvent[];
  readonly claims: readonly ProposedClaim[];
  /** Things the user should look at (no date, ambiguous names, …), one sentence each. */
  readonly warnings: readonly string[];
}

/** A cached instrument's name, offered to the name matcher next to the shipped table. */
export interface KnownInstrument {
  readonly symbol: Ticker;
  readonly name: string | null;
  readonly kind: InstrumentKind;
}

/** An event already in the user's library (any study), for linking undated mentions. */
export interface LibraryEvent {
  readonly studyId: string | null;
  readonly id: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly symbols: readonly Ticker[];
}
