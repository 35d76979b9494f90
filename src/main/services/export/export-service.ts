import type { IsoDate, Ticker } from '../../../shared/brand';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import type { CsvExportInput, ExportedFile, PageSize, PrintedPdf } from '../../../shared/contract/export';
import type { EventStudyInput } from '../../../shared/contract/research';
import type { Bar } from '../../../shared/domain/bar';
import type { ClaimEvaluation } from '../../../shared/domain/claims';
import { toCsv } from '../../../shared/domain/csv/csv-cells';
import {
  barsTable,
  claimsTable,
  compareTable,
  eventStudyTable,
  eventsTable,
  type CompareCsvSeries,
  type CsvTable,
  type EventStudyCsvRow,
} from '../../../shared/domain/csv/export-tables';
import { safeFileStem } from '../../../shared/domain/file-name';
import type { EventWithT0 } from '../../../shared/domain/study-event';
import type { StudyDetail } from '../../../shared/domain/study';
import { reportHtml, reportMarkdown } from '../../../shared/domain/report/study-report';
import type { ReportEventStudy, ReportSensitivity } from '../../../shared/domain/report/report-research';
import type { ClaimSensitivity } from '../../../shared/domain/claim-sensitivity';
import { CatalystError } from '../../../shared/contract/errors';

/** What the exporter reads; the market, study and claims services provide it. */
export interface ExportServiceDeps {
  readonly getBars: (symbol: Ticker, from?: IsoDate, to?: IsoDate) => Bar[];
  readonly listEvents: (filter: { studyId?: string }) => EventWithT0[];
  readonly evaluateClaims: (studyId: string) => ClaimEvaluation[];
  readonly getStudy: (id: string) => StudyDetail;
  /** The event study of a study or of one event (the event-study service's `run`). */
  readonly runEventStudy: (
    scope: ({ studyId: string } | { eventId: string }) & EventStudyOptions,
  ) => Promise<ReportEventStudy & { readonly rows: readonly EventStudyCsvRow[] }>;
  /** A rebased comparison (the compare service's `series`). */
  readonly compareSeries: (input: CompareRequest) => CompareCsvSeries[];
  /** An event's title, or null when there is no such event. */
  readonly eventTitle: (eventId: string) => string | null;
  /** A claim's sensitivity strips, one per symbol (the claims service's what-if with the study's own parameters). */
  readonly claimSensitivity: (studyId: string, claimId: string) => readonly ClaimSensitivity[];
  /** Today's date (ISO), printed on report covers. */
  readonly today: () => string;
  /** Chromium's PDF printing of an HTML page (the app's printToPDF); absent where no browser engine runs. */
  readonly printPdf?: PdfPrinter;
  /** The system clipboard's image slot (Electron's clipboard in the app); absent in the CLI and the web server. */
  readonly copyImage?: (png: Uint8Array) => Promise<void> | void;
}

/** What an event-study export may narrow. */
export type EventStudyOptions = Pick<EventStudyInput, 'windows' | 'benchmark'>;

/** What a comparison export asks for. */
export type CompareRequest = Omit<Extract<CsvExportInput, { table: 'compare' }>, 'table' | 'bom'>;

/** Prints a self-contained HTML page to PDF bytes. */
export type PdfPrinter = (html: string, pageSize: PageSize) => Promise<Uint8Array>;

/** What {@link ExportService.report} makes. */
export interface ReportRequest {
  readonly studyId: string;
  readonly format: 'html' | 'md';
  /** Only this event and the claims measured from it. */
  readonly eventId?: string;
  readonly pageSize?: 'A4' | 'Letter';
}

const CSV_MIME = 'text/csv;charset=utf-8';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Turns what the app shows into files. Read-only: it never writes to the database, and it
 * returns file contents; the caller (CLI, save dialog, download) decides where they go.
 */
export class ExportService {
  private readonly deps: ExportServiceDeps;
  constructor(deps: ExportServiceDeps) {
    this.deps = deps;
  }

