import type { ClaimDefinition } from '../../../shared/domain/claims';
import type { RowOrigin, StudyEvent } from '../../../shared/domain/study-event';
import { eventFromFile, sourceFromFile, type StudyFile } from '../../../shared/domain/study';
import type { StudyImportWrite } from '../../../shared/domain/study-transfer/import-plan';
import type { ClaimsRepository } from '../../db/repositories/claims-repository';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';

export interface StudyWriterDeps {
  readonly studies: StudyRepository;
  readonly events: EventsRepository;
  readonly claims: ClaimsRepository;
}

/** What one write did; every count is of rows written or removed. */
export interface StudyWriteReport {
  /** Rows of the study itself and its universe written or removed. */
  readonly studyRows: number;
  readonly events: { readonly inserted: number; readonly removed: number; readonly skipped: readonly string[] };
  readonly claims: { readonly inserted: number; readonly removed: number; readonly skipped: readonly string[] };
}

/** What {@link StudyWriter.add} wrote. */
export interface StudyAddReport {
  /** Rows of the study itself and its universe written or removed. */
  readonly studyRows: number;
  readonly events: number;
  readonly claims: number;
}

/**
 * The one writer of study rows: the study row, its universe, its events and its claims. Seeding
 * replaces the embedded study's own rows with {@link write} (origin `seed`); a study file the
 * user imports, creates or saves from an article is added with {@link add} (origin `user`) from
 * the plan `planStudyImport` made. It runs inside the caller's transaction and never opens one.
 *
 * Invariants of {@link write}:
 * - The study's rows of `origin` are replaced as a whole: events and claims of that origin
 *   no longer in the file are removed.
 * - Rows of the other origin are never touched: an event id another row already owns (a user
 *   event, another study's event) is skipped, and so is a claim id the study already holds
 *   from the other origin. Skipped ids are reported.
 * - Events and claims keep the file's order (`position`).
 */
export class StudyWriter {
  private readonly deps: StudyWriterDeps;
  constructor(deps: StudyWriterDeps) {
    this.deps = deps;
  }

  write(study: StudyFile, origin: RowOrigin, options: { readonly position?: number } = {}): StudyWriteReport {
    const { studies, events, claims } = this.deps;
    let studyRows = studies.write({
      id: study.id,
      origin,
      revision: study.revision,
      title: study.title,
      description: study.description,
      source: sourceFromFile(study.source),
      position: options.position ?? 0,
    })
      ? 1
      : 0;
    studyRows += studies.replaceUniverse(
      study.id,
      study.universe.map((u) => ({ symbol: u.symbol, role: u.role, note: u.note ?? null })),
    );

    const evRemoved = events.deleteStudyEvents(study.id, origin);
    const evSkipped: string[] = [];
    let evInserted = 0;
    study.events.forEach((e, i) => {
      if (events.owner(e.id)) {
        evSkipped.push(e.id);
        return;
      }
      this.insertEvent(eventFromFile(e, study.id, origin), i);
      evInserted += 1;
    });

    const clRemoved = claims.deleteStudyClaims(study.id, origin);
    const held = claims.claimIds(study.id);
    const clSkipped: string[] = [];
    let clInserted = 0;
    study.claims.forEach((c, i) => {
      if (held.has(c.id)) {
        clSkipped.push(c.id);
        return;
      }
      this.insertClaim(
        {
          id: c.id,
          studyId: study.id,
          origin,
          text: c.text,
          quote: c.quote,
          symbols: c.symbols,
          metric: c.metric,
          note: c.note ?? null,
        },
        i,
      );
      clInserted += 1;
    });
    return {
      studyRows,
      events: { inserted: evInserted, removed: evRemoved, skipped: evSkipped },
      claims: { inserted: clInserted, removed: clRemoved, skipped: clSkipped },
    };
  }

  /**
   * Adds what an import plan says to write, as rows of `origin` (default `user`), removing
   * nothing: the study row when the plan creates one, the universe when the plan gives the
   * whole new one, then its events and claims after those the study already holds (their
   * `position` continues the study's order). The plan has already made every id free (see
   * `planStudyImport`); a taken id fails the insert, and the caller's transaction rolls back.
   */
  add(plan: StudyImportWrite, origin: RowOrigin = 'user'): StudyAddReport {
    const { studies, events, claims } = this.deps;
    let studyRows = 0;
    if (plan.study) studyRows += studies.write({ ...plan.study, origin, position: 0 }) ? 1 : 0;
    if (plan.universe) studyRows += studies.replaceUniverse(plan.studyId, plan.universe);
    const eventBase = plan.study ? 0 : events.list({ studyId: plan.studyId }).length;
    plan.events.forEach((e, i) => this.insertEvent({ ...e, studyId: plan.studyId, origin }, eventBase + i));
    const claimBase = plan.study ? 0 : claims.list(plan.studyId).length;
    plan.claims.forEach((c, i) => this.insertClaim({ ...c, studyId: plan.studyId, origin }, claimBase + i));
    return { studyRows, events: plan.events.length, claims: plan.claims.length };
  }

  private insertEvent(e: StudyEvent, position: number): void {
    this.deps.events.insert(e, position);
  }

  private insertClaim(c: ClaimDefinition, position: number): void {
    this.deps.claims.insert(c, position);
  }
}
