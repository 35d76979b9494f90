import { parseTicker, type Ticker } from '../../brand';
import { NAME_TABLE, type Listing, type NameKind, type NameRow } from './name-table';
import type { KnownInstrument } from './types';

/**
 * Finds the companies, indices and assets a sentence names, from the shipped table plus the
 * user's cached instruments' names. Matching is case-sensitive on word boundaries and the
 * longest name wins, so "Hang Seng Tech Index" is never also read as "Hang Seng".
 */

export interface NameHit {
  /** The words as written in the sentence. */
  readonly words: string;
  readonly index: number;
  readonly kind: NameKind;
  /** Proposed listings; empty when ambiguous. */
  readonly listings: readonly { readonly symbol: Ticker; readonly name: string }[];
  readonly pairs: readonly { readonly symbol: Ticker; readonly name: string }[];
  /** Candidates of an ambiguous name (the user chooses); empty otherwise. */
  readonly candidates: readonly { readonly symbol: Ticker; readonly name: string }[];
  readonly from: 'table' | 'cache';
}

interface Entry {
  readonly name: string;
  readonly row: NameRow;
  readonly from: 'table' | 'cache';
}

const CORPORATE_SUFFIX =
  /(?:\s*\((?:ADR|H share|A share|Hong Kong|HK|US|OTC ADR|NYSE|Nasdaq)\)|,?\s+(?:Group|Holdings?|Limited|Ltd\.?|Inc\.?|Corp\.?|Corporation|Co\.?|Company|plc|PLC|S\.?A\.?|AG|N\.?V\.?|SE|Class [A-C]|- ?SW|-W|-S|ADR))+$/;

/** The names an instrument is called by in prose: its full name and the name without corporate suffixes. */
export function proseNames(name: string): string[] {
  const full = name.replace(/\s+/g, ' ').trim();
  const core = full.replace(CORPORATE_SUFFIX, '').trim();
  // A one-word core shorter than 4 letters ("AB") or a generic geographic word would match prose by accident.
  const names = [full, core].filter(
    (n) => n.length >= 4 && !/^(?:China|Hong Kong|Japan|India|Korea|America|Europe|Bank|Index)$/i.test(n),
  );
  return [...new Set(names)];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const tick = (l: Listing): { symbol: Ticker; name: string } => {
  const symbol = parseTicker(l.symbol);
  if (!symbol) throw new Error(`name table: "${l.symbol}" is not a symbol`);
  return { symbol, name: l.name };
};

/** A name matcher over the shipped table and the cached instruments. Build once per proposal. */
export class NameMatcher {
  private readonly entries: Entry[];
  private readonly pattern: RegExp;

  constructor(cached: readonly KnownInstrument[] = []) {
    const entries: Entry[] = [];
    const byName = new Map<string, Entry>();
    for (const row of NAME_TABLE)
      for (const name of row.names) {
        const e = { name, row, from: 'table' as const };
        entries.push(e);
        byName.set(name, e);
      }
    // Cached instruments: a name the table knows gains the cached symbol as a listing when the
    // table did not propose it; a new name becomes a row of its own (several cached listings
    // with the same name are one company's lines, proposed together).
    const cacheRows = new Map<string, { kind: NameKind; listings: Listing[] }>();
    for (const inst of cached) {
      if (!inst.name) continue;
      for (const n of proseNames(inst.name)) {
        const known = byName.get(n);
        if (known && known.from === 'table') {
          const all = [...known.row.listings, ...(known.row.pairs ?? []), ...(known.row.ambiguous ?? [])];
          if (!all.some((l) => l.symbol === inst.symbol)) {
            const row: NameRow = {
              ...known.row,
              listings: [...known.row.listings, { symbol: inst.symbol, name: inst.name }],
            };
            for (const e of entries) if (e.row === known.row) (e as { row: NameRow }).row = row;
          }
          continue;
        }
        const r = cacheRows.get(n) ?? { kind: inst.kind, listings: [] };
        if (!r.listings.some((l) => l.symbol === inst.symbol))
          r.listings.push({ symbol: inst.symbol, name: inst.name });
        cacheRows.set(n, r);
      }
    }
    for (const [name, r] of cacheRows)
      entries.push({ name, row: { names: [name], kind: r.kind, listings: r.listings }, from: 'cache' });
    entries.sort((a, b) => b.name.length - a.name.length);
    this.entries = entries;
    this.pattern = new RegExp(
      `(?<![\\p{L}\\p{N}&.-])(?:${entries.map((e) => escape(e.name)).join('|')})(?![\\p{L}\\p{N}&]|-[\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`,
      'gu',
    );
  }

  /** Every name in the sentence, in reading order, longest first where names overlap. */
  find(sentence: string): NameHit[] {
    const hits: NameHit[] = [];
    for (const m of sentence.matchAll(this.pattern)) {
      const e = this.entries.find((x) => x.name === m[0]);
      if (!e) continue;
      const row = e.row;
      if (row.unlisted) continue;
      hits.push({
        words: m[0],
        index: m.index,
        kind: row.kind,
        listings: row.ambiguous ? [] : row.listings.map(tick),
        pairs: (row.pairs ?? []).map(tick),
        candidates: (row.ambiguous ?? []).map(tick),
        from: e.from,
      });
    }
    return hits;
  }
}
