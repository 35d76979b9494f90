import type { Database, Statement } from 'better-sqlite3';
import { asTicker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { claimMetricSchema, type ClaimDefinition } from '../../../shared/domain/claims';
import type { RowOrigin } from '../../../shared/domain/study-event';

interface ClaimRow {
  study_id: string;
  id: string;
  origin: RowOrigin;
  text: string;
  quote: string;
  symbols_json: string;
  metric_json: string;
  note: string | null;
}

function toClaim(r: ClaimRow): ClaimDefinition {
  // The metric was validated when written; parsing again keeps a hand-edited database from
  // feeding the evaluator a shape it does not know.
  const metric = claimMetricSchema.safeParse(JSON.parse(r.metric_json));
  if (!metric.success)
    throw new CatalystError('internal', `claim "${r.id}" of study "${r.study_id}" has an unreadable metric`);
  return {
    id: r.id,
    studyId: r.study_id,
    origin: r.origin,
    text: r.text,
    quote: r.quote,
    symbols: (JSON.parse(r.symbols_json) as string[]).map(asTicker),
    metric: metric.data,
    note: r.note,
  };
}

/** All SQL on `claims`. */
export class ClaimsRepository {
  private readonly db: Database;
  // The reads of every study list and study switch, prepared once.
  private readonly countStmt: Statement<[], { study_id: string; n: number }>;
  private readonly listStmt: Statement<[string], ClaimRow>;
  constructor(db: Database) {
    this.db = db;
    this.countStmt = db.prepare('SELECT study_id, count(*) AS n FROM claims GROUP BY study_id');
    this.listStmt = db.prepare(
      'SELECT study_id, id, origin, text, quote, symbols_json, metric_json, note FROM claims WHERE study_id = ? ORDER BY position, id',
    );
  }

  /** How many claims each study has (studies without claims absent). */
  countByStudy(): Map<string, number> {
    return new Map(this.countStmt.all().map((r) => [r.study_id, r.n]));
  }

  /** The claims of a study in their stored order. */
  list(studyId: string): ClaimDefinition[] {
    return this.listStmt.all(studyId).map(toClaim);
  }

  /** Ids of a study's claims (of any origin). */
  claimIds(studyId: string): Set<string> {
    return new Set(
      this.db
        .prepare<[string], { id: string }>('SELECT id FROM claims WHERE study_id = ?')
        .all(studyId)
        .map((r) => r.id),
    );
  }

  insert(c: ClaimDefinition, position: number): number {
    return this.db
      .prepare(
        `INSERT INTO claims (study_id, id, origin, position, text, quote, symbols_json, metric_json, note)
         VALUES (@study_id, @id, @origin, @position, @text, @quote, @symbols_json, @metric_json, @note)`,
      )
      .run({
        study_id: c.studyId,
        id: c.id,
        origin: c.origin,
        position,
        text: c.text,
        quote: c.quote,
        symbols_json: JSON.stringify(c.symbols),
        metric_json: JSON.stringify(c.metric),
        note: c.note,
      }).changes;
  }

  /** Removes a study's claims of one origin; returns how many. */
  deleteStudyClaims(studyId: string, origin: RowOrigin): number {
    return this.db.prepare('DELETE FROM claims WHERE study_id = ? AND origin = ?').run(studyId, origin).changes;
  }
}
