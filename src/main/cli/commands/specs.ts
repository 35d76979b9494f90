import { KEEP_DAILY, KEEP_MANUAL, KEEP_WEEKLY } from '../../db/backup-policy';
import type { CommandSpec } from '../command';

/*
 * What `catalyst --help` and the argument parser need of every command: its name, summary,
 * usage and options, without its implementation. The implementations (./bars.ts …) import
 * the services and are loaded with a dynamic import only when their command runs (./index.ts).
 */

/** The options `events add` and `events edit` share. */
const EVENT_OPTIONS = {
  date: { type: 'string' },
  time: { type: 'string' },
  timezone: { type: 'string' },
  title: { type: 'string' },
  category: { type: 'string' },
  symbols: { type: 'string' },
  note: { type: 'string' },
  url: { type: 'string' },
  window: { type: 'string' },
  study: { type: 'string' },
} as const;

const EVENT_USAGE =
  '--date YYYY-MM-DD [--time HH:MM --timezone ZONE] --title T --category C --symbols A,B [--note N] [--url U] [--window YYYY-MM-DD:YYYY-MM-DD]';

/** `catalyst bars SYMBOL [--from] [--to]`: cached daily bars, ascending. */
export const barsSpec: CommandSpec = {
  name: 'bars',
  summary: 'Print the cached daily bars of a symbol',
  usage: 'bars SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  options: { from: { type: 'string' }, to: { type: 'string' } },
};

/**
 * `catalyst claims [--study ID]`: the study's claims evaluated on the cache.
 * JSON: `[{id, text, quote, results: [{symbol, value, verdict, from, to, base, end, note, detail}]}]`
 * (documented in docs/cli.md); `value` is a fraction, 0.25 = +25%.
 */
export const claimsSpec: CommandSpec = {
  name: 'claims',
  summary: "Evaluate a study's claims on the cached prices (default: the embedded study)",
  usage: 'claims [--study ID]',
  options: { study: { type: 'string' } },
};

/**
 * `catalyst backup [--list]`: a manual backup of the database with SQLite's online backup API
 * (safe while the app or a sync writes), into `backups/` next to the database; `--list` lists
 * the backups instead. JSON: `{"file","takenAt","bytes","reason"}` (file name only), or an array.
 */
export const backupSpec: CommandSpec = {
  name: 'backup',
  summary: `Back up the database now (kept: the last ${KEEP_DAILY} days, ${KEEP_WEEKLY} weeks and ${KEEP_MANUAL} manual ones); --list lists the backups`,
  usage: 'backup [--list]',
  options: { list: { type: 'boolean', default: false } },
};

/**
 * `catalyst recover`: SQLite's full integrity check; a damaged database is moved aside and the
 * newest good backup restored, or, with none, the user's data salvaged into a fresh database.
 * JSON: `{"kind":"ok"}` or `{"kind":"restored"|"salvaged","problem","movedTo","message",…}`.
 */
export const recoverSpec: CommandSpec = {
  name: 'recover',
  summary: 'Check the database fully; if damaged, move it aside and restore the newest backup or salvage your data',
  usage: 'recover',
  options: {},
  prepare: false,
};

/**
 * `catalyst events [--study ID] [--symbol S] [--category C]`: a study's events, ascending.
 * JSON: `[{id, date, time, timezone, title, category, symbols, approximate, approxNote, t0,
 * source: {kind, quote, url}}]` (documented in docs/cli.md).
 */
export const eventsSpec: CommandSpec = {
  name: 'events',
  summary: "List a study's dated events with their T0 per symbol (default: the embedded study)",
  usage: 'events [--study ID] [--symbol SYMBOL] [--category ai|policy|market|corporate|macro|user]',
  options: { study: { type: 'string' }, symbol: { type: 'string' }, category: { type: 'string' } },
};

/**
 * `catalyst export csv bars SYMBOL [--from] [--to] | events [--study ID] | claims [--study ID]
 * | event-study [--study ID | --event ID] [--windows a:b,…] [--benchmark SYM]
 * | compare --symbols A,B --anchor EVENT_ID|DATE [--from] [--to]  [--bom] [--out FILE]`: a table
 * as RFC 4180 CSV (the `export.csv` channel). Without `--out` the CSV goes to stdout; with it,
 * JSON `{table, file, bytes, rows}`.
 */
export const exportCsvSpec: CommandSpec = {
  name: 'export csv',
  summary:
    'Export bars (a range or all), events, evaluated claims, an event study or a comparison as CSV (RFC 4180, formula-safe)',
  usage:
    'export csv bars SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD] | events [--study ID] | claims [--study ID] | event-study [--study ID | --event ID] [--windows -5:-1,0:5] [--benchmark SYMBOL] | compare --symbols A,B --anchor EVENT_ID|YYYY-MM-DD [--from] [--to] [--currency CCY] [--bom] [--out FILE]',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    study: { type: 'string' },
    event: { type: 'string' },
    windows: { type: 'string' },
    benchmark: { type: 'string' },
    symbols: { type: 'string' },
    anchor: { type: 'string' },
    currency: { type: 'string' },
    bom: { type: 'boolean' },
    out: { type: 'string' },
  },
};

