import type { IsoDate, Ticker } from '../../../shared/brand';
import { EMBEDDED_STUDY_ID } from '../../../shared/contract/study';
import type { CsvExportInput, ExportedFile } from '../../../shared/contract/export';
import type { Bar } from '../../../shared/domain/bar';
import type { ClaimEvaluation } from '../../../shared/domain/claims';
import { toCsv } from '../../../shared/domain/csv/csv-cells';
import { barsTable, claimsTable, eventsTable, type CsvTable } from '../../../shared/domain/csv/export-tables';
import { safeFileStem } from '../../../shared/domain/file-name';
import type { EventWithT0 } from '../../../shared/domain/study-event';

/** What the exporter reads; the market, study and claims services provide it. */
export interface ExportServiceDeps {
  readonly getBars: (symbol: Ticker, from?: IsoDate, to?: IsoDate) => Bar[];
  readonly listEvents: (filter: { studyId?: string }) => EventWithT0[];
  readonly evaluateClaims: (studyId: string) => ClaimEvaluation[];
}

const CSV_MIME = 'text/csv;charset=utf-8';

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
   * `SYMBOL FIRST..LAST.csv` after the dates actually written; events and claims of a study
   * (default: the embedded one). Unknown symbols and studies are `not-found`.
   */
  csv(input: CsvExportInput): ExportedFile {
    const studyId = input.table === 'bars' ? '' : (input.studyId ?? EMBEDDED_STUDY_ID);
    let table: CsvTable;
    let stem: string;
    switch (input.table) {
      case 'bars': {
        const bars = this.deps.getBars(input.symbol, input.from, input.to);
        table = barsTable(bars);
        stem = bars.length ? `${input.symbol} ${bars[0]!.date}..${bars.at(-1)!.date}` : `${input.symbol} no bars`;
        break;
      }
      case 'events':
        table = eventsTable(this.deps.listEvents({ studyId }));
        stem = `${studyId} events`;
        break;
      case 'claims':
        table = claimsTable(this.deps.evaluateClaims(studyId));
        stem = `${studyId} claims`;
        break;
    }
    return {
      fileName: `${safeFileStem(stem, input.table)}.csv`,
      mimeType: CSV_MIME,
      content: toCsv(table.header, table.rows, { bom: input.bom ?? false }),
      rows: table.rows.length,
    };
  }
}
