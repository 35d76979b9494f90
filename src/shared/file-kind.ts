/*
 * What kind of file the user handed the app (dropped on the window, opened from the OS or
 * the File menu), from its name and the first lines of its text. Pure: the renderer routes
 * each kind to its preview (src/renderer/src/app/file-open.ts); nothing here reads a disk.
 *
 * Anything not recognised is a watchlist: the watchlist preview is the most forgiving
 * reader and says precisely why a file is refused (an image, a workbook, no symbol column).
 */

import { decodeWatchlistBytes } from './domain/watchlist/decode';
import { formatBytes } from './format';
import { MAX_WATCHLIST_FILE_BYTES } from './domain/watchlist/model';
import { MAX_STUDY_FILE_CHARS } from './contract/study-files';
import { STUDY_FILE_EXTENSION } from './domain/study-transfer/to-file';
import { STUDY_FORMAT } from './domain/study';
import { looksLikeBarsCsv, MAX_BARS_CSV_BYTES } from './domain/bars-import';
import { MAX_ARTICLE_CHARS } from './domain/article/read-text';

/** The kinds of file the app knows, in the order they are tried. */
export const fileKinds = ['study', 'watchlist', 'bars-csv', 'events-csv', 'article'] as const;
export type FileKind = (typeof fileKinds)[number];

/** How many bytes of a file the detection needs (its header line and a few rows). */
export const FILE_HEAD_BYTES = 4096;

/** The largest file of each kind the app reads whole (a watchlist's own limit; price and event files are larger). */
export const maxFileBytes: Readonly<Record<FileKind, number>> = {
  study: MAX_STUDY_FILE_CHARS,
  watchlist: MAX_WATCHLIST_FILE_BYTES,
  'bars-csv': MAX_BARS_CSV_BYTES,
  'events-csv': 8 * 1024 * 1024,
  // A saved web page carries markup around the article's text: four times the text limit.
  article: 4 * MAX_ARTICLE_CHARS,
};

/** Why a file is refused before it is read: it is larger than its kind's limit. */
export function fileTooLargeMessage(fileName: string, kind: FileKind, size: number): string {
  const limit = maxFileBytes[kind];
  const why = `the file is ${formatBytes(size)}; the limit is ${formatBytes(limit)}. Nothing was imported.`;
  return kind === 'watchlist'
    ? `Cannot import ${fileName}: ${why}`
    : `Cannot open ${fileName} (${fileKindLabels[kind]}): ${why}`;
}

/** How users call each kind, for messages ("… looks like a price CSV"). */
export const fileKindLabels: Readonly<Record<FileKind, string>> = {
  study: 'a Catalyst study file',
  watchlist: 'a watchlist',
  'bars-csv': 'a price history CSV (daily bars)',
  'events-csv': 'an events CSV',
  article: 'an article (text, Markdown or a web page)',
};

const DATE_COLUMNS = new Set(['date', 'datetime', 'timestamp', 'day', 'time', 'date (utc)', 'trade date']);
const SYMBOL_COLUMNS = new Set(['symbol', 'ticker', 'code', 'tickers', 'symbols']);
const EVENT_COLUMNS = new Set(['title', 'event', 'headline', 'catalyst']);