/**
 * `catalyst import-bars FILE --symbol SYMBOL`: detect the download's format, validate every
 * row, then write all or nothing.
 */
export const importBarsSpec: CommandSpec = {
  name: 'import-bars',
  summary:
    'Import a daily-bars CSV (Yahoo, yfinance, Tiingo, Alpha Vantage, Stooq, investing.com, nasdaq.com, European, OHLCV) for one symbol',
  usage: 'import-bars FILE --symbol SYMBOL [--date-format MM/DD/YYYY|DD/MM/YYYY] [--keep-cached]',
  options: {
    symbol: { type: 'string' },
    'date-format': { type: 'string' },
    'keep-cached': { type: 'boolean' },
  },
};

/**
 * `catalyst report ID --format html|md [--event EVENT] [--page a4|letter] [--out FILE]`: the
 * study's report without chart images (no renderer here; the output says so).
 */
export const reportSpec: CommandSpec = {
  name: 'report',
  summary: "Write a study's report (cover, events, claims, provenance) as HTML or Markdown — charts need the app",
  usage: 'report ID --format html|md [--event EVENT_ID] [--page a4|letter] [--out FILE]',
  options: { format: { type: 'string' }, event: { type: 'string' }, page: { type: 'string' }, out: { type: 'string' } },
};

/**
 * `catalyst compare --symbols A,B --anchor EVENT_ID|YYYY-MM-DD [--from] [--to] [--currency CCY]`: each
 * symbol rebased to 100 at the anchor (in CCY when given). JSON: `[{symbol, anchorDate, points:
 * [{date, value}], missing}]`, plus `currency` and `convertedFrom` with `--currency`.
 */
export const compareSpec: CommandSpec = {
  name: 'compare',
  summary: "Several symbols rebased to 100 at an event's T0 (each on its own calendar) or a date",
  usage:
    'compare --symbols A,B[,...] --anchor EVENT_ID|YYYY-MM-DD [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--currency CCY]',
  options: {
    symbols: { type: 'string' },
    anchor: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    currency: { type: 'string' },
  },
};

/**
 * `catalyst study --event ID | --study ID [--symbols A,B] [--benchmark SYM] [--windows -5:-1,0:1]`:
 * the event study. Other `study …` subcommands (export, import, from-article) are their own
 * commands; this one takes no positional argument.
 */
export const studySpec: CommandSpec = {
  name: 'study',
  summary: 'Event study of one event (--event) or a whole study (--study): returns, abnormal returns, CAR, t',
  usage: 'study --event ID | --study ID [--symbols A,B] [--benchmark SYMBOL] [--windows -5:-1,0:1,0:5,0:20]',
  options: {
    event: { type: 'string' },
    study: { type: 'string' },
    symbols: { type: 'string' },
    benchmark: { type: 'string' },
    windows: { type: 'string' },
  },
};

/**
 * `catalyst seed`: imports the embedded study, its instruments and bars from the shipped
 * resources in one transaction. Idempotent: a second run writes nothing.
 */
export const seedSpec: CommandSpec = {
  name: 'seed',
  summary: 'Seed the embedded "China tech rally 2025" study, its instruments and bars (idempotent)',
  usage: 'seed',
  options: {},
};

/** `catalyst study export ID --out FILE`: a stored study as a `.catalyst.json` file. */
export const studyExportSpec: CommandSpec = {
  name: 'study export',
  summary: 'Export a study (source, universe, events including yours, claims) as a .catalyst.json file',
  usage: 'study export ID [--out FILE]',
  options: { out: { type: 'string' } },
};

/** `catalyst study import FILE [--merge] [--dry-run]`: preview, then import without overwriting anything. */
export const studyImportSpec: CommandSpec = {
  name: 'study import',
  summary:
    'Import a .catalyst.json study file (never overwrites yours: a differing study becomes a copy, or --merge adds only what is new)',
  usage: 'study import FILE [--merge] [--dry-run]',
  options: { merge: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
};

/** `catalyst study create --title T --source-title S [--author] [--url] --subjects A,B [--benchmarks C]`. */
export const studyCreateSpec: CommandSpec = {
  name: 'study create',
  summary: 'Create an empty study of your own: a title, its source and a universe of subjects and benchmarks',
  usage:
    'study create --title TEXT --source-title TEXT [--author TEXT] [--publication TEXT] [--url URL] [--published YYYY-MM-DD] --subjects A,B [--benchmarks C,D] [--id SLUG]',
  options: {
    title: { type: 'string' },
    id: { type: 'string' },
    'source-title': { type: 'string' },
    author: { type: 'string' },
    publication: { type: 'string' },
    url: { type: 'string' },
    published: { type: 'string' },
    subjects: { type: 'string' },
    benchmarks: { type: 'string' },
  },
};

/**
 * `catalyst study from-article FILE [--date YYYY-MM-DD] [--dry-run]`: reads an article (txt,
 * md, html) and prints the proposed study. JSON: the proposal
 * `{source, universe:[{symbol, words, role, …}], events:[{date, precision, quote, symbols,
 * category, …}], claims:[{quote, metric, symbols, checkable, reason, …}], warnings}` (docs/cli.md);
 * without `--dry-run` the study is saved through the study import path and `saved` is added.
 */
export const studyFromArticleSpec: CommandSpec = {
  name: 'study from-article',
  summary: 'Propose a study from an article (txt, md, html): source, tickers, dated events, claims',
  usage: 'study from-article FILE [--date YYYY-MM-DD] [--dry-run]',
  options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } },
};

