import { pageOf, resolvePage } from '../../../shared/contract/page';
import { MAX_EVENTS_PAGE, MAX_STUDIES_PAGE, type studyChannels } from '../../../shared/contract/study';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Studies, events and claims, one line each: the router has already validated the input. */
export function studyHandlers(s: Services): FeatureHandlers<typeof studyChannels> {
  return {
    'studies.list': (q) => pageOf(s.study.listStudies(), resolvePage(q, MAX_STUDIES_PAGE)),
    'studies.get': (q) => s.study.getStudy(q.id),
    'events.list': (q) => s.study.listEvents({ ...q, ...resolvePage(q, MAX_EVENTS_PAGE) }),
    'events.t0': (q) => s.study.eventT0(q.eventId, q.symbol),
    'claims.evaluate': (q) => s.claims.evaluate(q?.studyId),
  };
}
