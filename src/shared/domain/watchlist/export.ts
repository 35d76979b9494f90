import { toCatalystJson } from './catalyst-json';
import { csvField } from '../csv/csv-cells';
import { safeFileStem } from '../file-name';
import { sectionsOf, type WatchlistDocument, type WatchlistExportFormat } from './model';
import { toTradingViewSymbol } from './symbol-map';

/** A file ready to save. `content` is the whole text (CSV starts with a UTF-8 BOM for Excel). */
export interface WatchlistExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
  /** What the format could not carry (notes in TradingView text, symbols written without a prefix). */
  readonly warnings: readonly string[];
}

/** Header of Catalyst's CSV export; the importer reads every column back. */
export const CSV_EXPORT_HEADER = ['Symbol', 'Section', 'Note', 'TradingView Exchange'] as const;

/** A file name from a list name: characters no file system accepts become `_`. */
export function exportFileName(name: string, format: WatchlistExportFormat): string {
  const stem = safeFileStem(name, 'watchlist');
  return `${stem}.${format === 'tradingview' ? 'txt' : format}`;
}

function listSymbols(symbols: readonly string[]): string {
  return symbols.length > 8 ? `${symbols.slice(0, 8).join(', ')} and ${symbols.length - 8} more` : symbols.join(', ');
}

/**
 * TradingView watchlist text: one line, `###Section` and `EXCHANGE:TICKER` entries separated
 * by commas. Notes have no place in it (a warning says how many were left out).
 */
export function toTradingViewText(doc: WatchlistDocument): { text: string; warnings: string[] } {
  const tokens: string[] = [];
  const bare: string[] = [];
  const inconsistent: string[] = [];
  let notes = 0;
  for (const e of doc.entries) {
    if (e.kind === 'section') {
      tokens.push(`###${e.label}`);
      continue;
    }
    if (e.note !== null) notes++;
    let spelled = toTradingViewSymbol(e.symbol, e.exchange);
    if (!spelled.ok) {
      inconsistent.push(`${e.symbol} (${e.exchange})`);
      spelled = toTradingViewSymbol(e.symbol, null);
    }
    if (spelled.ok) {
      if (!spelled.prefixed) bare.push(e.symbol);
      tokens.push(spelled.text);
    }
  }
  const warnings: string[] = [];
  if (notes)
    warnings.push(
      `${notes} note(s) left out: TradingView watchlist files have no notes (export CSV or JSON to keep them)`,
    );
  if (bare.length) {
    warnings.push(
      `written without an exchange prefix (not known for these symbols; TradingView resolves bare tickers on import): ${listSymbols(bare)}`,
    );
  }
  if (inconsistent.length)
    warnings.push(`remembered prefix did not fit the symbol, default used: ${listSymbols(inconsistent)}`);
  return { text: tokens.join(','), warnings };
}

/**
 * CSV: `Symbol,Section,Note,TradingView Exchange`, CRLF line ends, a UTF-8 BOM so Excel reads
 * non-ASCII notes. Every section gets its own row (empty symbol), so empty sections and
 * repeated labels survive; item rows repeat their section for readers that ignore those rows.
 * Cells are neutralised against formula injection.
 */
export function toCsvText(doc: WatchlistDocument): string {
  const sections = sectionsOf(doc.entries);
  const rows = [CSV_EXPORT_HEADER.join(',')];
  doc.entries.forEach((e, i) => {
    if (e.kind === 'section') rows.push(['', e.label, '', ''].map((c) => csvField(c)).join(','));
    else rows.push([e.symbol, sections[i] ?? '', e.note ?? '', e.exchange ?? ''].map((c) => csvField(c)).join(','));
  });
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** Exports a watchlist in one of the three writable formats. `exportedAt` (ISO instant) goes into JSON only. */
export function exportWatchlist(
  doc: WatchlistDocument,
  format: WatchlistExportFormat,
  exportedAt?: string,
): WatchlistExportFile {
  const fileName = exportFileName(doc.name, format);
  switch (format) {
    case 'tradingview': {
      const { text, warnings } = toTradingViewText(doc);
      return { fileName, mimeType: 'text/plain;charset=utf-8', content: text, warnings };
    }
    case 'csv':
      return { fileName, mimeType: 'text/csv;charset=utf-8', content: toCsvText(doc), warnings: [] };
    case 'json':
      return { fileName, mimeType: 'application/json', content: toCatalystJson(doc, exportedAt), warnings: [] };
  }
}