/**
 * `catalyst sync`: updates cached prices from a public provider through the fetch worker.
 * Prints `{"results":[{symbol,status,added,error,…}],…}` with `--json`; exit 0 when every
 * symbol succeeded, 2 when some failed (offline included), 1 on bad input.
 */
export const syncSpec: CommandSpec = {
  name: 'sync',
  summary: 'Update cached daily prices from Yahoo Finance (or Tiingo / Twelve Data with a key)',
  usage:
    'sync [--symbols A,B,...] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--provider yahoo|tiingo|twelvedata] [--base-url URL] [--force]',
  options: {
    symbols: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    provider: { type: 'string' },
    'base-url': { type: 'string' },
    force: { type: 'boolean' },
  },
};

/** `catalyst events add …`: a new user event (printed with its id). */
export const eventsAddSpec: CommandSpec = {
  name: 'events add',
  summary: 'Add an event of your own (filed under --study, default none)',
  usage: `events add ${EVENT_USAGE} [--study ID]`,
  options: EVENT_OPTIONS,
};

/** `catalyst events edit ID …`: changes the given fields of a user event. */
export const eventsEditSpec: CommandSpec = {
  name: 'events edit',
  summary: 'Change fields of one of your events',
  usage: `events edit ID [${EVENT_USAGE.replace(/^--date/, '--date')}]`,
  options: EVENT_OPTIONS,
};

/** `catalyst events delete ID`. */
export const eventsDeleteSpec: CommandSpec = {
  name: 'events delete',
  summary: 'Delete one of your events',
  usage: 'events delete ID',
  options: {},
};

/** `catalyst events hide ID [--show]`. */
export const eventsHideSpec: CommandSpec = {
  name: 'events hide',
  summary: "Hide an event (e.g. a study's own) from the charts; --show shows it again",
  usage: 'events hide ID [--show]',
  options: { show: { type: 'boolean', default: false } },
};

/** `catalyst events import FILE [--dry-run] [--study ID]`. */
export const eventsImportSpec: CommandSpec = {
  name: 'events import',
  summary: 'Import events from CSV (date,time,timezone,title,category,symbols,note,url): all lines or none',
  usage: 'events import FILE [--dry-run] [--study ID]',
  options: { 'dry-run': { type: 'boolean', default: false }, study: { type: 'string' } },
};

/** `catalyst events export [--study ID] --out FILE`. */
export const eventsExportSpec: CommandSpec = {
  name: 'events export',
  summary: "Export events as CSV (a study's, else every event)",
  usage: 'events export [--study ID] --out FILE',
  options: { study: { type: 'string' }, out: { type: 'string' } },
};

/**
 * `catalyst watchlist import FILE [--name NAME] [--merge] [--dry-run]`. With `--json` prints
 * `{"name","format","items":[{"line","entry","input","symbol","section","status","error","duplicateOf","duplicateOfEntry"}],"imported","notices","ignoredColumns"}`.
 * Exit 0 when every line is valid, 2 when some lines are errors (the valid ones are imported),
 * 1 when the file is rejected, the name is taken, or the `--merge` target does not exist.
 */
export const watchlistImportSpec: CommandSpec = {
  name: 'watchlist import',
  summary: 'Import a TradingView, CSV, plain-text or Catalyst JSON watchlist (all valid lines in one transaction)',
  usage: 'watchlist import FILE [--name NAME] [--merge] [--dry-run]',
  options: {
    name: { type: 'string' },
    merge: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
  },
};

/** `catalyst watchlist export NAME --format tradingview|csv|json [--out FILE]`: prints the file, or writes it. */
export const watchlistExportSpec: CommandSpec = {
  name: 'watchlist export',
  summary: 'Export a watchlist as TradingView text, CSV (formula-safe) or Catalyst JSON (lossless)',
  usage: 'watchlist export NAME --format tradingview|csv|json [--out FILE]',
  options: { format: { type: 'string' }, out: { type: 'string' } },
};

/** `catalyst watchlist list`: every live list with its counts. */
export const watchlistListSpec: CommandSpec = {
  name: 'watchlist list',
  summary: 'List the watchlists',
  usage: 'watchlist list',
  options: {},
};

/**
 * `catalyst web`: the real app in a browser, without Electron. Serves the built renderer on
 * loopback with a per-run token and bridges `window.catalyst` to this process's router over a
 * WebSocket. Runs until interrupted (Ctrl+C).
 */
export const webSpec: CommandSpec = {
  name: 'web',
  summary: 'Serve the app to a browser on 127.0.0.1 with a per-run token (what `npm run web` runs)',
  usage: 'web [--port N] [--no-open]',
  options: { port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } },
};