function headerCells(line: string): string[] {
  const sep = [',', ';', '\t'].reduce((best, s) => (line.split(s).length > line.split(best).length ? s : best), ',');
  return line.split(sep).map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

const ARTICLE_EXTENSIONS = ['.html', '.htm', '.md', '.markdown'];

/**
 * Whether text reads as prose (an article) rather than a list of symbols: at least 40 lowercase
 * words and two sentence ends. A watchlist's comments and notes stay far below that.
 */
export function looksLikeProse(text: string): boolean {
  const words = text.match(/\b[a-z]{3,}\b/g)?.length ?? 0;
  const sentences = text.match(/[a-z]{2,}[.!?]["”’)]?\s+["“‘(]?[A-Z]/g)?.length ?? 0;
  return words >= 40 && sentences >= 2;
}

/**
 * The kind of a file from its name and the start of its text (`head`, already decoded; null
 * when it is not text). Rules, first match wins:
 * - `*.catalyst.json`, or JSON whose `"format"` is `catalyst-study` → study;
 * - JSON of another format → watchlist (Catalyst JSON watchlists; the reader explains others);
 * - a header line with a date column and a title/event column → events CSV (its symbols column too);
 * - a header line with a date column and a close/price column, and no symbol column → bars CSV;
 * - `*.html`, `*.htm`, `*.md`, `*.markdown`, text starting with `<` (a web page), or prose
 *   ({@link looksLikeProse}: a `.txt` story) → article;
 * - anything else → watchlist.
 */
export function detectFileKind(fileName: string, head: string | null): FileKind {
  const name = fileName.trim().toLowerCase();
  if (name.endsWith(STUDY_FILE_EXTENSION)) return 'study';
  if (ARTICLE_EXTENSIONS.some((x) => name.endsWith(x))) return 'article';
  if (head === null) return 'watchlist';
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype html|html|head|body|article|p|h1)\b/i.test(text)) return 'article';
  if (text.startsWith('{') || text.startsWith('[')) {
    const format = /"format"\s*:\s*"([^"]*)"/.exec(text)?.[1];
    return format === STUDY_FORMAT ? 'study' : 'watchlist';
  }
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  const cells = headerCells(firstLine);
  const hasDate = cells.some((c) => DATE_COLUMNS.has(c));
  if (hasDate && cells.some((c) => EVENT_COLUMNS.has(c))) return 'events-csv';
  if (cells.some((c) => SYMBOL_COLUMNS.has(c))) return 'watchlist';
  if (looksLikeBarsCsv(firstLine)) return 'bars-csv';
  if (looksLikeProse(text)) return 'article';
  return 'watchlist';
}

/**
 * The start of a file as text for {@link detectFileKind}, or null when it is not text the app
 * reads (an image, a workbook). `head` is the file's first {@link FILE_HEAD_BYTES} bytes (or
 * all of it); a character cut at the end is dropped with the partial last line.
 */
export function headText(head: Uint8Array): string | null {
  const lastLf = head.lastIndexOf(0x0a);
  // UTF-8 and UTF-16 BE end a line at the LF byte, UTF-16 LE one byte later.
  const candidates = lastLf > 0 ? [head.subarray(0, lastLf + 1), head.subarray(0, lastLf + 2), head] : [head];
  for (const bytes of candidates) {
    const decoded = decodeWatchlistBytes(bytes.length % 2 && isUtf16(bytes) ? bytes.subarray(0, -1) : bytes);
    if (decoded.ok) return decoded.text;
  }
  return null;
}

const isUtf16 = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/** The kind of a file from its name and its first bytes. */
export function detectFileKindOfBytes(fileName: string, head: Uint8Array): FileKind {
  return detectFileKind(fileName, headText(head.subarray(0, FILE_HEAD_BYTES)));
}

/** One of the File menu's ways to open a file (File ▸ Open…, the imports, New Study from Article…). */
export interface OpenChoice {
  /** The picker's title. */
  readonly title: string;
  /** The file types the picker offers first (a native dialog also offers all files). */
  readonly filter: { readonly name: string; readonly extensions: readonly string[] };
  /**
   * The kind the user chose: the file goes to that kind's preview whatever it looks like (the
   * preview says why a file does not fit). `null`: the kind is detected, as for a dropped file.
   */
  readonly kind: FileKind | null;
}

/**
 * The File menu's open choices, declared once: the native dialogs of the desktop app
 * (src/main/shell/open-dialog.ts) and the browser's file picker of `npm run web`
 * (src/renderer/src/app/file-open.ts) both offer these types and route by this kind.
 */
export const openChoices = {
  any: {
    title: 'Open',
    filter: { name: 'Catalyst files', extensions: ['json', 'txt', 'csv', 'tsv', 'md', 'html', 'htm'] },
    kind: null,
  },
  watchlist: {
    title: 'Import Watchlist',
    filter: { name: 'Watchlists', extensions: ['txt', 'csv', 'tsv', 'json'] },
    kind: 'watchlist',
  },
  prices: {
    title: 'Import Prices CSV',
    filter: { name: 'Daily prices', extensions: ['csv', 'txt'] },
    kind: 'bars-csv',
  },
  study: { title: 'Import Study', filter: { name: 'Catalyst studies', extensions: ['json'] }, kind: 'study' },
  article: {
    title: 'New Study from Article',
    filter: { name: 'Articles', extensions: ['txt', 'md', 'html', 'htm'] },
    kind: 'article',
  },
} as const satisfies Record<string, OpenChoice>;

/** Which of the File menu's open choices: what File ▸ Open… and the imports ask for. */
export type OpenKind = keyof typeof openChoices;
