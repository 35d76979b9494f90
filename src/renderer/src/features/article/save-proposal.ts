import { proposalToStudyFile } from '../../../../shared/domain/article/to-study-file';
import { api } from '../../api/client';
import type { SavedStudy } from './article-dialog';
import type { Proposal } from './proposal-edit';

/**
 * Saves a confirmed proposal through the study import path (`studies.import`, copy mode: an
 * existing study with the same id is never overwritten), then reads the stored study back to
 * tell which of its symbols have no cached prices yet. There is no second writer: the import
 * writes through the one StudyWriter.
 */
export async function saveProposal(proposal: Proposal, title: string): Promise<SavedStudy> {
  const { file, left } = proposalToStudyFile(proposal, { title });
  const result = await api.studies.import({
    text: JSON.stringify(file),
    fileName: `${file.id}.catalyst.json`,
    mode: 'copy',
  });
  if (!result.study) throw new Error('The study was not saved.');
  const detail = await api.studies.get({ id: result.study.id });
  const uncached = detail.universe.filter((u) => u.lastDate === null).map((u) => u.symbol);
  return { studyId: detail.id, title: detail.title, uncached, left };
}
