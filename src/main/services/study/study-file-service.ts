import type { DataChangedEvent } from '../../../shared/contract/app';
import { CatalystError } from '../../../shared/contract/errors';
import type {
  StudyCreateInput,
  StudyFileOut,
  StudyImportPreview,
  StudyImportResult,
} from '../../../shared/contract/study-files';
import { MAX_STUDY_FILE_CHARS } from '../../../shared/contract/study-files';
import {
  parseStudyFile,
  STUDY_FORMAT_BASE_VERSION,
  studyFileSchema,
  type StudyFile,
  type StudySummary,
} from '../../../shared/domain/study';
import { safeFileStem } from '../../../shared/domain/file-name';
import {
  planStudyImport,
  freshSlug,
  type StudyImportOptions,
  type StudyImportPlan,
} from '../../../shared/domain/study-transfer/import-plan';
import { STUDY_FILE_EXTENSION, studyFileText, type StudyContent } from '../../../shared/domain/study-transfer/to-file';
import type { ClaimsRepository } from '../../db/repositories/claims-repository';
import type { EventsRepository } from '../../db/repositories/events-repository';
import type { StudyRepository } from '../../db/repositories/study-repository';
import type { StudySettingsRepository } from '../../db/repositories/study-settings-repository';
import type { WriteTransaction } from '../../db/transaction';
import type { StudyWriter } from './study-writer';

export interface StudyFileServiceDeps {
  readonly studies: StudyRepository;
  readonly events: EventsRepository;
  readonly claims: ClaimsRepository;
  /** The studies' own event-study settings (windows, benchmark): exported and imported with them. */
  readonly settings: StudySettingsRepository;
  /** The one writer of study rows (shared with seeding). */
  readonly writer: StudyWriter;
  readonly writeTransaction: WriteTransaction;
  /** Sends `data.changed` after a commit. */
  readonly emitChanged: (event: DataChangedEvent) => void;
}

/** A readable slug from a title: `Why China tech is up` → `why-china-tech-is-up` (≤ 60 characters). */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || 'study';
}

/**
 * Study files (`.catalyst.json`, format in docs/study-format.md): export a stored study, preview
 * and import a file, create a study from scratch. Imports never overwrite the receiver's rows
 * (see `planStudyImport`); each import is validated whole, then written in one transaction,
 * then announced with `data.changed`.
 */
export class StudyFileService {
  private readonly deps: StudyFileServiceDeps;
  constructor(deps: StudyFileServiceDeps) {
    this.deps = deps;
  }

  /** The stored study as a study file; not-found when no study has this id. */
  exportStudy(id: string): StudyFileOut {
    const content = this.content(id);
    if (!content) throw new CatalystError('not-found', `no study "${id}"`);
    return {
      studyId: id,
      fileName: `${safeFileStem(id, 'study')}${STUDY_FILE_EXTENSION}`,
      mimeType: 'application/json',
      content: studyFileText(content),
    };
  }

  /** What importing the file would do; writes nothing. */
  preview(text: string, options: StudyImportOptions = {}): StudyImportPreview {
    const file = this.parse(text);
    return this.previewOf(this.plan(file, options));
  }

  /**
   * Imports the file as {@link preview} describes it, in one write transaction (the plan is made
   * again inside it, so a change in between cannot be overwritten); emits `data.changed`.
   */
  import(text: string, options: StudyImportOptions = {}): StudyImportResult {
    const file = this.parse(text);
    const plan = this.deps.writeTransaction(() => {
      const p = this.plan(file, options);
      this.write(p);
      return p;
    });
    if (plan.counts.written > 0) this.deps.emitChanged({ kinds: ['studies', 'events', 'claims'] });
    return { ...this.previewOf(plan), study: this.summary(plan.studyId) };
  }

  /** A new, empty study (no events, no claims yet) owned by the user. */
  create(input: StudyCreateInput): StudySummary {
    const summary = this.deps.writeTransaction(() => {
      let id = input.id;
      if (id && this.deps.studies.stored(id)) throw new CatalystError('conflict', `a study "${id}" already exists`);
      if (!id) {
        const base = slugFromTitle(input.title);
        id = this.deps.studies.stored(base)
          ? freshSlug(base, 'new', (x) => this.deps.studies.stored(x) !== null)
          : base;
      }
      const parsed = studyFileSchema.safeParse({
        format: 'catalyst-study',
        version: STUDY_FORMAT_BASE_VERSION,
        id,
        revision: 1,
        title: input.title,
        description: input.description ?? '',
        source: input.source,
        universe: input.universe,
        events: [],
        claims: [],
      });
      if (!parsed.success) {
        throw new CatalystError(
          'invalid-input',
          parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'study'}: ${i.message}`).join('\n'),
        );
      }
      this.write(this.plan(parsed.data, {}));
      return this.summary(id)!;
    });
    this.deps.emitChanged({ kinds: ['studies'] });
    return summary;
  }

  private parse(text: string): StudyFile {
    if (text.length > MAX_STUDY_FILE_CHARS) {
      throw new CatalystError(
        'invalid-input',
        `the study file is larger than ${MAX_STUDY_FILE_CHARS / 1024 / 1024} MiB`,
      );
    }
    const parsed = parseStudyFile(text);
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 20);
      if (parsed.problems.length > 20) shown.push(`… and ${parsed.problems.length - 20} more`);
      throw new CatalystError('invalid-input', `not a valid study file; nothing was imported:\n${shown.join('\n')}`, {
        problems: parsed.problems.slice(0, 200),
      });
    }
    return parsed.study;
  }

  private content(id: string): StudyContent | null {
    const header = this.deps.studies.get(id);
    if (!header) return null;
    return {
      header,
      universe: this.deps.studies.universe(id),
      events: this.deps.events.list({ studyId: id }),
      claims: this.deps.claims.list(id),
      eventStudy: { windows: this.deps.settings.windows(id), benchmark: this.deps.settings.benchmark(id) },
    };
  }

  private plan(file: StudyFile, options: StudyImportOptions): StudyImportPlan {
    return planStudyImport(
      file,
      {
        study: this.content(file.id),
        studyExists: (id) => this.deps.studies.stored(id) !== null,
        eventOwner: (id) => {
          const o = this.deps.events.owner(id);
          return o ? o.studyId : undefined;
        },
      },
      options,
    );
  }

  private write(plan: StudyImportPlan): void {
    this.deps.writer.add(plan.write, 'user');
    const settings = plan.write.eventStudy;
    if (settings?.windows) this.deps.settings.setWindows(plan.studyId, settings.windows);
    if (settings?.benchmark) this.deps.settings.setBenchmark(plan.studyId, settings.benchmark);
  }

  private summary(id: string): StudySummary | null {
    return this.deps.studies.list().find((s) => s.id === id) ?? null;
  }

  private previewOf(plan: StudyImportPlan): StudyImportPreview {
    const { write: _write, ...rest } = plan;
    return rest;
  }
}
