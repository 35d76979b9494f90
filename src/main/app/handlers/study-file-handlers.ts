import type { studyFileChannels } from '../../../shared/contract/study-files';
import type { Services } from '../create-core';
import type { FeatureHandlers } from './feature-handlers';

/** Study files and new studies; the router has already validated the input. */
export function studyFileHandlers(s: Services): FeatureHandlers<typeof studyFileChannels> {
  return {
    'studies.export': (q) => s.studyFiles.exportStudy(q.id),
    'studies.previewImport': (q) => s.studyFiles.preview(q.text, { mode: q.mode, choices: q.choices }),
    'studies.import': (q) => s.studyFiles.import(q.text, { mode: q.mode, choices: q.choices }),
    'studies.create': (q) => s.studyFiles.create(q),
  };
}
