import type { researchChannels } from '../../../shared/contract/research';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** The user's events, compare at an event, the event study: the router has already validated the input. */
export function researchHandlers(s: Services): FeatureHandlers<typeof researchChannels> {
  return {
    'events.add': (q) => s.userEvents.add(q),
    'events.edit': (q) => s.userEvents.edit(q),
    'events.delete': (q) => s.userEvents.delete(q.id),
    'events.setHidden': (q) => s.userEvents.setHidden(q.id, q.hidden),
    'events.importPreview': (q) => s.userEvents.previewImport(q.text, q.studyId ?? null),
    'events.importConfirm': (q) => s.userEvents.confirmImport(q.text, q.studyId ?? null),
    'events.exportCsv': (q) => s.userEvents.exportCsv(q?.studyId),
    'compare.series': (q) => s.compare.compare(q),
    'eventStudy.run': (q) => s.eventStudy.run(q),
    'claims.whatIf': (q) => s.claims.whatIf(q.studyId, q.claimId, q.metric),
    'studies.setBenchmark': (q) => s.eventStudy.setBenchmark(q.studyId, q.benchmark),
    'studies.setWindows': (q) => s.eventStudy.setWindows(q.studyId, q.windows),
  };
}
