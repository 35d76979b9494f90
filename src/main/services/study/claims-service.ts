import type { Ticker } from '../../../shared/brand';
import { CatalystError } from '../../../shared/contract/errors';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import type { Bar } from '../../../shared/domain/bar';
import type { ClaimWhatIf } from '../../../shared/contract/research';
import { claimSensitivity, whatIfProblem } from '../../../shared/domain/claim-sensitivity';
import { evaluateClaim, type ClaimEvaluation, type ClaimInputs, type ClaimMetric } from '../../../shared/domain/claims';
import type { BarsRepository } from '../../db/repositories/bars-repository';
import type { ClaimsRepository } from '../../db/repositories/claims-repository';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { InstrumentsRepository } from '../../db/repositories/instruments-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';

export interface ClaimsServiceDeps {
  readonly studies: StudyRepository;
  readonly events: EventsRepository;
  readonly claims: ClaimsRepository;
  readonly instruments: InstrumentsRepository;
  readonly bars: BarsRepository;
}

/**
 * Evaluates a study's claims on whatever is cached now (seeded bars, or newer provider data
 * that replaced them). The maths is pure (src/shared/domain/claims.ts); this class only
 * gathers bars, zones and events.
 */
export class ClaimsService {
  private readonly deps: ClaimsServiceDeps;
  constructor(deps: ClaimsServiceDeps) {
    this.deps = deps;
  }

  /** Every claim of the study (default: the embedded one) with one result per symbol; not-found for an unknown study. */
  evaluate(studyId: string = EMBEDDED_STUDY_ID): ClaimEvaluation[] {
    const inputs = this.inputs(studyId);
    return this.deps.claims.list(studyId).map((c) => evaluateClaim(c, inputs));
  }

  /**
   * A what-if on one claim: evaluated with `metric` in place of the study's own (its kind must
   * stay the same; omitted: the study's), and its sensitivity strip over every admissible as-of
   * date. The stored claim is never changed.
   */
  whatIf(studyId: string, claimId: string, metric?: ClaimMetric): ClaimWhatIf {
    const inputs = this.inputs(studyId);
    const claim = this.deps.claims.list(studyId).find((c) => c.id === claimId);
    if (!claim) throw new CatalystError('not-found', `no claim "${claimId}" in study "${studyId}"`);
    if (metric && metric.kind !== claim.metric.kind)
      throw new CatalystError('invalid-input', `a what-if keeps the claim's metric kind (${claim.metric.kind})`);
    const problem = metric ? whatIfProblem(metric) : null;
    if (problem) throw new CatalystError('invalid-input', problem);
    const tried = metric ? { ...claim, metric } : claim;
    return {
      evaluation: evaluateClaim(tried, inputs),
      sensitivity: claimSensitivity(tried, inputs),
      defaults: claim.metric,
    };
  }

  private inputs(studyId: string): ClaimInputs {
    if (!this.deps.studies.stored(studyId)) throw new CatalystError('not-found', `no study "${studyId}"`);
    const bars = new Map<string, readonly Bar[]>();
    const events = new Map(this.deps.events.list({ studyId }).map((e) => [e.id, e]));
    return {
      bars: (s: Ticker): readonly Bar[] => {
        if (!bars.has(s)) bars.set(s, this.deps.bars.range(s));
        return bars.get(s)!;
      },
      timezone: (s: Ticker): string | null => this.deps.instruments.get(s)?.timezone ?? null,
      event: (id: string) => events.get(id) ?? null,
    };
  }
}