  /**
   * One table as CSV (see {@link toCsv}). Bars: the range asked for or every cached bar, named
   * `SYMBOL FIRST..LAST.csv` after the dates actually written; events, claims and the event
   * study of a study (default: the embedded one), or the event study of one event; a rebased
   * comparison at an event or a date. Unknown symbols, studies and events are `not-found`.
   */
  async csv(input: CsvExportInput): Promise<ExportedFile> {
    let table: CsvTable;
    let stem: string;
    switch (input.table) {
      case 'bars': {
        const bars = this.deps.getBars(input.symbol, input.from, input.to);
        table = barsTable(bars);
        stem = bars.length ? `${input.symbol} ${bars[0]!.date}..${bars.at(-1)!.date}` : `${input.symbol} no bars`;
        break;
      }
      case 'events': {
        const studyId = input.studyId ?? EMBEDDED_STUDY_ID;
        table = eventsTable(this.deps.listEvents({ studyId }));
        stem = `${studyId} events`;
        break;
      }
      case 'claims': {
        const studyId = input.studyId ?? EMBEDDED_STUDY_ID;
        table = claimsTable(this.deps.evaluateClaims(studyId));
        stem = `${studyId} claims`;
        break;
      }
      case 'event-study': {
        if (input.eventId !== undefined && input.studyId !== undefined)
          throw new CatalystError('invalid-input', 'give either a study or an event, not both');
        const options = { windows: input.windows, benchmark: input.benchmark };
        const scope = input.eventId
          ? { eventId: input.eventId, ...options }
          : { studyId: input.studyId ?? EMBEDDED_STUDY_ID, ...options };
        const result = await this.deps.runEventStudy(scope);
        table = eventStudyTable(result.rows, (id) => this.deps.eventTitle(id) ?? id);
        stem = `${'eventId' in scope ? scope.eventId : scope.studyId} event study`;
        break;
      }
      case 'compare': {
        const { table: _t, bom: _b, ...request } = input;
        table = compareTable(this.deps.compareSeries(request));
        const at = 'eventId' in input.anchor ? input.anchor.eventId : input.anchor.date;
        stem = `${input.symbols.slice(0, 4).join(' ')}${input.symbols.length > 4 ? ' …' : ''} rebased at ${at}`;
        break;
      }
    }
    return {
      fileName: `${safeFileStem(stem, input.table)}.csv`,
      mimeType: CSV_MIME,
      content: toCsv(table.header, table.rows, { bom: input.bom ?? false }),
      rows: table.rows.length,
    };
  }

  /**
   * The study's report (or one event's) as HTML or Markdown, without chart images: the CLI has
   * no renderer, and the report says so. The app makes the PDF from the same HTML with charts.
   * It includes the event study of the same scope and each claim's sensitivity strip.
   */
  async report(req: ReportRequest): Promise<ExportedFile> {
    const study = this.deps.getStudy(req.studyId);
    if (req.eventId && !study.events.some((e) => e.id === req.eventId))
      throw new CatalystError('not-found', `study "${req.studyId}" has no event "${req.eventId}"`);
    const claims = this.deps.evaluateClaims(req.studyId);
    const sensitivity: Record<string, readonly ClaimSensitivity[]> = {};
    for (const c of claims) sensitivity[c.id] = this.deps.claimSensitivity(req.studyId, c.id);
    const input = {
      study,
      claims,
      eventId: req.eventId,
      generatedOn: this.deps.today(),
      pageSize: req.pageSize,
      eventStudy: await this.eventStudyOf(req, study),
      sensitivity: sensitivity as ReportSensitivity,
    };
    const content = req.format === 'html' ? reportHtml(input) : reportMarkdown(input);
    const stem = safeFileStem(`${study.id}${req.eventId ? ` ${req.eventId}` : ''} report`, 'report');
    return {
      fileName: `${stem}.${req.format}`,
      mimeType: req.format === 'html' ? 'text/html;charset=utf-8' : 'text/markdown;charset=utf-8',
      content,
      rows: 0,
    };
  }

  /**
   * Puts a PNG on the system clipboard. `unavailable` where main has no clipboard (the page then
   * uses its own); anything that is not a PNG is `invalid-input`.
   */
  async copyImage(pngBase64: string): Promise<{ bytes: number }> {
    if (!this.deps.copyImage)
      throw new CatalystError('unavailable', 'no system clipboard here; the page copies the picture itself');
    const bytes = Buffer.from(pngBase64, 'base64');
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE))
      throw new CatalystError('invalid-input', 'the picture is not a PNG');
    await this.deps.copyImage(new Uint8Array(bytes));
    return { bytes: bytes.byteLength };
  }

  /** The event study of the report's scope; null when the study has nothing to measure. */
  private async eventStudyOf(req: ReportRequest, study: StudyDetail): Promise<ReportEventStudy | null> {
    if (!study.events.length || !study.universe.some((u) => u.role === 'subject')) return null;
    return this.deps.runEventStudy(req.eventId ? { eventId: req.eventId } : { studyId: req.studyId });
  }

  /**
   * Prints a report page to PDF. `unavailable` where no printer is wired (the CLI: use
   * `catalyst report --format html` and print it from a browser).
   */
  async pdf(html: string, pageSize: PageSize): Promise<PrintedPdf> {
    if (!this.deps.printPdf)
      throw new CatalystError(
        'unavailable',
        'PDF printing needs the app (or a browser engine); none is available here',
      );
    const bytes = await this.deps.printPdf(html, pageSize);
    if (bytes.byteLength < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-')
      throw new CatalystError('internal', 'the printer did not return a PDF');
    return { bytesBase64: Buffer.from(bytes).toString('base64'), bytes: bytes.byteLength };
  }
}
