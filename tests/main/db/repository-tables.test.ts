import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations/index';

/**
 * Each table's SQL lives in one repository (docs/architecture.md): another repository, a
 * service or an entry point that needs its rows calls that repository. Read from the source:
 * every table a repository names after FROM, JOIN, INTO, UPDATE or TABLE must be its own.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const REPOSITORIES = join(ROOT, 'src/main/db/repositories');

const OWNER: Record<string, readonly string[]> = {
  'bars-repository.ts': ['bars', 'bar_summary'],
  'claims-repository.ts': ['claims'],
  'events-repository.ts': ['events', 'event_symbols', 'hidden_events'],
  'instruments-repository.ts': ['instruments'],
  'study-repository.ts': ['studies', 'study_instruments'],
  'study-seed-repository.ts': ['seeded_instruments'],
  'study-settings-repository.ts': ['study_settings'],
  'sync-repository.ts': ['sync_coverage', 'sync_settings', 'provider_events'],
  'watchlists-repository.ts': ['watchlists', 'watchlist_items'],
};
/** Table-valued functions, not tables. */
const FUNCTIONS = new Set(['json_each', 'json_tree', 'pragma_table_info']);

/** Code without comments (SQL keywords in prose must not count). */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Tables named in a file's SQL: the lower-case word after an upper-case FROM/JOIN/INTO/UPDATE/TABLE. */
function tablesIn(source: string): Set<string> {
  const out = new Set<string>();
  for (const m of source.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)\b/g)) {
    if (!FUNCTIONS.has(m[1]!)) out.add(m[1]!);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('each table has one repository', () => {
  const owned = new Map<string, string>();
  for (const [file, tables] of Object.entries(OWNER)) for (const t of tables) owned.set(t, file);

  it('the ownership map covers every table of the schema once', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, migrations);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    db.close();
    // A table a newer migration adds may still lack a repository entry here; every mapped one must exist.
    for (const t of owned.keys()) expect(tables, `${t} (mapped to ${owned.get(t)}) is not in the schema`).toContain(t);
  });

  it('no repository runs SQL on another repository’s table', () => {
    const offences: string[] = [];
    for (const file of readdirSync(REPOSITORIES).filter((f) => f.endsWith('.ts'))) {
      for (const table of tablesIn(code(join(REPOSITORIES, file)))) {
        const owner = owned.get(table);
        // A new repository's own new tables are fine; tables another one owns are not.
        if (owner && owner !== file) offences.push(`${file} names ${table} (owned by ${owner})`);
        if (!owner && file in OWNER) offences.push(`${file} names ${table}, which no repository owns`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('no SQL outside src/main/db (services, the CLI, the sync engine call repositories)', () => {
    const offences = filesUnder(join(ROOT, 'src/main'))
      .filter((p) => !p.startsWith(join(ROOT, 'src/main/db')))
      .filter((p) => /\b(?:SELECT\s+[\w*]|INSERT\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|CREATE\s+TABLE)\b/.test(code(p)))
      .map((p) => relative(ROOT, p));
    expect(offences).toEqual([]);
  });

  it('finds a table in SQL and ignores prose (the check itself)', () => {
    expect([
      ...tablesIn(
        'db.prepare(`SELECT x FROM bars b JOIN bar_summary s ON 1 WHERE y IN (SELECT value FROM json_each(?))`)',
      ),
    ]).toEqual(['bars', 'bar_summary']);
    expect([...tablesIn("throw new Error('copied from the cache')")]).toEqual([]);
    expect([...tablesIn('`INSERT INTO claims (id) VALUES (?) ON CONFLICT(id) DO UPDATE SET id = 1`')]).toEqual([
      'claims',
    ]);
  });
});
