import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations/index';
import type { Migration } from '../../../src/main/db/migrations/types';

/**
 * The schema guard: a released migration is never edited (users' databases already ran it).
 * `schema-guard.snapshot.json` records, per migration, a hash of its file and the schema the database
 * has after it. A new migration is recorded once with CATALYST_RECORD_MIGRATIONS=1; a
 * recorded one never changes (the recorder refuses), so an edit fails here, in review.
 */
const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../src/main/db/migrations');
const RECORD = join(import.meta.dirname, 'schema-guard.snapshot.json');

interface Recorded {
  readonly name: string;
  /** sha256 of the migration file with runs of whitespace collapsed (formatting-proof, not edit-proof). */
  readonly source: string;
  /** `sqlite_master` after this migration: every table, index, trigger and view, sorted. */
  readonly schema: readonly string[];
}

function fileOf(version: number): string {
  const prefix = String(version).padStart(3, '0');
  const file = readdirSync(MIGRATIONS_DIR).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.ts'));
  if (!file) throw new Error(`no file for migration ${prefix} in src/main/db/migrations`);
  return join(MIGRATIONS_DIR, file);
}

function sourceHash(version: number): string {
  const text = readFileSync(fileOf(version), 'utf8').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(text).digest('hex');
}

/** Schema after each migration, from an empty in-memory database. */
function schemasByVersion(list: readonly Migration[] = migrations): string[][] {
  const db = new BetterSqlite3(':memory:');
  try {
    return list.map((_m, i) => {
      migrate(db, list.slice(0, i + 1));
      return (
        db
          .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")
          .pluck()
          .all() as string[]
      )
        .map((sql) => sql.replace(/\s+/g, ' ').trim())
        .sort();
    });
  } finally {
    db.close();
  }
}

function current(): Record<string, Recorded> {
  const schemas = schemasByVersion();
  return Object.fromEntries(
    migrations.map((m, i) => [
      String(m.version),
      { name: m.name, source: sourceHash(m.version), schema: schemas[i]! } satisfies Recorded,
    ]),
  );
}

const recorded = (): Record<string, Recorded> =>
  existsSync(RECORD) ? (JSON.parse(readFileSync(RECORD, 'utf8')) as Record<string, Recorded>) : {};

describe('schema guard: released migrations are never edited', () => {
  it('every recorded migration still has its file and its schema', () => {
    const now = current();
    for (const [version, was] of Object.entries(recorded())) {
      const is = now[version];
      expect(is, `migration ${version} (${was.name}) was released and is gone: never remove one`).toBeDefined();
      expect(
        is!.source,
        `migration ${version} (${was.name}) was released: do not edit it, add a new numbered migration instead`,
      ).toBe(was.source);
      expect(is!.schema, `the schema after migration ${version} (${was.name}) changed`).toEqual(was.schema);
    }
  });

  it('every migration is recorded (a new one: run with CATALYST_RECORD_MIGRATIONS=1 once and commit the file)', () => {
    const was = recorded();
    const now = current();
    const added = Object.keys(now).filter((v) => !(v in was));
    if (added.length && process.env.CATALYST_RECORD_MIGRATIONS === '1') {
      // Only new versions are added; a recorded one is kept as it was (the other test fails on an edit).
      const next = { ...was, ...Object.fromEntries(added.map((v) => [v, now[v]!])) };
      writeFileSync(RECORD, `${JSON.stringify(next, null, 2)}\n`);
      return;
    }
    expect(
      added,
      'new migrations are not recorded in tests/main/db/schema-guard.snapshot.json: ' +
        'CATALYST_RECORD_MIGRATIONS=1 npx vitest run --config vitest.config.mts tests/main/db/schema-guard.test.ts',
    ).toEqual([]);
  });

  it('notices an edited migration (the guard itself)', () => {
    const first = migrations[0]!;
    const edited: Migration = {
      ...first,
      up(db) {
        first.up(db);
        db.exec('ALTER TABLE instruments ADD COLUMN sector TEXT');
      },
    };
    const schemas = schemasByVersion([edited, ...migrations.slice(1)]);
    expect(schemas[0]).not.toEqual(recorded()['1']!.schema);
    expect(schemas[0]!.some((sql) => sql.includes('sector TEXT'))).toBe(true);
  });
});
