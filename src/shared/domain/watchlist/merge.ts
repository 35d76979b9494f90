import type { Ticker } from '../../brand';
import { sectionsOf, type WatchlistEntry } from './model';
import type { ParsedLine } from './parse';

/** An entry of a stored list (`id` set) or a new one (`id` null), in list order. */
export interface PlacedEntry<Id> {
  readonly id: Id | null;
  readonly entry: WatchlistEntry;
}

/**
 * Marks the `ok` item lines whose symbol is already in the target list as duplicates
 * (`duplicateOf: null` says "already in the list" rather than "earlier in the file").
 */
export function markExisting(lines: readonly ParsedLine[], existing: ReadonlySet<string>): ParsedLine[] {
  return lines.map((l) =>
    l.kind === 'item' && l.status === 'ok' && l.symbol !== null && existing.has(l.symbol)
      ? { ...l, status: 'duplicate', duplicateOf: null }
      : l,
  );
}

/**
 * Merges imported entries into a stored list. Nothing is removed or reordered; symbols
 * already in the list are skipped (the caller reports them as duplicates). Each new symbol
 * goes to the end of its section: a section of the same name in the list if there is one,
 * else a new section appended at the end (in file order); symbols with no section go to the
 * end of the list's leading, unsectioned part. A section of the file that the list lacks is
 * added even when all its symbols were duplicates, so no structure of the file is lost.
 */
export function mergeEntries<Id>(
  existing: ReadonlyArray<PlacedEntry<Id>>,
  incoming: readonly WatchlistEntry[],
): { merged: PlacedEntry<Id>[]; added: Ticker[] } {
  const have = new Set(existing.flatMap((p) => (p.entry.kind === 'item' ? [p.entry.symbol] : [])));
  const incomingSections = sectionsOf(incoming);
  // New items grouped by section (null = unsectioned), in first-seen order of the sections.
  const groups = new Map<string | null, WatchlistEntry[]>();
  const added: Ticker[] = [];
  incoming.forEach((e, i) => {
    const label = incomingSections[i] ?? null;
    if (!groups.has(label)) groups.set(label, []);
    if (e.kind === 'item' && !have.has(e.symbol)) {
      have.add(e.symbol);
      groups.get(label)!.push(e);
      added.push(e.symbol);
    }
  });
  // Where each group goes: "insert before existing index k".
  const entries = existing.map((p) => p.entry);
  const n = entries.length;
  const nextSectionFrom = (from: number) => {
    const k = entries.findIndex((e, i) => i >= from && e.kind === 'section');
    return k < 0 ? n : k;
  };
  const insertAt = new Map<string | null, number>([[null, nextSectionFrom(0)]]);
  entries.forEach((e, i) => {
    if (e.kind === 'section' && !insertAt.has(e.label)) insertAt.set(e.label, nextSectionFrom(i + 1));
  });
  const merged: PlacedEntry<Id>[] = [];
  const flushAt = (k: number) => {
    for (const [label, items] of groups) {
      if (insertAt.get(label) !== k) continue;
      for (const entry of items) merged.push({ id: null, entry });
      groups.delete(label);
    }
  };
  for (let k = 0; k < n; k++) {
    flushAt(k);
    merged.push(existing[k]!);
  }
  flushAt(n);
  for (const [label, items] of groups) {
    // Sections the list does not have yet, in the order the file has them.
    merged.push({ id: null, entry: { kind: 'section', label: label! } });
    for (const entry of items) merged.push({ id: null, entry });
  }
  return { merged, added };
}
