import { base64ToBytes } from '../../../../shared/base64';
import type { PageSize } from '../../../../shared/contract/export';
import { reportHtml, type ReportImage } from '../../../../shared/domain/report/study-report';
import { safeFileStem } from '../../../../shared/domain/file-name';
import { api } from '../../api/client';

/** Where a report being made stands, for the progress line. */
export type ReportStep = 'reading' | 'measuring' | 'charts' | 'printing' | 'saving';

export interface ReportJob {
  readonly studyId: string;
  readonly eventId?: string;
  readonly pageSize: PageSize;
  /** The annotated chart pictures to put in the report (may be none). */
  readonly images: () => Promise<readonly ReportImage[]>;
  readonly onStep: (step: ReportStep) => void;
  /** Set when the user cancels: the job stops at its next step and saves nothing. */
  readonly signal: AbortSignal;
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new DOMException('The report was cancelled', 'AbortError');
}

/**
 * Makes the study's PDF report: reads the study and its evaluated claims, runs the event study
 * of the report's scope and each claim's sensitivity strip, takes the chart
 * pictures, builds the report page (the same HTML as `catalyst report`, with charts) and has
 * main print it with Chromium. Returns the file name and the PDF; saves nothing itself.
 */
export async function makeReportPdf(job: ReportJob): Promise<{ fileName: string; pdf: Blob }> {
  job.onStep('reading');
  const [study, claims] = await Promise.all([
    api.studies.get({ id: job.studyId }),
    api.claims.evaluate({ studyId: job.studyId }),
  ]);
  checkCancelled(job.signal);
  job.onStep('measuring');
  const hasSubjects = study.universe.some((u) => u.role === 'subject');
  const [eventStudy, strips] = await Promise.all([
    study.events.length && hasSubjects
      ? api.eventStudy.run(job.eventId ? { eventId: job.eventId } : { studyId: job.studyId })
      : Promise.resolve(null),
    Promise.all(claims.map((c) => api.claims.whatIf({ studyId: job.studyId, claimId: c.id }))),
  ]);
  const sensitivity = Object.fromEntries(claims.map((c, i) => [c.id, strips[i]!.sensitivity]));
  checkCancelled(job.signal);
  job.onStep('charts');
  const images = await job.images();
  checkCancelled(job.signal);
  job.onStep('printing');
  const html = reportHtml({
    study,
    claims,
    eventId: job.eventId,
    generatedOn: new Date().toISOString().slice(0, 10),
    images,
    pageSize: job.pageSize,
    eventStudy,
    sensitivity,
    noChartsNote: 'No chart was on screen when the report was made.',
  });
  const printed = await api.export.pdf({ html, pageSize: job.pageSize });
  checkCancelled(job.signal);
  job.onStep('saving');
  const bytes = base64ToBytes(printed.bytesBase64);
  const stem = safeFileStem(`${study.title}${job.eventId ? ` — ${job.eventId}` : ''} report`, 'report');
  return { fileName: `${stem}.pdf`, pdf: new Blob([bytes], { type: 'application/pdf' }) };
}

/** Saves bytes through the browser's download (in the app, Electron asks where with the native save dialog). */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
